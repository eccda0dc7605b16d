import { defineErrors } from '@partybuild/errors';
export { DomainError } from '@partybuild/errors';

/** The pairing service's refusals: the key is the stable `extensions.code`. Who may do what is the access table's (FORBIDDEN). */
export const PairingErrors = defineErrors({
  ORGANIZATION_NOT_FOUND: (p: { id: string }) => ({
    zh: `结对共建记录中没有编号为 ${p.id} 的党组织。`,
    en: `No organisation ${p.id} is known to the pairing records.`,
  }),
  ORGANIZATION_DISSOLVED: (p: { name: string }) => ({
    zh: `「${p.name}」已撤销，不能再结对或登记共建事项。`,
    en: `${p.name} has been dissolved; it can no longer be paired.`,
  }),
  NOT_A_VILLAGE: (p: { name: string }) => ({
    zh: `「${p.name}」不是村或社区党组织，不能建立村（社区）结对档案或作为被帮扶方。`,
    en: `${p.name} is not a village or community organisation.`,
  }),
  NOT_AN_AGENCY: (p: { name: string }) => ({
    zh: `「${p.name}」不是机关（事业单位）党组织，不能作为机关结对方。`,
    en: `${p.name} is not an agency organisation.`,
  }),
  PAIR_WITH_ITSELF: (p: { name: string }) => ({
    zh: `「${p.name}」不能与自己结对：结对双方必须是两个不同的党组织。`,
    en: `${p.name} cannot be paired with itself.`,
  }),
  TWO_AGENCIES: (p: { helper: string; helped: string }) => ({
    zh: `「${p.helper}」与「${p.helped}」都是机关党组织：党建共建1+1须由机关与村（社区）结对。`,
    en: `${p.helper} and ${p.helped} are both agencies; a pair joins an agency with a village or community.`,
  }),
  NOT_BRANCHES: (p: { name: string }) => ({
    zh: `「${p.name}」不是党支部：强弱支部结对的双方都须是党支部。`,
    en: `${p.name} is not a branch; a strong–weak pair joins two branches.`,
  }),
  ALREADY_PAIRED: (p: { helped: string; helper: string }) => ({
    zh: `「${p.helped}」已与「${p.helper}」结对（拟结对或结对中）：一个村（社区）同一时间只有一个结对机关，请先结束原结对。`,
    en: `${p.helped} already has an open pair with ${p.helper}; end it first.`,
  }),
  CAPACITY_EXCEEDED: (p: { name: string; capacity: number; open: number }) => ({
    zh: `「${p.name}」的结对容量为 ${p.capacity} 个村（社区），已有 ${p.open} 个拟结对或结对中，不能再增加。`,
    en: `${p.name} can take ${p.capacity} villages and already has ${p.open} open pairs.`,
  }),
  CAPACITY_OUT_OF_RANGE: (p: { max: number }) => ({
    zh: `结对容量须为 0 至 ${p.max} 之间的整数。`,
    en: `A capacity is a whole number from 0 to ${p.max}.`,
  }),
  TERM_OUT_OF_RANGE: (p: { max: number }) => ({
    zh: `结对期限须为 1 至 ${p.max} 个月。`,
    en: `A pair's term is 1 to ${p.max} months.`,
  }),
  PAIR_NOT_FOUND: (p: { id: string }) => ({ zh: `没有编号为 ${p.id} 的结对。`, en: `No pair ${p.id} exists.` }),
  PAIR_STATUS: (p: { action: string; status: string }) => ({
    zh: `该结对当前状态为「${p.status}」，不能${p.action}（拟结对 → 结对中 → 已结束）。`,
    en: `The pair is ${p.status}; it cannot be ${p.action}.`,
  }),
  PAIR_NOT_ACTIVE: () => ({
    zh: '只有结对中的结对才能登记服务或建立党员结对。',
    en: 'Services and member pairs are recorded only under an active pair.',
  }),
  FIELD_INVALID: (p: { field: string; rule: string }) => ({
    zh: `「${p.field}」填写有误：${p.rule}。`,
    en: `${p.field} is not valid: ${p.rule}.`,
  }),
  DATE_IN_FUTURE: (p: { field: string; today: string }) => ({
    zh: `「${p.field}」不能晚于今天（${p.today}）。`,
    en: `${p.field} cannot be after today (${p.today}).`,
  }),
  MEMBER_NOT_FOUND: (p: { id: string }) => ({
    zh: `结对共建记录中没有编号为 ${p.id} 的党员。`,
    en: `No member ${p.id} is known to the pairing records.`,
  }),
  MEMBER_WRONG_SIDE: (p: { side: string; rule: string }) => ({
    zh: `${p.side}不符合要求：${p.rule}。`,
    en: `The ${p.side} does not qualify: ${p.rule}.`,
  }),
  MEMBER_ALREADY_PAIRED: (p: { side: string }) => ({
    zh: `${p.side}已有进行中的党员结对，请先结束原结对。`,
    en: `The ${p.side} already has an open member pair.`,
  }),
  WISH_NOT_FOUND: (p: { id: string }) => ({ zh: `没有编号为 ${p.id} 的微心愿。`, en: `No micro-wish ${p.id} exists.` }),
  WISH_ALREADY_CLAIMED: () => ({
    zh: '该微心愿已被认领，不能重复认领。',
    en: 'This micro-wish has already been claimed.',
  }),
  WISH_NOT_CLAIMED: () => ({
    zh: '该微心愿尚未被认领，认领后才能登记实现。',
    en: 'This micro-wish has not been claimed; it must be claimed before it is fulfilled.',
  }),
  WISH_CLOSED: (p: { status: string }) => ({
    zh: `该微心愿已${p.status}，不能再办理。`,
    en: `This micro-wish is ${p.status}.`,
  }),
  PROBLEM_NOT_FOUND: (p: { id: string }) => ({ zh: `没有编号为 ${p.id} 的问题。`, en: `No problem ${p.id} exists.` }),
  PROBLEM_CLOSED: (p: { status: string }) => ({
    zh: `该问题已${p.status}，不能再办理。`,
    en: `This problem is already ${p.status}.`,
  }),
  NOT_ASSIGNEE: (p: { assignee: string }) => ({
    zh: `该问题交办给「${p.assignee}」，只有该单位（或其上级）的党务干部可以办结或上报。`,
    en: `This problem is assigned to ${p.assignee}; only its cadres (or those above it) may resolve or escalate it.`,
  }),
  TOO_MANY_ROWS: (p: { max: number; given: number }) => ({
    zh: `一次最多登记 ${p.max} 条走访记录，本次为 ${p.given} 条，请分批提交。`,
    en: `At most ${p.max} visits in one call; ${p.given} were given.`,
  }),
  VISIT_ROWS_INVALID: (p: { count: number; first: string }) => ({
    zh: `走访记录有 ${p.count} 处错误，全部未登记。第一处：${p.first}`,
    en: `${p.count} errors in the visits; nothing was recorded. First: ${p.first}`,
  }),
});

export type PairingErrorCode = keyof typeof PairingErrors.codes;

export const invalid = (field: string, rule: string) => PairingErrors.FIELD_INVALID({ field, rule }, { field });
