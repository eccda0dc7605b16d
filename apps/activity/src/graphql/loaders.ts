import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { perArgument } from '@partybuild/federation';
import { memberPathLoader, nodeLoader } from '@partybuild/org-tree';
import { ActivityRecord, AttendanceRecord } from '../entities';
import { AttendanceStatus } from '../domain/activity-type';
import { Period } from '../domain/period';
import { ComplianceQueries, CompliancePicture } from '../application/compliance-queries';

export interface ActivityWindow {
  limit: number;
  offset: number;
  types: string[];
  period: Period | null;
  includeSubtree: boolean;
}

export interface MemberWindow {
  limit: number;
  offset: number;
  period: Period | null;
}

/** Per-request batching: one query per kind of lookup, whatever the number of parents. */
export function createLoaders(dataSource: DataSource, compliance: ComplianceQueries) {
  const manager = dataSource.manager;

  const nodes = nodeLoader(manager);

  const memberPaths = memberPathLoader(manager);

  const attendanceOf = new DataLoader<string, AttendanceRecord[]>(async (ids) => {
    const rows = await manager.find(AttendanceRecord, { where: { activityId: In([...ids]) }, order: { memberId: 'ASC' } });
    return ids.map((id) => rows.filter((r) => r.activityId === id));
  });

  /** Pages of activities for many organisations at once: hosted (or co-hosted), or anywhere below. */
  const activities = perArgument((w: ActivityWindow) => {
    return new DataLoader<string, { items: ActivityRecord[]; total: number }>(async (orgIds) => {
      const filter = `(cardinality($2::text[]) = 0 OR a.type = ANY($2::text[])) AND ($3::date IS NULL OR a.day BETWEEN $3::date AND $4::date)`;
      // Hosted and co-hosted separately, so each side walks its own index in day order.
      const sides = w.includeSubtree
        ? [`a.host_path @> ARRAY[h.org]`]
        : [`a.host_id = h.org`, `a.co_host_ids @> ARRAY[h.org] AND a.host_id <> h.org`];
      const params = [orgIds, w.types, w.period?.start ?? null, w.period?.end ?? null];
      const [counted, rows] = await Promise.all([
        manager.query(
          `SELECT h.org, ${sides.map((side) => `(SELECT count(*) FROM activity a WHERE ${side} AND ${filter})`).join(' + ')} AS total
           FROM unnest($1::uuid[]) AS h(org)`,
          params,
        ) as Promise<Array<{ org: string; total: string }>>,
        manager.query(
          `SELECT h.org, p.id FROM unnest($1::uuid[]) AS h(org)
           CROSS JOIN LATERAL (
             SELECT id, day FROM (${sides
               .map(
                 (side) =>
                   `(SELECT a.id, a.day FROM activity a WHERE ${side} AND ${filter} ORDER BY a.day DESC, a.id LIMIT $5::int + $6::int)`,
               )
               .join(' UNION ALL ')}) u
             ORDER BY day DESC, id LIMIT $5 OFFSET $6) p`,
          [...params, w.limit, w.offset],
        ) as Promise<Array<{ org: string; id: string }>>,
      ]);
      const records = rows.length ? await manager.find(ActivityRecord, { where: { id: In(rows.map((r) => r.id)) } }) : [];
      const byId = new Map(records.map((r) => [r.id, r]));
      const totals = new Map(counted.map((c) => [c.org, Number(c.total)]));
      return orgIds.map((org) => ({
        items: rows.filter((r) => r.org === org).map((r) => byId.get(r.id) as ActivityRecord),
        total: totals.get(org) ?? 0,
      }));
    });
  });

  /** Pages of a member's attendance, latest first. */
  const memberAttendance = perArgument((w: MemberWindow) => {
    return new DataLoader<string, { items: AttendanceRecord[]; total: number }>(async (memberIds) => {
      const filter = `t.member_id = m.id AND ($2::date IS NULL OR t.day BETWEEN $2::date AND $3::date)`;
      const params = [memberIds, w.period?.start ?? null, w.period?.end ?? null];
      const [counted, rows] = await Promise.all([
        manager.query(
          `SELECT m.id, (SELECT count(*) FROM attendance t WHERE ${filter})::int AS total FROM unnest($1::uuid[]) AS m(id)`,
          params,
        ) as Promise<Array<{ id: string; total: number }>>,
        manager.query(
          `SELECT p.activity_id AS "activityId", p.member_id AS "memberId", p.status, p.day::text AS day
           FROM unnest($1::uuid[]) AS m(id)
           CROSS JOIN LATERAL (SELECT * FROM attendance t WHERE ${filter} ORDER BY t.day DESC, t.activity_id LIMIT $4 OFFSET $5) p`,
          [...params, w.limit, w.offset],
        ) as Promise<AttendanceRecord[]>,
      ]);
      const totals = new Map(counted.map((c) => [c.id, c.total]));
      return memberIds.map((id) => ({ items: rows.filter((r) => r.memberId === id), total: totals.get(id) ?? 0 }));
    });
  });

  /** Attendance answers counted per member for a period. */
  const memberCounts = perArgument((period: Period | null) => {
    return new DataLoader<string, Record<AttendanceStatus, number>>(async (memberIds) => {
      const rows: Array<{ member_id: string; status: AttendanceStatus; n: number }> = await manager.query(
        `SELECT member_id, status, count(*)::int AS n FROM attendance
         WHERE member_id = ANY($1::uuid[]) AND ($2::date IS NULL OR day BETWEEN $2::date AND $3::date) GROUP BY 1, 2`,
        [memberIds, period?.start ?? null, period?.end ?? null],
      );
      return memberIds.map((id) => {
        const counts = { PRESENT: 0, LATE: 0, EXCUSED: 0, ABSENT: 0 } as Record<AttendanceStatus, number>;
        for (const r of rows) if (r.member_id === id) counts[r.status] = r.n;
        return counts;
      });
    });
  });

  /** Compliance pictures of many organisations for one period, computed together. */
  const compliancePictures = perArgument((period: Period) => {
    return new DataLoader<string, CompliancePicture>(async (ids) => {
      const pictures = await compliance.forRoots(ids, period);
      return ids.map((id) => pictures.get(id) as CompliancePicture);
    });
  });

  return { nodes, memberPaths, attendanceOf, activities, memberAttendance, memberCounts, compliancePictures };
}

export type ActivityLoaders = ReturnType<typeof createLoaders>;
