import { STATISTICS_RULES } from '../reference/statistics-rules';

/** The units (months or quarters) a requirement is checked in: those fully elapsed by `asOf`. */
export function elapsedUnits(months: string[], every: 'MONTH' | 'QUARTER', asOf: string): string[][] {
  const monthEnd = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).toISOString().slice(0, 10);
  const groups = new Map<string, string[]>();
  for (const month of months) {
    const key = every === 'MONTH' ? month : `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
    groups.set(key, [...(groups.get(key) ?? []), month]);
  }
  // A quarter counts only when the period covers all of it and it has ended.
  return [...groups.values()].filter((unit) => (every === 'MONTH' || unit.length === 3) && monthEnd(unit[unit.length - 1]) <= asOf);
}

export interface BranchForCompliance {
  id: string;
  members: number;
  partyGroups: string[];
}

/**
 * How many of a branch's required 三会一课 were held, out of how many were due, over the
 * elapsed months and quarters of the period. `held(hostId, type, months)` says whether one
 * was held by that host in those months.
 */
export function branchCompliance(
  branch: BranchForCompliance,
  months: string[],
  asOf: string,
  held: (hostId: string, type: string, months: string[]) => boolean,
): { due: number; met: number } {
  let due = 0;
  let met = 0;
  for (const requirement of STATISTICS_RULES.threeMeetingsOneLessonRequirements) {
    if (requirement.appliesTo === 'BRANCH_WITH_COMMITTEE' && branch.members < STATISTICS_RULES.committeeFromMembers) continue;
    const hosts = requirement.appliesTo === 'EACH_PARTY_GROUP' ? branch.partyGroups : [branch.id];
    for (const unit of elapsedUnits(months, requirement.every as 'MONTH' | 'QUARTER', asOf)) {
      for (const host of hosts) {
        due += 1;
        if (held(host, requirement.type, unit)) met += 1;
      }
    }
  }
  return { due, met };
}
