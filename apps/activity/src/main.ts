import 'reflect-metadata';
import { telemetry } from './telemetry';
import { createLogger } from '@partybuild/logging';
import { onShutdown } from '@partybuild/service';
import { loadActivityConfig } from './config';
import { startActivityService } from './activity-service';

async function main() {
  const logger = createLogger('activity');
  const service = await startActivityService(loadActivityConfig());
  logger.info(telemetry.description);
  onShutdown(logger, [() => service.stop(), () => telemetry.shutdown()]);
}

main().catch((error) => {
  process.stderr.write(`activity service failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
