/**
 * A process that owns an embedded PostgreSQL and, on SIGINT, takes its time to stop its own
 * work before stopping the database — as a service's orderly shutdown does:
 *
 *   node tools/run.js libs/persistence/test/postgres-process.ts <dataDir> <port>
 *
 * Prints `ready <pid>` once the database answers, `work done` when its slow shutdown step
 * finished and `stopped` once PostgreSQL exited.
 */
import { startEmbeddedPostgres } from '../src/embedded-postgres';

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  const postgres = await startEmbeddedPostgres({ dataDir, port: Number(port), persistent: false });
  process.once('SIGINT', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    process.stdout.write('work done\n');
    await postgres.stop();
    process.stdout.write('stopped\n');
    process.exit(0);
  });
  process.stdout.write(`ready ${postgres.pid}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
