import 'reflect-metadata';
import { telemetry } from './telemetry';
import { createLogger } from '@partybuild/logging';
import { onShutdown } from '@partybuild/service';
import { loadOrganizationConfig } from './config';
import { startOrganizationService } from './organization-service';

async function main() {
  const logger = createLogger('organization');
  const service = await startOrganizationService(loadOrganizationConfig());
  logger.info(telemetry.description);
  onShutdown(logger, [() => service.stop(), () => telemetry.shutdown()]);
}

main().catch((error) => {
  process.stderr.write(`organization service failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
