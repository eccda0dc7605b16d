import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openDataSource } from '@partybuild/persistence';
import { freshDatabase } from '@partybuild/testing';
import { membershipEntities } from '../entities';
import { membershipMigrations } from '../migrations';
import { votingMembersOn } from './branch-voters';

describe('full members with voting rights of a branch on a day, from the records', () => {
  let db: DataSource;
  const [branch, other] = [randomUUID(), randomUUID()];

  const person = async (organizationId: string, stage: string, fullMemberSince: string | null, status = 'ACTIVE') => {
    const id = randomUUID();
    await db.query(
      `INSERT INTO member (id, organization_id, name, gender, birth_date, id_number_sealed, id_number_hash, category, status, stage, full_member_since)
       VALUES ($1, $2, '某', 'MALE', '1980-01-01', 'x', $6, 'IN_SERVICE', $3, $4, $5)`,
      [id, organizationId, status, stage, fullMemberSince, `hash-${id}`],
    );
    return id;
  };
  const moved = async (memberId: string, from: string, to: string | null, on: string) =>
    db.query(
      `INSERT INTO member_transfer (member_id, from_organization_id, to_organization_id, state, issued_on, expires_on, decided_on, issued_by)
       VALUES ($1, $2, $3, $4, $5, $5, $5, 'test')`,
      [memberId, from, to, to ? 'ACCEPTED' : 'LEFT_DISTRICT', on],
    );

  beforeAll(async () => {
    db = await openDataSource({ url: await freshDatabase(), entities: membershipEntities, migrations: membershipMigrations });
    await person(branch, 'FULL', '2010-07-01');
    await person(branch, 'FULL', null); // imported as full, date unknown: counted
    await person(branch, 'PROBATIONARY', null); // no vote
    await person(branch, 'FULL', '2026-08-01'); // full only after the meeting
    await person(branch, 'FULL', '2005-07-01', 'DECEASED');
    const cameLater = await person(branch, 'FULL', '2000-07-01');
    await moved(cameLater, other, branch, '2026-09-01');
    const leftLater = await person(other, 'FULL', '2001-07-01');
    await moved(leftLater, branch, other, '2026-09-15');
    const leftDistrict = await person(branch, 'FULL', '2002-07-01', 'TRANSFERRED_OUT');
    await moved(leftDistrict, branch, null, '2026-10-01');
  });
  afterAll(() => db?.destroy());

  it('counts full members there that day: not later arrivals, not later full members, but those who left later', async () => {
    // 2010 member, the undated full member, the one who left for another branch, the one who left the district.
    expect(await votingMembersOn(db.manager, branch, '2026-06-01')).toBe(4);
    // After everyone moved: the arrival counts, the two who left do not, the new full member does.
    expect(await votingMembersOn(db.manager, branch, '2026-11-01')).toBe(4);
    expect(await votingMembersOn(db.manager, other, '2026-06-01')).toBe(1);
  });
});
