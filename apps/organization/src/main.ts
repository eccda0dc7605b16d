import 'reflect-metadata';
import { createLogger } from '@partybuild/logging';
import { onShutdown } from '@partybuild/service';
import { loadOrganizationConfig } from './config';
import { startOrganizationService } from './organization-service';

async function main() {
  const logger = createLogger('organization');
  const service = await startOrganizationService(loadOrganizationConfig());
  onShutdown(logger, [() => service.stop()]);
}

main().catch((error) => {
  process.stderr.write(`organization service failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
