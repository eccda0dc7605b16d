import 'reflect-metadata';
import { telemetry } from './telemetry';
import { createLogger } from '@partybuild/logging';
import { onShutdown } from '@partybuild/service';
import { loadMembershipConfig } from './config';
import { startMembershipService } from './membership-service';

async function main() {
  const logger = createLogger('membership');
  const service = await startMembershipService(loadMembershipConfig());
  logger.info(telemetry.description);
  onShutdown(logger, [() => service.stop(), () => telemetry.shutdown()]);
}

main().catch((error) => {
  process.stderr.write(`membership service failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
