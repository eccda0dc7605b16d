import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@partybuild/auth';
import type { Period } from '@partybuild/calendar';
import type { Tally } from '@partybuild/compliance';
import type { DuesTotals } from '@partybuild/dues';
import { ComplianceQueries, requirementsWith } from '@partybuild/app-activity';
import { MemberQueries, PersonalDataCipher } from '@partybuild/app-membership';

/** What the services themselves answer: the membership service's dues summary, the activity service's compliance report. */
export interface ServiceFigures {
  dues?: DuesTotals;
  threeMeetingsOneLesson?: Tally;
  organizationalLife?: Tally;
}

const OPERATOR = { subject: 'reconciliation', name: 'reconciliation', roles: [Role.DISTRICT_ADMIN], scope: [] };

async function open(url: string): Promise<DataSource> {
  const dataSource = new DataSource({ type: 'postgres', url, entities: [], extra: { max: 4 } });
  return dataSource.initialize();
}

/**
 * Asks the services' own code, on their own databases, for the figures the statistics must
 * equal: `duesSummary` of the membership service and `complianceReport` of the activity service
 * for every organisation. Only reads; the statistics service itself never does this.
 */
export async function serviceFigures(
  urls: { membership?: string; activity?: string },
  organizationIds: string[],
  period: Period,
  today: string,
): Promise<Map<string, ServiceFigures>> {
  const result = new Map<string, ServiceFigures>(organizationIds.map((id) => [id, {}]));
  if (urls.activity) {
    const activity = await open(urls.activity);
    try {
      const pictures = await new ComplianceQueries(activity, () => today, requirementsWith()).forRoots(organizationIds, period);
      for (const id of organizationIds) {
        const summary = pictures.get(id)!.summary;
        const tally = ({ required, held }: Tally) => ({ required, held });
        Object.assign(result.get(id)!, {
          threeMeetingsOneLesson: tally(summary.threeMeetingsOneLesson),
          organizationalLife: tally(summary.organizationalLife),
        });
      }
    } finally {
      await activity.destroy();
    }
  }
  if (urls.membership) {
    const membership = await open(urls.membership);
    try {
      // The cipher is never used by the dues summary: no personal data is read.
      const queries = new MemberQueries(membership, new PersonalDataCipher(randomBytes(32).toString('hex')), () => today);
      for (const id of organizationIds) {
        const { expectedFen, collectedFen, membersInArrears } = await queries.duesSummary(OPERATOR, id, period.label);
        result.get(id)!.dues = { expectedFen, collectedFen, membersInArrears };
      }
    } finally {
      await membership.destroy();
    }
  }
  return result;
}
