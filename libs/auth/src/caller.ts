/** What a caller may do, independent of where in the tree. */
export enum Role {
  /** 区委组织部 / 机关工委 — sees and manages the whole district. */
  DISTRICT_ADMIN = 'district-admin',
  /** 党务干部 — keeps the records of the organisations in their scope. */
  PARTY_CADRE = 'party-cadre',
  /** 党员 — sees their own record. */
  MEMBER = 'member',
  /** Analysts and other departments — aggregated figures only, never personal data. */
  ANALYST = 'analyst',
}

/** The verified identity of whoever sent a request, as forwarded by the gateway. */
export interface Caller {
  subject: string;
  name: string;
  roles: Role[];
  /** Organisations whose whole subtree the caller may act on. */
  scope: string[];
  /** The caller's own member record (role `member`): what `own` in the access table refers to. */
  memberId?: string;
}

export const hasRole = (caller: Caller, role: Role): boolean => caller.roles.includes(role);

/**
 * May the caller act on an organisation, given its ancestor path (root first, itself last)?
 * A district admin may act anywhere; everyone else only below one of their scope roots.
 */
export function inScope(caller: Caller, organizationPath: readonly string[]): boolean {
  if (hasRole(caller, Role.DISTRICT_ADMIN)) return true;
  return organizationPath.some((id) => caller.scope.includes(id));
}

export const canManage = (caller: Caller): boolean => hasRole(caller, Role.DISTRICT_ADMIN) || hasRole(caller, Role.PARTY_CADRE);
