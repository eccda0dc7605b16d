import { MembershipErrors } from '../errors';
import { csvLine } from '../domain/csv';
import { maskIdNumber, maskPhone } from '../domain/id-number';
import { IMPORT_COLUMNS } from '../application/member-import';
import { mayUnmask } from '../application/member-access';
import { PersonalDataReader } from '../application/personal-data';
import type { MembershipContext } from './context';

/** The member list in the import format; unmasked only for those allowed, logged before it is returned. */
export async function exportCsv(
  ctx: MembershipContext,
  organizationId: string,
  includeSubtree: boolean,
  unmasked: boolean,
): Promise<string> {
  const node = await ctx.queries.visibleNode(ctx.caller, organizationId);
  if (unmasked && !mayUnmask(ctx.caller, node.path)) {
    throw MembershipErrors.EXPORT_MASKED_ONLY();
  }
  const members = await ctx.queries.allMembers(ctx.caller, organizationId, { includeSubtree, partyGroup: node.kind === 'PARTY_GROUP' });
  const codes = await ctx.loaders.orgNode.loadMany([
    ...new Set(members.flatMap((m) => [m.organizationId, m.partyGroupId ?? m.organizationId])),
  ]);
  const codeOf = new Map(codes.flatMap((n) => (n && !(n instanceof Error) ? [[n.id, n.code] as const] : [])));
  if (unmasked)
    await PersonalDataReader.auditExport(
      ctx.dataSource,
      ctx.caller,
      ctx.requestId,
      members.map((m) => m.id),
    );
  const lines = [csvLine([...IMPORT_COLUMNS])];
  for (const m of members) {
    const id = ctx.cipher.decrypt(m.idNumberSealed);
    const phone = m.phoneSealed ? ctx.cipher.decrypt(m.phoneSealed) : '';
    lines.push(
      csvLine([
        m.name,
        unmasked ? id : maskIdNumber(id),
        m.gender,
        m.ethnicity,
        m.education,
        unmasked ? phone : phone && maskPhone(phone),
        m.workUnit,
        m.post,
        m.category,
        codeOf.get(m.organizationId),
        m.partyGroupId ? codeOf.get(m.partyGroupId) : '',
        m.stage,
        m.activistSince,
        m.candidateSince,
        m.joinedOn,
        m.fullMemberSince,
        m.duesBaseFen == null ? '' : (m.duesBaseFen / 100).toFixed(2),
        '',
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
