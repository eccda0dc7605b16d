import type { Figures } from '../figures/figures';
import type { OrganizationStatistics } from './figures.type';

export const toStatistics = (f: Figures): OrganizationStatistics => ({
  period: f.period.label,
  from: f.period.start,
  to: f.period.end,
  asOf: f.asOf,
  organizationsByKind: f.organizationsByKind,
  members: f.members,
  branches: f.branches,
  activities: f.activities,
  dues: f.dues,
});
