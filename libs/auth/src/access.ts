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

interface Row extends Record<Role, Condition> {
  /** What the row is called in a refusal (Chinese). */
  label: string;
}

const row = (label: string, admin: Condition, cadre: Condition, member: Condition, analyst: Condition): Row => ({
  label,
  [Role.DISTRICT_ADMIN]: admin,
  [Role.PARTY_CADRE]: cadre,
  [Role.MEMBER]: member,
  [Role.ANALYST]: analyst,
});

/**
 * 权限表 — every operation and field group the services expose, × role. Written once: the
 * services ask `allowed()` / `assertAllowed()`, the end-to-end test walks every cell through
 * the gateway, and the READMEs describe exactly this table.
 *
 * `member.personal` is ID number, phone and birth date in clear (audit-logged); whoever may read
 * a record without it sees the ID number and phone masked to the last four and no birth date.
 * Analysts get aggregated figures only: no names (members, lists, exports, due lists, arrears,
 * transfers, activities with their lecturers and minutes, attendance, committees).
 */
// prettier-ignore
export const ACCESS_TABLE = {
  // operation               row(label,                                 district-admin, party-cadre, member, analyst)
  'organization.read':      row('组织信息',                               'anywhere', 'in-scope', 'in-scope', 'in-scope'),
  'organization.committee': row('委员会与换届（姓名）',                   'anywhere', 'in-scope', 'in-scope', 'never'),
  'organization.manage':    row('维护组织',                               'anywhere', 'in-scope', 'never',    'never'),
  'member.read':            row('党员信息与名册',                         'anywhere', 'in-scope', 'own',      'never'),
  'member.personal':        row('身份证号、电话、出生日期（明文）',       'anywhere', 'in-scope', 'own',      'never'),
  'member.lookup':          row('按身份证号查找',                         'anywhere', 'in-scope', 'never',    'never'),
  'member.export':          row('导出党员名册',                           'anywhere', 'in-scope', 'never',    'never'),
  'member.manage':          row('维护党员信息',                           'anywhere', 'in-scope', 'never',    'never'),
  developmentDue:           row('发展党员待办（姓名）',                   'anywhere', 'in-scope', 'never',    'never'),
  duesArrears:              row('欠交党费名单',                           'anywhere', 'in-scope', 'never',    'never'),
  duesSummary:              row('党费收缴汇总',                           'anywhere', 'in-scope', 'never',    'in-scope'),
  memberTransfers:          row('组织关系转接',                           'anywhere', 'in-scope', 'never',    'never'),
  personalDataAccessLog:    row('个人信息查看记录',                       'anywhere', 'never',    'never',    'never'),
  'activity.read':          row('组织生活记录',                           'anywhere', 'in-scope', 'in-scope', 'never'),
  'activity.attendance':    row('出勤名单',                               'anywhere', 'in-scope', 'own',      'never'),
  'activity.compliance':    row('三会一课落实情况',                       'anywhere', 'in-scope', 'in-scope', 'in-scope'),
  'activity.manage':        row('记录组织生活',                           'anywhere', 'in-scope', 'never',    'never'),
  'statistics.read':        row('统计数据',                               'anywhere', 'in-scope', 'never',    'in-scope'),
  // pairing
  'pairing.read':           row('结对共建记录',                           'anywhere', 'in-scope', 'in-scope', 'never'),
  'pairing.summary':        row('结对共建汇总',                           'anywhere', 'in-scope', 'in-scope', 'in-scope'),
  'pairing.problems':       row('走访问题清单（有呼必应）',               'anywhere', 'in-scope', 'never',    'never'),
  'pairing.memberPair':     row('党员结对与参与的服务',                   'anywhere', 'in-scope', 'own',      'never'),
  'pairing.resident':       row('微心愿群众姓名、联系方式（明文）',       'anywhere', 'in-scope', 'own',      'never'),
  'pairing.claim':          row('认领微心愿',                             'anywhere', 'in-scope', 'own',      'never'),
  'pairing.manage':         row('登记结对共建工作',                       'anywhere', 'in-scope', 'never',    'never'),
  // assessment
  'assessment.scheme.manage': row('制定考核方案',                           'anywhere', 'never',    'never',    'never'),
  'assessment.scores':      row('考核得分、星级、排名与十佳',             'anywhere', 'in-scope', 'in-scope', 'in-scope'),
  'assessment.evidence':    row('考核评分记录与书记述职（含姓名、佐证）', 'anywhere', 'in-scope', 'never',    'never'),
  'assessment.manage':      row('考核评分、民主评议、示范岗与通报',       'anywhere', 'in-scope', 'never',    'never'),
  'assessment.member':      row('本人民主评议与先锋指数',                 'anywhere', 'in-scope', 'own',      'never'),
  'assessment.modelPosts':  row('共产党员示范岗名单',                     'anywhere', 'in-scope', 'in-scope', 'never'),
  'assessment.followUps':   row('不合格党员跟踪名单',                     'anywhere', 'in-scope', 'never',    'never'),
  'assessment.notices':     row('考核通报与整改',                         'anywhere', 'in-scope', 'in-scope', 'never'),
} satisfies Record<string, Row>;

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
  const cells: Row = ACCESS_TABLE[operation];
  return caller.roles.map((role) => cells[role]).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0] ?? 'never';
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
  const cells: Row = ACCESS_TABLE[operation];
  return caller.roles.some((role) => meets(caller, cells[role], target));
}

/**
 * For lists filtered in the database: `anywhere`, or the scope roots below which the caller may
 * do the operation (empty for a member's `own`: no organisation's list is theirs). Refuses a
 * `never` like `assertAllowed`.
 */
export function reach(caller: Caller, operation: Operation): { anywhere: boolean; roots: string[] } {
  assertAllowed(caller, operation);
  const condition = conditionFor(caller, operation);
  return { anywhere: condition === 'anywhere', roots: condition === 'in-scope' ? [...caller.scope] : [] };
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
