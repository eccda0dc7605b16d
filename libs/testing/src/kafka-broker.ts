/**
 * A real single-node Kafka broker (KRaft) for test harnesses, without Docker.
 *
 * Thin wrapper around `tools/kafka/kafka.sh`, which downloads the Kafka jars
 * from Maven Central once (cached under ~/.cache/partybuild) and runs the
 * broker as a background JVM. Needs Java 17+ and bash; Maven only for the
 * first download.
 *
 *   const kafka = await startKafkaBroker();
 *   new Kafka({ brokers: kafka.brokers }); // always 127.0.0.1, never localhost
 *   await kafka.stop();  // graceful; the data dir is kept
 *   await kafka.start(); // same port, same data
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface KafkaBroker {
  /** Bootstrap servers for clients, e.g. `['127.0.0.1:39749']`. */
  brokers: string[];
  /** Absolute path of the broker's data dir (config, logs, topic data). */
  dataDir: string;
  port: number;
  controllerPort: number;
  /** Gracefully stops the broker (SIGTERM, SIGKILL after 20 s); keeps the data dir. Idempotent. */
  stop(): Promise<void>;
  /** Restarts a stopped (or killed) broker on the same ports and data dir. No-op if running. */
  start(): Promise<void>;
}

export interface StartKafkaBrokerOptions {
  /** Reuse this data dir (created if missing); default: a fresh temp dir. */
  dataDir?: string;
  /** Client port; default: a free port (or the one recorded in `dataDir`). */
  port?: number;
  /** KRaft controller port; default: a free port (or the one recorded in `dataDir`). */
  controllerPort?: number;
  /**
   * Leave the broker running when this Node process exits. By default a
   * broker still running at exit is sent SIGTERM, so a crashed or forgetful
   * test run does not leak 512 MB JVMs.
   */
  keepRunningAfterExit?: boolean;
}

const SCRIPT = path.join('tools', 'kafka', 'kafka.sh');

/** Walks up from `from` to the directory holding `tools/kafka/kafka.sh`. */
export function findRepoRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    if (fs.existsSync(path.join(dir, SCRIPT))) return dir;
    if (fs.existsSync(path.join(dir, 'nx.json'))) {
      throw new Error(`${SCRIPT} not found in the workspace root ${dir}`);
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no ${SCRIPT} or nx.json above ${from}`);
    dir = parent;
  }
}

/** Runs kafka.sh and resolves with its stdout; rejects with its stderr tail. */
function runScript(args: string[]): Promise<string> {
  const root = findRepoRoot();
  const verbose = Boolean(process.env['KAFKA_BROKER_DEBUG']);
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [path.join(root, SCRIPT), ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (verbose) process.stderr.write(chunk);
    });
    child.on('error', reject);
    // 'close' (not 'exit'): waits for stdout to be fully read. The broker JVM
    // does not hold our pipes, so this fires as soon as the script is done.
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(stdout);
      const tail = stderr.trim().split('\n').slice(-40).join('\n');
      reject(new Error(`kafka.sh ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${tail}`));
    });
  });
}

function parseStartOutput(stdout: string): { brokers: string; dataDir: string } {
  const vars = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const [, key, value] = /^([A-Z_]+)=(.*)$/.exec(line.trim()) ?? [];
    if (key !== undefined && value !== undefined) vars.set(key, value);
  }
  const brokers = vars.get('KAFKA_BROKERS');
  const dataDir = vars.get('KAFKA_DATA_DIR');
  if (!brokers || !dataDir) throw new Error(`unexpected kafka.sh start output: ${JSON.stringify(stdout)}`);
  return { brokers, dataDir };
}

/** kafka.sh records the ports it used in `<dataDir>/ports.env`. */
function readPorts(dataDir: string): { port: number; controllerPort: number } {
  const text = fs.readFileSync(path.join(dataDir, 'ports.env'), 'utf8');
  const get = (key: string): number => {
    const m = new RegExp(`^${key}=(\\d+)$`, 'm').exec(text);
    if (!m) throw new Error(`${key} missing from ${dataDir}/ports.env`);
    return Number(m[1]);
  };
  return { port: get('KAFKA_PORT'), controllerPort: get('KAFKA_CONTROLLER_PORT') };
}

function readPid(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'kafka.pid'), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True if pid runs. A killed broker is reparented to PID 1 and can linger as a
 * zombie for seconds (slow init in CI containers); kill(pid, 0) still succeeds
 * on zombies, so on Linux look at the state in /proc as well.
 */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Format: "pid (comm) S ..."; comm may contain spaces and parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    // No /proc (macOS): trust kill(). With /proc, the process just vanished.
    return !fs.existsSync('/proc/self/stat');
  }
}

// Brokers to SIGTERM if the process exits while they run. One shared 'exit'
// listener (not one per broker) avoids MaxListenersExceeded warnings.
const runningPids = new Set<number>();
let exitHookInstalled = false;
function killOnExit(pid: number): void {
  runningPids.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const p of runningPids) {
      try {
        process.kill(p, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  });
}

export async function startKafkaBroker(opts: StartKafkaBrokerOptions = {}): Promise<KafkaBroker> {
  const args = ['start'];
  if (opts.port !== undefined) args.push('--port', String(opts.port));
  if (opts.controllerPort !== undefined) args.push('--controller-port', String(opts.controllerPort));
  if (opts.dataDir !== undefined) args.push('--data-dir', path.resolve(opts.dataDir));

  const { brokers, dataDir } = parseStartOutput(await runScript(args));
  const { port, controllerPort } = readPorts(dataDir);

  let pid = readPid(dataDir);
  const track = (): void => {
    if (pid !== undefined && !opts.keepRunningAfterExit) killOnExit(pid);
  };
  track();
  // Serialise stop()/start() so overlapping calls cannot race on the pid file.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (op: () => Promise<void>): Promise<void> => {
    const next = queue.then(op);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    brokers: [brokers],
    dataDir,
    port,
    controllerPort,
    // Always asks the script (it is a no-op when nothing runs), so stop()
    // also cleans up after a broker that was killed behind our back.
    stop: () =>
      enqueue(async () => {
        await runScript(['stop', '--data-dir', dataDir]);
        if (pid !== undefined) runningPids.delete(pid);
        pid = undefined;
      }),
    start: () =>
      enqueue(async () => {
        if (pid !== undefined && isAlive(pid)) return;
        if (pid !== undefined) runningPids.delete(pid);
        // Explicit ports: the restarted broker must be where clients expect it.
        await runScript(['start', '--port', String(port), '--controller-port', String(controllerPort), '--data-dir', dataDir]);
        pid = readPid(dataDir);
        track();
      }),
  };
}
