import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A member's dues as the membership service counts them (schema version 2 of its events): the
 * first month owed and the history of the monthly due. Members known only from version 1
 * events get them from `joined_on` and `monthly_due_fen` until a version 2 event arrives.
 */
export class DuesFacts1767300000600 implements MigrationInterface {
  name = 'DuesFacts1767300000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stat_member ADD COLUMN dues_start_month text, ADD COLUMN monthly_dues jsonb NOT NULL DEFAULT '[]'`);
    // The amount of each month of a payment (version 2); null: the amount split evenly.
    await q.query(`ALTER TABLE stat_dues_payment ADD COLUMN amounts_fen bigint[]`);
    await q.query(`
      UPDATE stat_member SET dues_start_month = to_char(joined_on, 'YYYY-MM'),
        monthly_dues = jsonb_build_array(jsonb_build_object('from', to_char(joined_on, 'YYYY-MM'), 'fen', monthly_due_fen))
      WHERE joined_on IS NOT NULL AND monthly_due_fen IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE stat_dues_payment DROP COLUMN amounts_fen');
    await q.query('ALTER TABLE stat_member DROP COLUMN dues_start_month, DROP COLUMN monthly_dues');
  }
}
