import type { EntityManager } from 'typeorm';
import { MEMBERSHIP_SCHEMA_VERSION, MemberSnapshot } from '@partybuild/contracts';
import { MonthlyDue, withMonthlyDue } from '@partybuild/dues';
import { todayIn } from '@partybuild/calendar';
import { EventEnvelope, appendToOutbox, createEnvelope } from '@partybuild/events';
import { MemberRecord } from '../entities';
import { DevelopmentStage, MEMBER_STAGES } from '../domain/member-kinds';
import { monthlyDueFen } from '../domain/dues';
import { monthOf } from '../domain/dates';
import { duesRulesOn } from '../reference/membership-rules';

export { MembershipEventType as MemberEvent } from '@partybuild/contracts';

const today = () => todayIn(process.env.TIME_ZONE ?? 'Asia/Shanghai');

/** Only members pay dues; the rules in force now (they change by published versions, rarely). */
const currentDueFen = (m: MemberRecord): number | null =>
  MEMBER_STAGES.includes(m.stage) ? monthlyDueFen(m.category, m.duesBaseFen, duesRulesOn(today())) : null;

/** The member's history of monthly dues with the due in force now (a change applies from this month). */
export const duesHistoryOf = (m: MemberRecord): MonthlyDue[] =>
  withMonthlyDue(m.monthlyDues ?? [], MEMBER_STAGES.includes(m.stage) ? m.duesStartMonth : null, monthOf(today()), currentDueFen(m));

/** What every member event carries: no ID number, no phone, no name (statistics never need them). */
export function snapshotOf(m: MemberRecord): MemberSnapshot {
  const paying = MEMBER_STAGES.includes(m.stage) && m.duesStartMonth !== null;
  return {
    id: m.id,
    organizationId: m.organizationId,
    partyGroupId: m.partyGroupId,
    stage: m.stage,
    status: m.status,
    category: m.category,
    gender: m.gender,
    birthDate: m.birthDate,
    education: m.education,
    ethnicity: m.ethnicity,
    joinedOn: m.joinedOn,
    fullMemberSince: m.fullMemberSince,
    votingRights: m.stage === DevelopmentStage.FULL,
    monthlyDueFen: currentDueFen(m),
    dues: paying ? { startMonth: m.duesStartMonth, monthlyDues: m.monthlyDues ?? [] } : null,
  };
}

export function memberEnvelope(
  member: MemberRecord,
  organizationPath: string[],
  type: string,
  actor: string,
  data: Record<string, unknown> = {},
): EventEnvelope<unknown> {
  return createEnvelope('membership', {
    type,
    aggregateId: member.id,
    organizationId: member.organizationId,
    organizationPath,
    actor,
    schemaVersion: MEMBERSHIP_SCHEMA_VERSION,
    data: { member: snapshotOf(member), ...data },
  });
}

/** Keeps the history of the monthly due when a change moved it (one statement, only then). */
async function keepDuesHistory(manager: EntityManager, member: MemberRecord): Promise<void> {
  const history = duesHistoryOf(member);
  if (JSON.stringify(history) === JSON.stringify(member.monthlyDues ?? [])) return;
  await manager.query(`UPDATE member SET monthly_dues = $2::jsonb WHERE id = $1`, [member.id, JSON.stringify(history)]);
  member.monthlyDues = history;
}

/** Records a change's event in the caller's transaction: no change without its event, and the reverse. */
export async function recordChange(
  manager: EntityManager,
  member: MemberRecord,
  organizationPath: string[],
  type: string,
  actor: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await keepDuesHistory(manager, member);
  await appendToOutbox(manager, [memberEnvelope(member, organizationPath, type, actor, data)]);
}
