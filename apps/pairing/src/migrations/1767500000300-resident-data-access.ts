import { MigrationInterface, QueryRunner } from 'typeorm';
import { accessLogStatements } from '@partybuild/personal-data';
import { RESIDENT_DATA_LOG } from '../application/resident-data';

/** Every read of a micro-wish's resident in clear: who, with which roles, which fields, in which request. */
export class ResidentDataAccess1767500000300 implements MigrationInterface {
  name = 'ResidentDataAccess1767500000300';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of accessLogStatements(RESIDENT_DATA_LOG, 'micro_wish')) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE resident_data_access');
  }
}
