import 'reflect-metadata';
import { telemetry } from './telemetry';
import { createLogger } from '@partybuild/logging';
import { onShutdown } from '@partybuild/service';
import { loadPairingConfig } from './config';
import { startPairingService } from './pairing-service';

async function main() {
  const logger = createLogger('pairing');
  const service = await startPairingService(loadPairingConfig());
  logger.info(telemetry.description);
  onShutdown(logger, [() => service.stop(), () => telemetry.shutdown()]);
}

main().catch((error) => {
  process.stderr.write(`pairing service failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
