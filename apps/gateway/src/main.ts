import { createLogger } from '@partybuild/logging';
import { onShutdown } from '@partybuild/service';
import { loadGatewayConfig } from './config';
import { startGateway } from './gateway-server';

async function main() {
  const gateway = await startGateway(loadGatewayConfig());
  onShutdown(createLogger('gateway'), [() => gateway.stop()]);
}

main().catch((error) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
