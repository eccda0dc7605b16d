import 'reflect-metadata';
import { createLogger } from '@partybuild/logging';
import { onShutdown } from '@partybuild/service';
import { loadMembershipConfig } from './config';
import { startMembershipService } from './membership-service';

async function main() {
  const logger = createLogger('membership');
  const service = await startMembershipService(loadMembershipConfig());
  onShutdown(logger, [() => service.stop()]);
}

main().catch((error) => {
  process.stderr.write(`membership service failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
