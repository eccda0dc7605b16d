import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { testKafkaBrokers, eventually } from '@partybuild/testing';
import { ADMIN, TestStack, createOrg, startTestStack } from './fixtures';

interface Received {
  key: string;
  partition: number;
  value: any;
}

describe('organisation events on a real Kafka broker', () => {
  let stack: TestStack;
  const received: Received[] = [];
  const kafka = new Kafka({ clientId: 'e2e-reader', brokers: testKafkaBrokers().split(','), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `e2e-${randomUUID()}` });

  beforeAll(async () => {
    stack = await startTestStack({ transport: 'kafka' });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'partybuild.organization' }], waitForLeaders: true });
    await admin.disconnect();
    await consumer.connect();
    await consumer.subscribe({ topics: ['partybuild.organization'], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message, partition }) => {
        received.push({ key: message.key?.toString() ?? '', partition, value: JSON.parse(message.value!.toString()) });
      },
    });
  });
  afterAll(async () => {
    await consumer.disconnect();
    await stack?.stop();
  });

  it('publishes exactly one event for an organisation created through the gateway, keyed by its id', async () => {
    const id = await createOrg(stack, { code: `K-${randomUUID().slice(0, 8)}`, name: '合川区交通局机关党委', kind: 'PARTY_COMMITTEE' });
    const mine = await eventually(
      async () => {
        const events = received.filter((r) => r.value.subject === id);
        return events.length ? events : undefined;
      },
      30_000,
      'the organization.created event on Kafka',
    );
    // Give a duplicate the chance to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const all = received.filter((r) => r.value.subject === id);
    expect(all).toHaveLength(1);
    expect(mine[0].key).toBe(id);
    expect(mine[0].value).toMatchObject({
      specversion: '1.0',
      type: 'organization.created',
      source: 'partybuild/organization',
      subject: id,
      datacontenttype: 'application/json',
      schemaversion: 2,
      organizationid: id,
      organizationpath: [id],
      organizationpathtext: id,
      actor: ADMIN.subject,
      data: { organization: { id, name: '合川区交通局机关党委', kind: 'PARTY_COMMITTEE' } },
    });
    expect(Date.parse(mine[0].value.time)).not.toBeNaN();
  });

  it("keeps one organisation's events in order on one partition: created, moved, dissolved", async () => {
    const a = await createOrg(stack, { code: `K-${randomUUID().slice(0, 8)}`, name: '甲党委', kind: 'PARTY_COMMITTEE' });
    const b = await createOrg(stack, { code: `K-${randomUUID().slice(0, 8)}`, name: '乙党委', kind: 'PARTY_COMMITTEE' });
    const branch = await createOrg(stack, { code: `K-${randomUUID().slice(0, 8)}`, name: '丙党支部', kind: 'BRANCH', parentId: a });
    await stack.as(ADMIN)(`mutation($id: ID!, $to: ID!) { moveOrganization(id: $id, newParentId: $to) { id } }`, { id: branch, to: b });
    await stack.as(ADMIN)(`mutation($id: ID!) { updateOrganization(id: $id, input: { name: "丙党支部（更名）" }) { id } }`, { id: branch });
    await stack.as(ADMIN)(`mutation($id: ID!) { dissolveOrganization(id: $id) { id } }`, { id: branch });
    const events = await eventually(
      async () => {
        const mine = received.filter((r) => r.key === branch);
        return mine.length >= 4 ? mine : undefined;
      },
      30_000,
      'four events of the branch',
    );
    expect(events.map((e) => e.value.type)).toEqual([
      'organization.created',
      'organization.moved',
      'organization.updated',
      'organization.dissolved',
    ]);
    expect(new Set(events.map((e) => e.partition)).size).toBe(1);
    expect(events[1].value.organizationpath).toEqual([b, branch]);
    expect(events[1].value.organizationpathtext).toBe(`${b}/${branch}`);
  });
});
