import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** One service run as a child process (`node <args>`) with its own environment. */
export interface ChildSpec {
  name: string;
  /** Arguments to node: the compiled main, or `tools/run.js apps/<name>/src/main.ts`. */
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Answers 200 once the service serves (its `/readyz`). */
  readyUrl: string;
}

export interface SupervisorOptions {
  /** Where a line of a service's output goes, already prefixed with its name. */
  write(line: string): void;
  /** How long a (re)started service may take to become ready. */
  readyTimeoutMs?: number;
  /** How long a service may take to stop after SIGTERM before it is killed. */
  stopTimeoutMs?: number;
}

const ROOT = path.resolve(__dirname, '..', '..');
const MAX_RESTART_PAUSE_MS = 10_000;
/** A service that ran this long before it died is restarted at once again. */
const STABLE_AFTER_MS = 30_000;

/**
 * Keeps one service's process running: starts it, waits until it is ready, restarts it when it
 * dies (with a growing pause if it keeps dying), and stops it with SIGTERM so that it shuts down
 * in its own order. Each child runs in its own process group: a terminal's Ctrl+C reaches only
 * the launcher, which stops the services in order.
 */
export class SupervisedService {
  private child?: ChildProcess;
  private stopping = false;
  private restarts = 0;
  private pause = 500;
  private startedAt = 0;
  private readonly recent: string[] = [];
  /** Resolved each time the service (re)became ready; for tests and the launcher's report. */
  private readyWaiters: Array<() => void> = [];

  constructor(
    readonly spec: ChildSpec,
    private readonly options: SupervisorOptions,
  ) {}

  get pid(): number | undefined {
    return this.child?.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  get restartCount(): number {
    return this.restarts;
  }

  /** Starts the process and resolves once it is ready; rejects with its last output if it dies first. */
  async start(): Promise<void> {
    this.stopping = false;
    const child = this.spawnChild();
    await this.waitReady(child);
  }

  /** Resolves the next time the service becomes ready after a restart. */
  nextReady(): Promise<void> {
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** SIGTERM, then SIGKILL if it has not exited in time; no restart. */
  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const began = Date.now();
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      this.say(`did not stop within ${(this.stopTimeoutMs / 1000).toFixed(0)} s; killing it`);
      child.kill('SIGKILL');
    }, this.stopTimeoutMs);
    await exited;
    clearTimeout(timer);
    this.say(`stopped in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  }

  /** Last resort when the launcher itself exits: nothing may be left running. */
  killNow(): void {
    this.stopping = true;
    if (this.pid) this.child!.kill('SIGKILL');
  }

  private get stopTimeoutMs(): number {
    return this.options.stopTimeoutMs ?? 20_000;
  }

  private spawnChild(): ChildProcess {
    const child = spawn(process.execPath, this.spec.args, {
      cwd: ROOT,
      env: this.spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.child = child;
    this.startedAt = Date.now();
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        this.recent.push(line);
        if (this.recent.length > 30) this.recent.shift();
        this.options.write(`[${this.spec.name}] ${line}`);
      });
    }
    child.once('exit', (code, signal) => this.onExit(child, code, signal));
    return child;
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping || child !== this.child) return;
    const ranFor = Date.now() - this.startedAt;
    if (ranFor > STABLE_AFTER_MS) this.pause = 500;
    const pause = this.pause;
    this.pause = Math.min(this.pause * 2, MAX_RESTART_PAUSE_MS);
    this.restarts += 1;
    this.say(
      `exited unexpectedly (${signal ?? `code ${code}`}) after ${(ranFor / 1000).toFixed(1)} s; restarting in ${(pause / 1000).toFixed(1)} s`,
    );
    setTimeout(() => {
      if (this.stopping) return;
      const next = this.spawnChild();
      this.waitReady(next).then(
        () => {
          this.say(`restarted (pid ${next.pid}), ready again`);
          for (const resolve of this.readyWaiters.splice(0)) resolve();
        },
        (error) => this.say(`restart failed: ${(error as Error).message.split('\n')[0]}`),
      );
    }, pause);
  }

  private async waitReady(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + (this.options.readyTimeoutMs ?? 60_000);
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `${this.spec.name} exited before it was ready (${child.signalCode ?? `code ${child.exitCode}`}):\n  ${this.recent.slice(-15).join('\n  ')}`,
        );
      }
      if (await answers(this.spec.readyUrl)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.spec.name} was not ready within ${((this.options.readyTimeoutMs ?? 60_000) / 1000).toFixed(0)} s`);
  }

  private say(message: string): void {
    this.options.write(`[supervisor] ${this.spec.name} ${message}`);
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}
