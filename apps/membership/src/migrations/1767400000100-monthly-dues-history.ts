import { MigrationInterface, QueryRunner } from 'typeorm';
import { monthlyDueFen } from '../domain/dues';
import { MEMBER_STAGES, MemberCategory } from '../domain/member-kinds';
import { duesRulesOn } from '../reference/membership-rules';

/**
 * The history of each member's monthly due (党费), so a month is charged the due in force
 * that month. Members already on record start their history with today's due from their
 * dues start month: earlier changes were not kept.
 */
export class MonthlyDuesHistory1767400000100 implements MigrationInterface {
  name = 'MonthlyDuesHistory1767400000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE member ADD COLUMN monthly_dues jsonb NOT NULL DEFAULT '[]'`);
    const members: Array<{ id: string; category: MemberCategory; base: number | null; start: string }> = await q.query(
      `SELECT id, category, dues_base_fen AS base, dues_start_month AS start FROM member
       WHERE stage = ANY($1::text[]) AND dues_start_month IS NOT NULL`,
      [MEMBER_STAGES],
    );
    if (!members.length) return;
    const rules = duesRulesOn(new Date().toISOString().slice(0, 10));
    await q.query(`UPDATE member m SET monthly_dues = x.history FROM unnest($1::uuid[], $2::jsonb[]) AS x(id, history) WHERE m.id = x.id`, [
      members.map((m) => m.id),
      members.map((m) => JSON.stringify([{ from: m.start, fen: monthlyDueFen(m.category, m.base, rules) }])),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE member DROP COLUMN monthly_dues');
  }
}
