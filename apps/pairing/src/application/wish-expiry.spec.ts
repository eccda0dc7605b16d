import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { UnitOfWork, openDataSource } from '@partybuild/persistence';
import { PersonalDataCipher } from '@partybuild/personal-data';
import { freshDatabase } from '@partybuild/testing';
import { pairingMigrations } from '../migrations';
import { WishCommands } from './wish-commands';

describe('micro-wish expiry', () => {
  let dataSource: DataSource;
  const village = randomUUID();

  beforeAll(async () => {
    dataSource = await openDataSource({ url: await freshDatabase(), entities: [], migrations: pairingMigrations });
    await dataSource.query(
      `INSERT INTO org_node (id, parent_id, code, name, kind, sector, status, path) VALUES ($1, NULL, 'V', '某村党支部', 'BRANCH', 'RURAL', 'ACTIVE', ARRAY[$1::uuid])`,
      [village],
    );
  });
  afterAll(() => dataSource?.destroy());

  it('marks open wishes past their last day as expired, once, with an event that names no resident', async () => {
    const cipher = new PersonalDataCipher(randomBytes(32).toString('hex'), 'pairing');
    const wishes = new WishCommands(new UnitOfWork(dataSource), () => '2026-11-22', cipher);
    const insert = (expiresOn: string, status = 'OPEN') =>
      dataSource.query(
        `INSERT INTO micro_wish (id, organization_id, title, resident_name_sealed, status, posted_on, expires_on, created_by)
         VALUES ($1, $2, '轮椅一台', $3, $4, '2026-08-01', $5, 't') RETURNING id`,
        [randomUUID(), village, cipher.encrypt('李桂兰'), status, expiresOn],
      );
    const [[late], [today], [claimed]] = [await insert('2026-11-21'), await insert('2026-11-22'), await insert('2026-10-01', 'CLAIMED')];
    expect(await wishes.expireDue()).toBe(1);
    expect(await wishes.expireDue()).toBe(0);
    const rows: Array<{ id: string; status: string }> = await dataSource.query(`SELECT id, status FROM micro_wish`);
    const status = Object.fromEntries(rows.map((r) => [r.id, r.status]));
    expect([status[late.id], status[today.id], status[claimed.id]]).toEqual(['EXPIRED', 'OPEN', 'CLAIMED']);
    const outbox: Array<{ envelope: { type: string; subject: string } }> = await dataSource.query(`SELECT envelope FROM outbox`);
    expect(outbox.map((o) => [o.envelope.type, o.envelope.subject])).toEqual([['pairing.wish.expired', late.id]]);
    expect(JSON.stringify(outbox)).not.toContain('李桂兰');
  });
});
