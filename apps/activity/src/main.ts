import 'reflect-metadata';
import { createLogger } from '@partybuild/logging';
import { onShutdown } from '@partybuild/service';
import { loadActivityConfig } from './config';
import { startActivityService } from './activity-service';

async function main() {
  const logger = createLogger('activity');
  const service = await startActivityService(loadActivityConfig());
  onShutdown(logger, [() => service.stop()]);
}

main().catch((error) => {
  process.stderr.write(`activity service failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
