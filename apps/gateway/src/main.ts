import { telemetry } from './telemetry';
import { createLogger } from '@partybuild/logging';
import { onShutdown } from '@partybuild/service';
import { loadGatewayConfig } from './config';
import { startGateway } from './gateway-server';

async function main() {
  const gateway = await startGateway(loadGatewayConfig());
  const logger = createLogger('gateway');
  logger.info(telemetry.description);
  onShutdown(logger, [() => gateway.stop(), () => telemetry.shutdown()]);
}

main().catch((error) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
