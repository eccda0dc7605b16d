import type { DataSource } from 'typeorm';
import { UnitOfWork } from '@partybuild/persistence';
import { AssessmentRules, rulesForYear } from '../reference/assessment-rules';

export interface AssessmentSettings {
  topTenMinScore?: number;
  excellentRatio?: number;
}

/** What every request may use: the database, "today" and the year's rules with the district's overrides. */
export interface AssessmentServices {
  dataSource: DataSource;
  unitOfWork: UnitOfWork;
  today: () => string;
  rules: (year: number) => AssessmentRules;
}

export function assessmentServices(
  dataSource: DataSource,
  nudge: () => void,
  today: () => string,
  settings: AssessmentSettings,
): AssessmentServices {
  return {
    dataSource,
    unitOfWork: new UnitOfWork(dataSource, nudge),
    today,
    rules: (year) => rulesForYear(year, settings),
  };
}
