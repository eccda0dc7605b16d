import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

/** How many events the topics hold now: the target a replay from the beginning must reach. */
export async function countEvents(
  topics: string[],
  transport: { kind: 'embedded'; eventsUrl: string } | { kind: 'kafka'; brokers: string[] },
): Promise<number> {
  if (transport.kind === 'embedded') {
    const client = new Client({ connectionString: transport.eventsUrl });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM event_log WHERE topic = ANY($1)`, [topics]);
      return rows[0].n;
    } finally {
      await client.end();
    }
  }
  const admin = new Kafka({ clientId: 'statistics-rebuild', brokers: transport.brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    let total = 0;
    for (const topic of topics.filter((t) => existing.has(t))) {
      for (const p of await admin.fetchTopicOffsets(topic)) total += Number(p.high) - Number(p.low);
    }
    return total;
  } finally {
    await admin.disconnect();
  }
}
