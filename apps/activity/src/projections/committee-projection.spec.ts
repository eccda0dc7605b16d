import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createEnvelope } from '@partybuild/events';
import { openDataSource } from '@partybuild/persistence';
import { freshDatabase } from '@partybuild/testing';
import { activityEntities } from '../entities';
import { activityMigrations } from '../migrations';
import { lecturerIsSecretary } from '../application/host-members';
import { organizationHandlers } from './committee-projection';

const branchSnapshot = (id: string) => ({
  id,
  code: 'B1',
  name: '第一党支部',
  kind: 'BRANCH',
  sector: 'AGENCY',
  departmentCategory: null,
  hostingUnit: null,
  staffCount: null,
  parentId: null,
  status: 'ACTIVE',
  endsOn: null,
  dissolvedOn: null,
  termStartedOn: '2023-03-01',
  termEndsOn: '2026-03-01',
});

describe('committee projection', () => {
  let dataSource: DataSource;
  const branch = randomUUID();
  const [oldSecretary, newSecretary, member] = [randomUUID(), randomUUID(), randomUUID()];

  const committeeChanged = (committee: unknown[], time: string) => {
    const event = createEnvelope('organization', {
      type: 'organization.committee-changed',
      aggregateId: branch,
      organizationId: branch,
      organizationPath: [branch],
      actor: 't',
      data: { organization: branchSnapshot(branch), committee },
    });
    event.time = time;
    return dataSource.transaction((m) => organizationHandlers['organization.committee-changed'].handle(event as never, m));
  };

  beforeAll(async () => {
    dataSource = await openDataSource({ url: await freshDatabase(), entities: activityEntities, migrations: activityMigrations });
  });
  afterAll(() => dataSource?.destroy());

  it('keeps the tree node and the seats, ending those no longer listed', async () => {
    await committeeChanged(
      [
        { role: 'SECRETARY', memberId: oldSecretary, termStart: '2023-03-01', termEnd: '2026-03-01' },
        { role: 'ORGANIZATION_MEMBER', memberId: member, termStart: '2023-03-01', termEnd: '2026-03-01' },
      ],
      '2023-03-01T02:00:00.000Z',
    );
    await committeeChanged(
      [
        { role: 'SECRETARY', memberId: newSecretary, termStart: '2026-03-05', termEnd: '2029-03-05' },
        { role: 'ORGANIZATION_MEMBER', memberId: member, termStart: '2023-03-01', termEnd: '2026-03-01' },
      ],
      '2026-03-05T02:00:00.000Z',
    );
    const seats = await dataSource.query(`SELECT member_id, role, until IS NULL AS current FROM committee_seat ORDER BY id`);
    expect(seats).toEqual([
      { member_id: oldSecretary, role: 'SECRETARY', current: false },
      { member_id: member, role: 'ORGANIZATION_MEMBER', current: true },
      { member_id: newSecretary, role: 'SECRETARY', current: true },
    ]);
    const [node] = await dataSource.query(`SELECT name, path FROM org_node WHERE id = $1`, [branch]);
    expect(node).toEqual({ name: '第一党支部', path: [branch] });
  });

  it('knows who was secretary on the day of a lecture', async () => {
    expect(await lecturerIsSecretary(dataSource.manager, branch, oldSecretary, '2025-06-01')).toBe(true);
    expect(await lecturerIsSecretary(dataSource.manager, branch, oldSecretary, '2026-06-01')).toBe(false);
    expect(await lecturerIsSecretary(dataSource.manager, branch, newSecretary, '2026-06-01')).toBe(true);
    expect(await lecturerIsSecretary(dataSource.manager, branch, member, '2026-06-01')).toBe(false);
    expect(await lecturerIsSecretary(dataSource.manager, randomUUID(), member, '2026-06-01')).toBeNull();
  });
});
