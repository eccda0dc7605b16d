import { Caller, Role } from '@partybuild/auth';
import { EventEnvelope, topicForType } from '@partybuild/events';
import { ensureDatabase } from '@partybuild/persistence';
import { Client } from 'pg';
import { eventually, uniquePrefix, urlFor, testKafkaBrokers } from '@partybuild/testing';
import { OrgTree } from '@partybuild/org-tree';
import { checkCharacter } from '@partybuild/app-membership';
import { Stack, startStack } from '../dev/stack';
import { SERVICES } from '../dev/services';
import { graphql, GraphQLResult } from '../dev/graphql-client';

/** The day the e2e tests pretend it is, so that term dates give stable answers. */
export const TODAY = '2026-11-22';

export const ADMIN: Caller = { subject: 'admin', name: '区委组织部', roles: [Role.DISTRICT_ADMIN], scope: [] };

export interface TestStack extends Stack {
  /**
   * Sends a query through the gateway as the given caller. The tests read refusals in English
   * (`accept-language: en`); the Chinese default is what error-language.e2e.ts checks.
   */
  as(caller: Caller, language?: string): <T = any>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResult<T>>;
  /** Publishes events as another service would, on the stack's event transport. */
  publish(events: EventEnvelope<unknown>[]): Promise<void>;
  /** URL of a database of this stack (`organization`, `statistics`, `events`…). */
  databaseUrl(name: string): string;
  /** Every event the services published on the embedded transport, in order. */
  eventLog(): Promise<Array<{ topic: string; key: string; value: string }>>;
  /** Rows of the organisation service's outbox, oldest first. */
  outbox(): Promise<Array<{ type: string; subject: string; envelope: any }>>;
}

/** The whole stack on fresh databases of the test PostgreSQL, on free ports. */
export async function startTestStack(
  options: { transport?: 'embedded' | 'kafka'; nodeEnv?: 'test' | 'production'; kafkaBrokers?: string; logLevel?: string } = {},
): Promise<TestStack> {
  const transport = options.transport ?? 'embedded';
  const prefix = uniquePrefix();
  // Production mode expects provisioned databases, as a real deployment has.
  for (const name of [...SERVICES.map((s) => s.name), 'events']) await ensureDatabase(urlFor(`${prefix}${name}`));
  const stack = await startStack({
    urlFor,
    databasePrefix: prefix,
    eventTransport: transport,
    kafkaBrokers: transport === 'kafka' ? (options.kafkaBrokers ?? testKafkaBrokers()) : undefined,
    nodeEnv: options.nodeEnv ?? 'test',
    logLevel: options.logLevel ?? process.env.E2E_LOG_LEVEL ?? 'silent',
    today: () => TODAY,
  });
  return {
    ...stack,
    as:
      (caller, language = 'en') =>
      (query, variables = {}) =>
        graphql(stack.gatewayUrl, stack.tokenFor(caller), query, variables, { 'accept-language': language }),
    publish: (events) =>
      stack.services.organization.transport.publish(
        events.map((e) => ({ topic: topicForType(e.type), key: e.subject, value: JSON.stringify(e) })),
      ),
    databaseUrl: (name) => urlFor(`${prefix}${name}`),
    eventLog: async () => {
      const client = new Client({ connectionString: urlFor(`${prefix}events`) });
      await client.connect();
      try {
        return (await client.query(`SELECT topic, message_key AS key, value FROM event_log ORDER BY position`)).rows;
      } finally {
        await client.end();
      }
    },
    outbox: async () => {
      const rows = await stack.services.organization.dataSource.query(`SELECT envelope FROM outbox ORDER BY position`);
      return rows.map((r: { envelope: any }) => ({ type: r.envelope.type, subject: r.envelope.subject, envelope: r.envelope }));
    },
  };
}

export const CREATE = `mutation($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { id code name kind parentId ancestorIds status }
}`;

/** Creates an organisation as the admin and returns its id; fails the test on error. */
export async function createOrg(stack: TestStack, input: Record<string, unknown>): Promise<string> {
  const result = await stack.as(ADMIN)(CREATE, { input: { sector: 'AGENCY', ...input } });
  if (result.errors) throw new Error(`createOrganization failed: ${JSON.stringify(result.errors)}`);
  return result.data.createOrganization.id;
}

export const codeOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code;

/** A valid ID number (GB 11643, with its check character) for a birth date, a sequence number and an area code. */
export function idNumber(birth: string, seq: number, area = '500117'): string {
  const first17 = `${area}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return `${first17}${checkCharacter(first17)}`;
}

/** One organisation of a test tree; `parent` names an earlier entry. */
export interface TreeNode<K extends string> {
  code: string;
  name: string;
  kind: string;
  parent?: NoInfer<K>;
}

/**
 * Creates the organisations in order (each parent before its children) as the admin and waits
 * until every one of them is in the copy of the tree kept by each of `reaching`. Returns their
 * ids by the names the test gave them.
 */
export async function createTree<K extends string>(
  stack: TestStack,
  nodes: Record<K, TreeNode<K>>,
  reaching: Array<'membership' | 'activity' | 'statistics'> = ['membership'],
): Promise<Record<K, string>> {
  const ids = {} as Record<K, string>;
  for (const [key, { parent, ...input }] of Object.entries(nodes) as Array<[K, TreeNode<K>]>) {
    ids[key] = await createOrg(stack, { ...input, ...(parent ? { parentId: ids[parent] } : {}) });
  }
  await waitForTree(stack, Object.values(ids), reaching);
  return ids;
}

/** Waits until each of `reaching` has these organisations in its copy of the tree. */
export async function waitForTree(
  stack: TestStack,
  ids: string[],
  reaching: Array<'membership' | 'activity' | 'statistics'> = ['membership'],
): Promise<void> {
  for (const service of reaching) {
    const tree = new OrgTree(stack.services[service].dataSource.manager);
    await eventually(
      async () => ((await tree.nodes(ids)).size === ids.length ? true : undefined),
      15_000,
      `the tree to reach the ${service} service`,
    );
  }
}
