import type { EntityManager } from 'typeorm';
import type { MemberSnapshot } from '@partybuild/contracts';
import { EventEnvelope, appendToOutbox, createEnvelope } from '@partybuild/events';
import { MemberRecord } from '../entities';
import { DevelopmentStage, MEMBER_STAGES } from '../domain/member-kinds';
import { monthlyDueFen } from '../domain/dues';
import { duesRulesOn } from '../reference/membership-rules';

export { MembershipEventType as MemberEvent } from '@partybuild/contracts';

/** What every member event carries: no ID number, no phone, no name (statistics never need them). */
export function snapshotOf(m: MemberRecord): MemberSnapshot {
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
    // Only members pay dues; the rules in force now (they change by published versions, rarely).
    monthlyDueFen: MEMBER_STAGES.includes(m.stage)
      ? monthlyDueFen(m.category, m.duesBaseFen, duesRulesOn(new Date().toISOString().slice(0, 10)))
      : null,
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
    data: { member: snapshotOf(member), ...data },
  });
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
  await appendToOutbox(manager, [memberEnvelope(member, organizationPath, type, actor, data)]);
}
