import 'reflect-metadata';
import { telemetry } from './telemetry';
import { createLogger } from '@partybuild/logging';
import { onShutdown } from '@partybuild/service';
import { loadStatisticsConfig } from './config';
import { startStatisticsService } from './statistics-service';

async function main() {
  const service = await startStatisticsService(loadStatisticsConfig());
  const logger = createLogger('statistics');
  logger.info(telemetry.description);
  onShutdown(logger, [() => service.stop(), () => telemetry.shutdown()]);
}

main().catch((error) => {
  process.stderr.write(`statistics service failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
