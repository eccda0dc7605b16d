import 'reflect-metadata';
import { createLogger } from '@partybuild/logging';
import { onShutdown } from '@partybuild/service';
import { loadPairingConfig } from './config';
import { startPairingService } from './pairing-service';

async function main() {
  const logger = createLogger('pairing');
  const service = await startPairingService(loadPairingConfig());
  onShutdown(logger, [() => service.stop()]);
}

main().catch((error) => {
  process.stderr.write(`pairing service failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
