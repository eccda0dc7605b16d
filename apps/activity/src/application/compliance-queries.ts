import type { DataSource } from 'typeorm';
import { OrgTree, isBranchLevel } from '@partybuild/org-tree';
import { ATTENDING_STAGES, GONE_STATUSES, Requirement } from '../domain/activity-type';
import { THREE_MEETINGS_ONE_LESSON, Tally, addTallies, complianceRulesOn, hasCommittee, rateOf } from '@partybuild/compliance';
import { ComplianceResult, ComplianceSubject, HeldCounts, assessCompliance, requirementOf } from '../domain/compliance';
import { Period } from '../domain/period';
import { Requirements } from '../reference/activity-rules';

export interface ComplianceSummary {
  /** Organisations checked: branches, and Party committees for their democratic life meeting. */
  organizations: number;
  /** Of them, those with no missing slot. */
  withoutGaps: number;
  satisfiedSlots: number;
  missingSlots: number;
  dueSlots: number;
  /** 三会一课 of the four kinds, summed over the organisations; its rate is also `rate`. */
  threeMeetingsOneLesson: RatedTally;
  rate: number | null;
  /** 主题党日 and 组织生活会, beside 三会一课. */
  organizationalLife: RatedTally;
}

export type RatedTally = Tally & { rate: number | null };

export const rated = (t: Tally): RatedTally => ({ ...t, rate: rateOf(t) });

export interface CompliancePicture {
  own: ComplianceResult;
  /** Every checked organisation in the subtree (itself included), most gaps first. */
  subtree: ComplianceResult[];
  summary: ComplianceSummary;
  /** Paths of the subtree's organisations, to sum any part of it. */
  paths: Map<string, string[]>;
}

const CHECKED_ABOVE_BRANCH = ['PARTY_COMMITTEE', 'WORKING_COMMITTEE'];

/** The part of a picture at and below one organisation. */
export const partBelow = (picture: CompliancePicture, id: string): ComplianceResult[] =>
  picture.subtree.filter((r) => picture.paths.get(r.organizationId)?.includes(id));

export function summarise(results: ComplianceResult[]): ComplianceSummary {
  const sum = (pick: (r: ComplianceResult) => number) => results.reduce((n, r) => n + pick(r), 0);
  const totals = {
    satisfiedSlots: sum((r) => r.satisfiedSlots),
    missingSlots: sum((r) => r.missingSlots),
    dueSlots: sum((r) => r.dueSlots),
  };
  const none: Tally = { required: 0, held: 0 };
  const threeMeetingsOneLesson = results.reduce((t, r) => addTallies(t, r.threeMeetingsOneLesson), none);
  const organizationalLife = results.reduce((t, r) => addTallies(t, r.organizationalLife), none);
  return {
    organizations: results.length,
    withoutGaps: results.filter((r) => r.missingSlots === 0).length,
    ...totals,
    threeMeetingsOneLesson: rated(threeMeetingsOneLesson),
    rate: rateOf(threeMeetingsOneLesson),
    organizationalLife: rated(organizationalLife),
  };
}

/**
 * Compliance derived from what was held, for whole subtrees at once: four set-based queries
 * (the nodes, member and committee sizes, the held counts) whatever the number of organisations.
 */
export class ComplianceQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly today: () => string,
    private readonly requirements: Requirements,
  ) {}

  async forRoots(rootIds: readonly string[], period: Period): Promise<Map<string, CompliancePicture>> {
    const manager = this.dataSource.manager;
    const nodes = await new OrgTree(manager).activeWithin(rootIds);
    const groupsOf = new Map<string, string[]>();
    for (const n of nodes) {
      if (n.kind === 'PARTY_GROUP' && n.parentId) groupsOf.set(n.parentId, [...(groupsOf.get(n.parentId) ?? []), n.id]);
    }
    const subjects = nodes.filter((n) => isBranchLevel(n) || CHECKED_ABOVE_BRANCH.includes(n.kind));
    const branchIds = subjects.filter((n) => isBranchLevel(n)).map((n) => n.id);
    const [members, seats, held] = await Promise.all([
      manager.query(
        `SELECT m.organization_id AS id, count(*)::int AS n FROM member m JOIN unnest($1::uuid[]) AS b(id) ON b.id = m.organization_id
         WHERE m.stage = ANY($2::text[]) AND m.status <> ALL($3::text[]) GROUP BY 1`,
        [branchIds, ATTENDING_STAGES, GONE_STATUSES],
      ) as Promise<Array<{ id: string; n: number }>>,
      manager.query(
        `SELECT organization_id AS id, count(*)::int AS n FROM committee_seat WHERE organization_id = ANY($1::uuid[]) AND until IS NULL GROUP BY 1`,
        [branchIds],
      ) as Promise<Array<{ id: string; n: number }>>,
      this.heldCounts(
        nodes.map((n) => n.id),
        period,
      ),
    ]);
    const memberCount = new Map(members.map((r) => [r.id, r.n]));
    const seatCount = new Map(seats.map((r) => [r.id, r.n]));
    const today = this.today();
    const rules = complianceRulesOn(period.start);
    // 三会一课 by the rules in force for the period (national, never a district's), the rest as configured.
    const requirements: Requirements = { ...this.requirements };
    for (const kind of THREE_MEETINGS_ONE_LESSON) requirements[kind as Requirement] = rules.requirements[kind];
    const results = new Map<string, ComplianceResult>();
    for (const n of subjects) {
      const subject: ComplianceSubject = {
        id: n.id,
        kind: n.kind,
        branchLevel: isBranchLevel(n),
        hasCommittee: hasCommittee(memberCount.get(n.id) ?? 0, seatCount.get(n.id) ?? 0, rules),
        partyGroupIds: groupsOf.get(n.id) ?? [],
      };
      results.set(n.id, assessCompliance(subject, requirements, period, today, held));
    }
    const code = new Map(nodes.map((n) => [n.id, n.code]));
    const paths = new Map(nodes.map((n) => [n.id, n.path]));
    const pictures = new Map<string, CompliancePicture>();
    for (const root of rootIds) {
      const subtree = subjects
        .filter((n) => n.path.includes(root))
        .map((n) => results.get(n.id) as ComplianceResult)
        .sort(
          (a, b) => b.missingSlots - a.missingSlots || (code.get(a.organizationId) ?? '').localeCompare(code.get(b.organizationId) ?? ''),
        );
      const own = results.get(root) ?? {
        organizationId: root,
        requirements: [],
        satisfiedSlots: 0,
        missingSlots: 0,
        dueSlots: 0,
        threeMeetingsOneLesson: { required: 0, held: 0 },
        organizationalLife: { required: 0, held: 0 },
      };
      pictures.set(root, { own, subtree, summary: summarise(subtree), paths });
    }
    return pictures;
  }

  /** Held activities by organisation (host or co-host), requirement and month, over the years the period's slots span. */
  private async heldCounts(orgIds: string[], period: Period): Promise<HeldCounts> {
    const rows: Array<{ org: string; type: string; month: string; n: number; sec: number }> = await this.dataSource.manager.query(
      `SELECT h.org, a.type, to_char(a.held_on, 'YYYY-MM') AS month, count(*)::int AS n,
              count(*) FILTER (WHERE a.lecturer_is_secretary AND h.org = a.host_id)::int AS sec
       FROM activity a CROSS JOIN LATERAL unnest(array_prepend(a.host_id, a.co_host_ids)) AS h(org)
       JOIN unnest($1::uuid[]) AS s(id) ON s.id = h.org
       WHERE a.status = 'HELD' AND a.held_on BETWEEN $2::date AND $3::date
       GROUP BY 1, 2, 3`,
      [orgIds, `${period.start.slice(0, 4)}-01-01`, `${period.end.slice(0, 4)}-12-31`],
    );
    const counts: HeldCounts = new Map();
    const add = (org: string, requirement: string, month: string, n: number) => {
      if (n === 0) return;
      const byRequirement = counts.get(org) ?? new Map<string, Map<string, number>>();
      const byMonth = byRequirement.get(requirement) ?? new Map<string, number>();
      byMonth.set(month, (byMonth.get(month) ?? 0) + n);
      byRequirement.set(requirement, byMonth);
      counts.set(org, byRequirement);
    };
    for (const r of rows) {
      const requirement = requirementOf(r.type);
      if (requirement) add(r.org, requirement, r.month, r.n);
      add(r.org, Requirement.SECRETARY_LECTURE, r.month, r.sec);
    }
    return counts;
  }
}
