// What tools (the launcher, the browser tests) may use of this deployable.
export { startConsole, CONSOLE_DIST } from './console-server';
export type { DemoUser, RunningConsole } from './console-server';
export { consoleConfig, loadConsoleConfig } from './config';
export type { ConsoleConfig } from './config';
