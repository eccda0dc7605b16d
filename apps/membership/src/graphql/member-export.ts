import { CsvColumn, CsvHeaders, writeCsv } from '@partybuild/csv';
import { assertAllowed } from '@partybuild/auth';
import { maskIdNumber, maskPhone } from '../domain/id-number';
import { CHINESE_LABELS, IMPORT_COLUMNS } from '../application/member-import';
import { PersonalDataReader } from '../application/personal-data';
import { MemberRecord } from '../entities';
import type { MembershipContext } from './context';

type Row = MemberRecord & { idNumber: string; phone: string; branchCode?: string; partyGroupCode?: string };

/** The columns of the import format, in its order; the masked export carries no birth date (it would undo the mask). */
const VALUES: Record<(typeof IMPORT_COLUMNS)[number], (m: Row) => string | number | null | undefined> = {
  name: (m) => m.name,
  idNumber: (m) => m.idNumber,
  gender: (m) => m.gender,
  ethnicity: (m) => m.ethnicity,
  education: (m) => m.education,
  phone: (m) => m.phone,
  workUnit: (m) => m.workUnit,
  post: (m) => m.post,
  category: (m) => m.category,
  branchCode: (m) => m.branchCode,
  partyGroupCode: (m) => m.partyGroupCode ?? '',
  stage: (m) => m.stage,
  activistSince: (m) => m.activistSince,
  candidateSince: (m) => m.candidateSince,
  joinedOn: (m) => m.joinedOn,
  fullMemberSince: (m) => m.fullMemberSince,
  duesBase: (m) => (m.duesBaseFen == null ? '' : (m.duesBaseFen / 100).toFixed(2)),
  duesPaidThrough: () => '',
};

const COLUMNS: Array<CsvColumn<Row>> = IMPORT_COLUMNS.map((key) => ({ key, zh: CHINESE_LABELS[key], value: VALUES[key] }));

/**
 * The member list in the import format (it reads back in with `importMembers`), through the
 * platform's safe CSV writer; unmasked only for those allowed, logged before it is returned.
 */
export async function exportCsv(
  ctx: MembershipContext,
  organizationId: string,
  includeSubtree: boolean,
  unmasked: boolean,
  headers: CsvHeaders = CsvHeaders.ENGLISH,
): Promise<string> {
  const node = await ctx.queries.visibleNode(ctx.caller, organizationId, 'member.export');
  // Unmasked for a whole list: the caller must hold `member.personal` on the organisation itself.
  if (unmasked) assertAllowed(ctx.caller, 'member.personal', { path: node.path }, node.name);
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
  const rows = members.map((m): Row => {
    const id = ctx.cipher.decrypt(m.idNumberSealed);
    const phone = m.phoneSealed ? ctx.cipher.decrypt(m.phoneSealed) : '';
    return {
      ...m,
      idNumber: unmasked ? id : maskIdNumber(id),
      phone: unmasked ? phone : phone && maskPhone(phone),
      branchCode: codeOf.get(m.organizationId),
      partyGroupCode: m.partyGroupId ? codeOf.get(m.partyGroupId) : '',
    };
  });
  return writeCsv(COLUMNS, rows, headers);
}
