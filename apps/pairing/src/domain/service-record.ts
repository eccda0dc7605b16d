import { PairingErrors, invalid } from '../errors';
import type { PairingRules } from '../reference/pairing-rules';

/** 送/带 — what was delivered under a pair. */
export enum ServiceType {
  /** 送党课 */
  PARTY_LESSON = 'PARTY_LESSON',
  /** 送法律 */
  LEGAL = 'LEGAL',
  /** 送卫生 */
  HEALTH = 'HEALTH',
  /** 送温暖 */
  WARMTH = 'WARMTH',
  /** 送科技 */
  TECHNOLOGY = 'TECHNOLOGY',
  /** 带思路 */
  IDEAS = 'IDEAS',
  /** 带队伍 */
  TEAM = 'TEAM',
  /** 带项目 */
  PROJECT = 'PROJECT',
  /** 带技术 */
  SKILLS = 'SKILLS',
}

export interface Attachment {
  name: string;
  sha256: string;
  sizeBytes: number;
}

export interface ServiceFacts {
  deliveredOn: string;
  beneficiaries: number;
  funds: number;
  outcome: string;
  attachments?: Attachment[] | null;
  memberIds?: string[] | null;
}

const MAX_BENEFICIARIES = 1_000_000;
const MAX_FUNDS = 1_000_000_000;
const MAX_ATTACHMENTS = 20;
const MAX_MEMBERS = 200;

/** Checks what a service record says, before anything is looked up; returns it tidied. */
export function checkService(facts: ServiceFacts, today: string, pairStart: string | null, rules: PairingRules) {
  if (facts.deliveredOn > today) throw PairingErrors.DATE_IN_FUTURE({ field: '服务日期', today }, { field: 'deliveredOn' });
  if (pairStart && facts.deliveredOn < pairStart) throw invalid('deliveredOn', `服务日期不能早于结对开始日期 ${pairStart}`);
  if (!Number.isInteger(facts.beneficiaries) || facts.beneficiaries < 0 || facts.beneficiaries > MAX_BENEFICIARIES) {
    throw invalid('beneficiaries', `受益人数须为 0 至 ${MAX_BENEFICIARIES} 的整数`);
  }
  if (!Number.isFinite(facts.funds) || facts.funds < 0 || facts.funds > MAX_FUNDS || Math.round(facts.funds * 100) !== facts.funds * 100) {
    throw invalid('funds', `投入资金须为 0 至 ${MAX_FUNDS} 元，最多两位小数`);
  }
  const outcome = facts.outcome.trim();
  if (!outcome || [...outcome].length > rules.text.outcome) throw invalid('outcome', `请填写服务成效（1–${rules.text.outcome} 个字）`);
  const attachments = facts.attachments ?? [];
  if (attachments.length > MAX_ATTACHMENTS) throw invalid('attachments', `附件最多 ${MAX_ATTACHMENTS} 个`);
  for (const a of attachments) {
    if (!/^[0-9a-f]{64}$/.test(a.sha256)) throw invalid('attachments', '附件的 sha256 须为 64 位十六进制数字');
    if (!a.name.trim() || !Number.isInteger(a.sizeBytes) || a.sizeBytes < 0) throw invalid('attachments', '附件须有名称和大小');
  }
  const memberIds = [...new Set(facts.memberIds ?? [])];
  if (memberIds.length > MAX_MEMBERS) throw invalid('memberIds', `参与党员最多 ${MAX_MEMBERS} 名`);
  return { deliveredOn: facts.deliveredOn, beneficiaries: facts.beneficiaries, funds: facts.funds, outcome, attachments, memberIds };
}
