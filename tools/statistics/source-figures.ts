import { Client } from 'pg';

/**
 * The figures counted straight from the source services' own records — the organisation
 * tree, the member register, the activity ledger — to check the statistics against. This is
 * an operator's tool: the statistics service itself never reads these tables.
 */
export interface SourceUrls {
  organization: string;
  membership?: string;
  activity?: string;
  assessment?: string;
  pairing?: string;
  /** The district's ASSESSMENT_TOP_TEN_MIN_SCORE, when it overrides the 十佳 rule of the year. */
  topTenMinScore?: number;
}

export interface ComparableFigures {
  organizationsByKind: Record<string, number>;
  members: number;
  membersByStage: Record<string, number>;
  membersByGender: Record<string, number>;
  activitiesHeld: number;
  activitiesByType: Record<string, number>;
  attendanceExpected: number;
  attendancePresent: number;
}

const MEMBER_STAGES = ['PROBATIONARY', 'FULL'];
const DEPARTED = ['TRANSFERRED_OUT', 'DECEASED', 'EXPELLED'];

async function rows<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const empty = (): ComparableFigures => ({
  organizationsByKind: {},
  members: 0,
  membersByStage: {},
  membersByGender: {},
  activitiesHeld: 0,
  activitiesByType: {},
  attendanceExpected: 0,
  attendancePresent: 0,
});

const bump = (record: Record<string, number>, key: string, by = 1) => {
  record[key] = (record[key] ?? 0) + by;
};

/** Every active organisation with the figures of its whole subtree, counted from the sources. */
export async function sourceFigures(urls: SourceUrls, period: { start: string; end: string }): Promise<Map<string, ComparableFigures>> {
  const orgs = await rows<{ id: string; kind: string; status: string; path: string[] }>(
    urls.organization,
    `SELECT id, kind, status, ancestor_ids || id AS path FROM organization`,
  );
  const paths = new Map(orgs.map((o) => [o.id, o.path]));
  const figures = new Map(orgs.filter((o) => o.status === 'ACTIVE').map((o) => [o.id, empty()]));
  const each = (orgId: string, apply: (f: ComparableFigures) => void) => {
    for (const ancestor of paths.get(orgId) ?? []) {
      const f = figures.get(ancestor);
      if (f) apply(f);
    }
  };
  for (const o of orgs) if (o.status === 'ACTIVE') each(o.id, (f) => bump(f.organizationsByKind, o.kind));

  if (urls.membership) {
    const members = await rows<{ organization_id: string; stage: string; status: string; gender: string }>(
      urls.membership,
      `SELECT organization_id, stage, status, gender FROM member`,
    );
    for (const m of members) {
      if (DEPARTED.includes(m.status)) continue;
      each(m.organization_id, (f) => {
        bump(f.membersByStage, m.stage);
        if (!MEMBER_STAGES.includes(m.stage)) return;
        f.members += 1;
        bump(f.membersByGender, m.gender);
      });
    }
  }

  if (urls.activity) {
    const activities = await rows<{ host_id: string; type: string; expected: number; present: number; late: number }>(
      urls.activity,
      `SELECT host_id, type, expected, present, late FROM activity WHERE status = 'HELD' AND held_on BETWEEN $1 AND $2`,
      [period.start, period.end],
    );
    for (const a of activities) {
      each(a.host_id, (f) => {
        f.activitiesHeld += 1;
        bump(f.activitiesByType, a.type);
        f.attendanceExpected += a.expected;
        f.attendancePresent += a.present + a.late;
      });
    }
  }
  return figures;
}
