// What tools (launcher, tests, benchmarks) may use of this deployable.
export { startGateway } from './gateway-server';
export type { RunningGateway } from './gateway-server';
export { gatewayConfig, loadGatewayConfig } from './config';
export type { GatewayConfig } from './config';
