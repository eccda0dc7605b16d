import { DomainError, OutOfScopeError, defineErrors } from '@partybuild/errors';
import { Caller, Role } from './caller';

/**
 * Where a role may do something:
 * - `anywhere`: on every organisation and record of the district;
 * - `in-scope`: on organisations (and the records they hold) below one of the caller's scope roots;
 * - `own`: only on the caller's own member record (the `memberId` of their token);
 * - `never`: refused whatever the target.
 */
export type Condition = 'anywhere' | 'in-scope' | 'own' | 'never';

/**
 * 权限表 — every operation and field group the services expose that is not public, × role.
 * Written once: the services ask `allowed()` / `assertAllowed()`, the end-to-end test walks
 * every cell through the gateway, and the READMEs describe exactly this table.
 */
export const ACCESS_TABLE = {
  /** Organisations: names, codes, the tree, structure figures. */
  'organization.read': { label: '组织信息', 'district-admin': 'anywhere', 'party-cadre': 'in-scope', member: 'in-scope', analyst: 'in-scope' },
  /** Committee members and elections: people's names. */
  'organization.committee': { label: '委员会与换届（姓名）', 'district-admin': 'anywhere', 'party-cadre': 'in-scope', member: 'in-scope', analyst: 'never' },
  /** Create, change, move, dissolve organisations; elections and appointments. */
  'organization.manage': { label: '维护组织', 'district-admin': 'anywhere', 'party-cadre': 'in-scope', member: 'never', analyst: 'never' },
  /** A member record and member lists: name, gender, stage, dates, development, dues of one person. */
  'member.read': { label: '党员信息与名册', 'district-admin': 'anywhere', 'party-cadre': 'in-scope', member: 'own', analyst: 'never' },
  /** ID number, phone and birth date in clear (audit-logged); otherwise masked / withheld. */
  'member.personal': { label: '身份证号、电话、出生日期（明文）', 'district-admin': 'anywhere', 'party-cadre': 'in-scope', member: 'own', analyst: 'never' },
  /** Looking a person up by ID number. */
  'member.lookup': { label: '按身份证号查找', 'district-admin': 'anywhere', 'party-cadre': 'in-scope', member: 'never', analyst: 'never' },
  /** The roster as CSV. */
  'member.export': { label: '导出党员名册', 'district-admin': 'anywhere', 'party-cadre': 'in-scope', member: 'never', analyst: 'never' },
  /** Register, correct, develop, transfer members, record dues, import. */
  'member.manage': { label: '维护党员信息', 'district-admin': 'anywhere', 'party-cadre': 'in-scope', member: 'never', analyst: 'never' },
  /** 发展党员待办: names of people due for a development step. */
  developmentDue: { label: '发展党员待办（姓名）', 'district-admin': 'anywhere', 'party-cadre': 'in-scope', member: 'never', analyst: 'never' },
  /** 欠交党费: names of members in arrears. */
  duesArrears: { label: '欠交党费名单', 'district-admin': 'anywhere', 'party-cadre': 'in-scope', member: 'never', analyst: 'never' },
  /** 党费收缴汇总: counts and amounts only. */
  duesSummary: { label: '党费收缴汇总', 'district-admin': 'anywhere', 'party-cadre': 'in-scope', member: 'never', analyst: 'in-scope' },
  /** Transfers in and out: names of the people moving. */
  memberTransfers: { label: '组织关系转接', 'district-admin': 'anywhere', 'party-cadre': 'in-scope', member: 'never', analyst: 'never' },
  /** Who saw whose ID number. */
  personalDataAccessLog: { label: '个人信息查看记录', 'district-admin': 'anywhere', 'party-cadre': 'never', member: 'never', analyst: 'never' },
  /** Meetings and lessons: topic, place, minutes, lecturer. */
  'activity.read': { label: '组织生活记录', 'district-admin': 'anywhere', 'party-cadre': 'in-scope', member: 'in-scope', analyst: 'never' },
  /** Who attended what: attendance lists and a member's attendance and rate. */
  'activity.attendance': { label: '出勤名单', 'district-admin': 'anywhere', 'party-cadre': 'in-scope', member: 'own', analyst: 'never' },
  /** 三会一课落实情况, plans, compliance report: figures per organisation. */
  'activity.compliance': { label: '三会一课落实情况', 'district-admin': 'anywhere', 'party-cadre': 'in-scope', member: 'in-scope', analyst: 'in-scope' },
  /** Record, plan, cancel, nominate activities. */
  'activity.manage': { label: '记录组织生活', 'district-admin': 'anywhere', 'party-cadre': 'in-scope', member: 'never', analyst: 'never' },
  /** Rolled-up figures, the district overview and the figures CSV. */
  'statistics.read': { label: '统计数据', 'district-admin': 'anywhere', 'party-cadre': 'in-scope', member: 'never', analyst: 'in-scope' },
} as const satisfies Record<string, { label: string } & Record<Role, Condition>>;

export type Operation = keyof typeof ACCESS_TABLE;

export const OPERATIONS = Object.keys(ACCESS_TABLE) as Operation[];

/** What the caller wants to act on: an organisation (its ancestor path, root first) and/or a member record. */
export interface Target {
  path?: readonly string[];
  memberId?: string;
}

const ROLE_LABEL: Record<Role, string> = {
  [Role.DISTRICT_ADMIN]: '区委组织部管理员',
  [Role.PARTY_CADRE]: '党务干部',
  [Role.MEMBER]: '党员',
  [Role.ANALYST]: '统计分析人员',
};

/** The most generous condition any of the caller's roles has for the operation. */
export function conditionFor(caller: Caller, operation: Operation): Condition {
  const order: Condition[] = ['anywhere', 'in-scope', 'own', 'never'];
  const row = ACCESS_TABLE[operation] as Record<Role, Condition>;
  return caller.roles.map((role) => row[role]).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0] ?? 'never';
}

/** Does one role's condition let the caller act on the target? */
function meets(caller: Caller, condition: Condition, target: Target): boolean {
  switch (condition) {
    case 'anywhere':
      return true;
    case 'in-scope':
      // No target at all asks "may the role ever?" (lists are then filtered by scope where they are read);
      // a member record without its organisation's path is never in scope.
      if (!target.path) return target.memberId === undefined;
      return target.path.some((id) => caller.scope.includes(id));
    case 'own':
      // No target at all asks "may the role ever?": yes, for a token that names its member record.
      if (!target.path && target.memberId === undefined) return !!caller.memberId;
      return !!caller.memberId && target.memberId === caller.memberId;
    default:
      return false;
  }
}

/** May the caller do the operation on the target? Any of their roles may grant it. */
export function allowed(caller: Caller, operation: Operation, target: Target = {}): boolean {
  const row = ACCESS_TABLE[operation] as Record<Role, Condition>;
  return caller.roles.some((role) => meets(caller, row[role], target));
}

/** Does any role of the caller have the operation at all (before looking at a target)? */
export const mayEver = (caller: Caller, operation: Operation): boolean => conditionFor(caller, operation) !== 'never';

export const AccessErrors = defineErrors({
  /** The role may not do this anywhere (a `never` cell). */
  ROLE_NOT_ALLOWED: (p: { operation: Operation; role: string; what: string }) => ({
    zh: `您的角色（${p.role}）无权使用“${p.what}”（${p.operation}）：按权限表，该角色不能查看或办理此项。`,
    en: `Your role (${p.role}) may not use "${p.operation}": the access table does not grant it to this role.`,
  }),
  /** An `own` cell: the target is another person's record. */
  NOT_OWN_RECORD: (p: { operation: Operation; what: string }) => ({
    zh: `“${p.what}”（${p.operation}）只能查看本人的记录。`,
    en: `"${p.operation}" is allowed on your own record only.`,
  }),
});

/**
 * Refuses with `FORBIDDEN` unless allowed; `extensions.operation` names the row and
 * `extensions.reason` says why (`ROLE_NOT_ALLOWED`, `NOT_OWN_RECORD`, `OUT_OF_SCOPE`).
 * `what` names the target in an out-of-scope refusal (an organisation's name).
 */
export function assertAllowed(caller: Caller, operation: Operation, target: Target = {}, what?: string): void {
  if (allowed(caller, operation, target)) return;
  const label = ACCESS_TABLE[operation].label;
  const condition = conditionFor(caller, operation);
  if (condition === 'never') {
    const role = caller.roles.map((r) => ROLE_LABEL[r]).join('、') || '无';
    throw forbidden(AccessErrors.ROLE_NOT_ALLOWED({ operation, role, what: label }));
  }
  if (condition === 'own') throw forbidden(AccessErrors.NOT_OWN_RECORD({ operation, what: label }));
  const error = new OutOfScopeError(what ?? label);
  throw new DomainError(error.code, error.message, { ...error.details, operation, reason: 'OUT_OF_SCOPE' }, error.messages);
}

/** Every refusal answers `FORBIDDEN`; the catalogue key becomes `extensions.reason`. */
const forbidden = (error: DomainError): DomainError =>
  new DomainError('FORBIDDEN', error.message, { ...error.details, reason: error.code }, error.messages);
