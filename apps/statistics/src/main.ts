import 'reflect-metadata';
import { createLogger } from '@partybuild/logging';
import { onShutdown } from '@partybuild/service';
import { loadStatisticsConfig } from './config';
import { startStatisticsService } from './statistics-service';

async function main() {
  const service = await startStatisticsService(loadStatisticsConfig());
  onShutdown(createLogger('statistics'), [() => service.stop()]);
}

main().catch((error) => {
  process.stderr.write(`statistics service failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
