import { loadConsoleConfig } from './config';
import { startConsole } from './console-server';

// Runs the console alone (a container, `npx nx serve console`): GATEWAY_URL says where the graph is.
startConsole(loadConsoleConfig()).catch((error: Error) => {
  process.stderr.write(`console failed to start: ${error.message}\n`);
  process.exit(1);
});
