import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openDataSource } from '@partybuild/persistence';
import { freshDatabase } from '@partybuild/testing';
import { assessmentMigrations } from '../migrations';

/** The totals the pioneer index ranks by are kept by the database: they always equal the sum of the points. */
describe('pioneer totals', () => {
  let dataSource: DataSource;
  const [a, b] = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    dataSource = await openDataSource({ url: await freshDatabase(), entities: [], migrations: assessmentMigrations });
  });
  afterAll(() => dataSource?.destroy());

  const totals = async () =>
    dataSource.query(
      `SELECT period, member_id AS member, points::float AS points FROM pioneer_total WHERE points <> 0 ORDER BY member_id, period`,
    ) as Promise<Array<{ period: string; member: string; points: number }>>;
  const summed = async () =>
    dataSource.query(
      `SELECT p.period, r.member_id AS member, sum(r.points)::float AS points FROM pioneer_point r
       CROSS JOIN LATERAL (VALUES (r.month), (left(r.month, 4) || '-Q' || ((substr(r.month, 6, 2)::int + 2) / 3)), (left(r.month, 4))) AS p(period)
       GROUP BY p.period, r.member_id HAVING sum(r.points) <> 0 ORDER BY r.member_id, p.period`,
    ) as Promise<Array<{ period: string; member: string; points: number }>>;

  it('adds points per month, quarter and year as they are written, changed (a new appraisal grade) and removed', async () => {
    await dataSource.query(
      `INSERT INTO pioneer_point (member_id, fact, source_id, month, points, detail) VALUES
         ($1, 'DUES_ON_TIME', '2026-02', '2026-02', 2, 'd'), ($1, 'DUES_ON_TIME', '2026-03', '2026-03', 2, 'd'),
         ($1, 'APPRAISAL', '2026', '2026-12', 6, 'a'), ($2, 'MEETING_ATTENDED', 'x', '2026-03', 1, 'm')`,
      [a, b],
    );
    // A repeat changes nothing; a changed grade replaces its points.
    await dataSource.query(
      `INSERT INTO pioneer_point (member_id, fact, source_id, month, points, detail) VALUES ($1, 'DUES_ON_TIME', '2026-02', '2026-02', 2, 'd')
       ON CONFLICT DO NOTHING`,
      [a],
    );
    await dataSource.query(
      `INSERT INTO pioneer_point (member_id, fact, source_id, month, points, detail) VALUES ($1, 'APPRAISAL', '2026', '2026-12', 10, 'a')
       ON CONFLICT (member_id, fact, source_id) DO UPDATE SET points = EXCLUDED.points`,
      [a],
    );
    await dataSource.query(`DELETE FROM pioneer_point WHERE member_id = $1 AND source_id = '2026-03'`, [a]);
    const kept = await totals();
    expect(kept).toEqual(await summed());
    expect(kept.filter((t) => t.member === a)).toEqual(
      [
        { period: '2026', member: a, points: 12 },
        { period: '2026-02', member: a, points: 2 },
        { period: '2026-12', member: a, points: 10 },
        { period: '2026-Q1', member: a, points: 2 },
        { period: '2026-Q4', member: a, points: 10 },
      ].sort((x, y) => x.period.localeCompare(y.period)),
    );
  });
});
