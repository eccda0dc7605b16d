/**
 * What the assessment and pairing figures add to computing the statistics: a district of 30
 * Party committees and 600 branches with 30 000 members, figures computed for every unit
 * (as the overview and the CSV do) and for one branch, first with no assessment or pairing
 * facts (the baseline), then with a year of them: 600 ratings and appraisals, 1 200 model posts,
 * 300 pairs, 20 000 services, 30 000 micro-wishes, 10 000 visit batches, 40 000 problems.
 *   node tools/run.js tools/bench/statistics-assessment-pairing-bench.ts
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { parsePeriod } from '@partybuild/calendar';
import { ensureDatabase, openDataSource, startEmbeddedPostgres } from '@partybuild/persistence';
import { computeFigures, statisticsMigrations } from '@partybuild/app-statistics';
import { freePort } from '../dev/concurrency';
import { fmt, percentiles, timeCalls } from './measure';

const COMMITTEES = 30;
const BRANCHES_PER_COMMITTEE = 20;
const MEMBERS_PER_BRANCH = 50;
const TODAY = '2026-11-22';

/** Inserts rows built in SQL from a JSON array, one statement per table. */
const insert = (db: DataSource, table: string, columns: string, rows: unknown[]) =>
  db.query(`INSERT INTO ${table} SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${columns})`, [JSON.stringify(rows)]);

const pick = <T>(list: T[], i: number) => list[i % list.length];
const day = (i: number) => `2026-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;

async function seedTree(db: DataSource) {
  const root = randomUUID();
  const nodes: Array<Record<string, unknown>> = [
    { id: root, parent_id: null, code: 'W', name: '工委', kind: 'WORKING_COMMITTEE', path: [root] },
  ];
  const committees: string[] = [];
  const branches: string[] = [];
  for (let c = 0; c < COMMITTEES; c++) {
    const committee = randomUUID();
    committees.push(committee);
    nodes.push({ id: committee, parent_id: root, code: `W-${c}`, name: `党委${c}`, kind: 'PARTY_COMMITTEE', path: [root, committee] });
    for (let b = 0; b < BRANCHES_PER_COMMITTEE; b++) {
      const branch = randomUUID();
      branches.push(branch);
      nodes.push({
        id: branch,
        parent_id: committee,
        code: `W-${c}-${b}`,
        name: `支部${c}-${b}`,
        kind: 'BRANCH',
        path: [root, committee, branch],
      });
    }
  }
  await insert(
    db,
    'org_node',
    'id uuid, parent_id uuid, code text, name text, kind text, sector text, status text, term_ends_on date, path uuid[]',
    nodes.map((n) => ({ ...n, sector: 'AGENCY', status: 'ACTIVE', term_ends_on: '2027-06-30' })),
  );
  const members = branches.flatMap((branch, b) =>
    Array.from({ length: MEMBERS_PER_BRANCH }, (_, m) => ({
      member_id: randomUUID(),
      organization_id: branch,
      stage: m % 10 === 0 ? 'PROBATIONARY' : 'FULL',
      status: 'ACTIVE',
      category: 'IN_SERVICE',
      gender: (b + m) % 2 ? 'MALE' : 'FEMALE',
      birth_date: `19${60 + (m % 40)}-05-01`,
      education: 'BACHELOR',
      joined_on: '2010-07-01',
      full_member_since: '2011-07-01',
      monthly_due_fen: 1000,
      dues_start_month: '2025-01',
      monthly_dues: [{ from: '2025-01', fen: 1000 }],
    })),
  );
  await insert(
    db,
    'stat_member',
    `member_id uuid, organization_id uuid, stage text, status text, category text, gender text, birth_date date, education text,
     joined_on date, full_member_since date, monthly_due_fen integer, dues_start_month text, monthly_dues jsonb`,
    members,
  );
  return { root, committees, branches, all: nodes.map((n) => n.id as string) };
}

async function seedAssessmentAndPairing(db: DataSource, branches: string[], committees: string[]) {
  await insert(
    db,
    'stat_rating',
    `organization_id uuid, year integer, organization_kind text, final_score numeric, stars integer, vetoed boolean, top_ten_count integer,
     top_ten_min_score numeric, pioneer_members integer, pioneer_points numeric, rated_at timestamptz`,
    branches.map((id, i) => ({
      organization_id: id,
      year: 2026,
      organization_kind: 'BRANCH',
      final_score: 55 + (i % 45),
      stars: 1 + (i % 5),
      vetoed: i % 37 === 0,
      top_ten_count: 10,
      top_ten_min_score: 90,
      pioneer_members: MEMBERS_PER_BRANCH,
      pioneer_points: 400 + i,
      rated_at: '2026-11-01T00:00:00Z',
    })),
  );
  await insert(
    db,
    'stat_appraisal',
    'branch_id uuid, year integer, excellent integer, qualified integer, basically_qualified integer, unqualified integer',
    branches.map((id, i) => ({
      branch_id: id,
      year: 2026,
      excellent: 10,
      qualified: 37,
      basically_qualified: 2,
      unqualified: i % 3 ? 1 : 0,
    })),
  );
  await insert(
    db,
    'stat_model_post',
    'post_id uuid, branch_id uuid, year integer, status text',
    Array.from({ length: 1200 }, (_, i) => ({
      post_id: randomUUID(),
      branch_id: pick(branches, i),
      year: 2026,
      status: i % 4 ? 'CONFIRMED' : 'NOMINATED',
    })),
  );
  const pairs = Array.from({ length: 300 }, (_, i) => ({
    pair_id: randomUUID(),
    helper_id: pick(committees, i),
    helped_id: pick(branches, i * 7),
    status: i % 10 ? 'ACTIVE' : 'ENDED',
    starts_on: '2026-01-01',
  }));
  await insert(db, 'stat_pair', 'pair_id uuid, helper_id uuid, helped_id uuid, status text, starts_on date', pairs);
  await insert(
    db,
    'stat_pairing_service',
    'service_id uuid, helper_id uuid, helped_id uuid, type text, delivered_on date, beneficiaries integer, funds numeric',
    Array.from({ length: 20_000 }, (_, i) => {
      const p = pick(pairs, i);
      return {
        service_id: randomUUID(),
        helper_id: p.helper_id,
        helped_id: p.helped_id,
        type: pick(['PARTY_LESSON', 'LEGAL', 'HEALTH', 'WARMTH', 'TECHNOLOGY', 'IDEAS', 'TEAM', 'PROJECT', 'SKILLS'], i),
        delivered_on: day(i),
        beneficiaries: 10 + (i % 90),
        funds: (i % 50) * 100.5,
      };
    }),
  );
  await insert(
    db,
    'stat_wish',
    'wish_id uuid, organization_id uuid, status text, posted_on date, claimed_on date, fulfilled_on date',
    Array.from({ length: 30_000 }, (_, i) => ({
      wish_id: randomUUID(),
      organization_id: pick(branches, i),
      status: i % 3 ? 'FULFILLED' : 'OPEN',
      posted_on: day(i),
      claimed_on: i % 3 ? day(i + 1) : null,
      fulfilled_on: i % 3 ? day(i + 2) : null,
    })),
  );
  await insert(
    db,
    'stat_visit_batch',
    'batch_id uuid, organization_id uuid, visits integer, households integer, first_day date, last_day date',
    Array.from({ length: 10_000 }, (_, i) => ({
      batch_id: randomUUID(),
      organization_id: pick(branches, i),
      visits: 25,
      households: 20,
      first_day: day(i),
      last_day: day(i),
    })),
  );
  await insert(
    db,
    'stat_problem',
    'problem_id uuid, organization_id uuid, status text, collected_on date, deadline date, resolved_on date',
    Array.from({ length: 40_000 }, (_, i) => ({
      problem_id: randomUUID(),
      organization_id: pick(branches, i),
      status: i % 4 ? 'RESOLVED' : 'OPEN',
      collected_on: day(i),
      deadline: day(i + 15),
      resolved_on: i % 4 ? day(i + 10) : null,
    })),
  );
  await db.query('ANALYZE');
}

async function main() {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'partybuild-bench-'));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'postgres'), port: await freePort(), persistent: false });
  try {
    await ensureDatabase(postgres.urlFor('bench_statistics'));
    const db = await openDataSource({ url: postgres.urlFor('bench_statistics'), entities: [], migrations: statisticsMigrations });
    try {
      const { branches, committees, all } = await seedTree(db);
      await db.query('ANALYZE');
      const year = parsePeriod('2026');
      const quarter = parsePeriod('2026-Q3');
      const run = async (label: string) => {
        const everyUnit = percentiles(await timeCalls(10, () => computeFigures(db.manager, all, year, TODAY)));
        const quarterly = percentiles(await timeCalls(10, () => computeFigures(db.manager, all, quarter, TODAY)));
        const oneBranch = percentiles(await timeCalls(100, (i) => computeFigures(db.manager, [pick(branches, i)], year, TODAY)));
        console.log(
          `${label}: all ${all.length} units for 2026 p50 ${fmt(everyUnit.p50)}, p95 ${fmt(everyUnit.p95)}; for 2026-Q3 p50 ${fmt(quarterly.p50)}; ` +
            `one branch p50 ${fmt(oneBranch.p50)}, p95 ${fmt(oneBranch.p95)}`,
        );
      };
      console.log(
        `district: ${committees.length} committees, ${branches.length} branches, ${branches.length * MEMBERS_PER_BRANCH} members`,
      );
      await run('baseline (no assessment or pairing facts)');
      await seedAssessmentAndPairing(db, branches, committees);
      await run('with a year of assessment and pairing facts');
      const root = (await computeFigures(db.manager, [all[0]], year, TODAY)).get(all[0])!;
      console.log(
        `district 2026: ${root.assessment.rated} rated, 十佳 ${root.assessment.topTen}, stars ${JSON.stringify(root.assessment.byStars.map((c) => c.count))}; ` +
          `${root.pairing.services} services, ${root.pairing.problemsOverdue} problems overdue`,
      );
    } finally {
      await db.destroy();
    }
  } finally {
    await postgres.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
