/**
 * Worker processes for runs on a PostgreSQL server: each runs the service's
 * workers (`worker-process.ts`) on the clock and platforms this process
 * shares with it. One may be killed with SIGKILL in the middle of a platform
 * call and started again, as production's workers die.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ClockSettings } from "../../src/clock.js";
import type { SimulatedPlatformsOptions } from "../../src/platforms/simulated.js";

/** What a worker process reports when it stops: its decisions' latencies. */
export interface WorkerMetrics {
  readonly decisions: number;
  readonly conflicts: number;
  readonly latencies: readonly number[];
}

export interface WorkerPool {
  /** The reports of the processes that stopped cleanly (a killed one reports nothing). */
  readonly metrics: WorkerMetrics[];
  /** How many were killed. */
  readonly killed: number;
  /** Stops every process (SIGTERM) and waits for their reports. */
  stop(): Promise<void>;
}

const workerScript = fileURLToPath(new URL("./worker-process.ts", import.meta.url));

export const startWorkerPool = (options: {
  readonly count: number;
  readonly databaseUrl: string;
  readonly clock: ClockSettings;
  readonly simulation: SimulatedPlatformsOptions;
  readonly conflictRate?: number;
  readonly seed?: number;
  /** Kill worker 0 with SIGKILL during its first platform call, then start it again. */
  readonly killOneMidCall?: boolean;
  readonly log?: (line: string) => void;
}): WorkerPool => {
  const processes = new Map<number, ChildProcess>();
  const metrics: WorkerMetrics[] = [];
  let killed = 0;
  const start = (n: number) => {
    const child = spawn(process.execPath, ["--import", "tsx", workerScript], {
      env: {
        ...process.env,
        DATABASE_URL: options.databaseUrl,
        CLOCK: JSON.stringify(options.clock),
        SIMULATION: JSON.stringify(options.simulation),
        CONFLICT_RATE: String(options.conflictRate ?? 0),
        SEED: String((options.seed ?? 1) * 100 + n + killed * 10),
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let buffer = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith("metrics ")) metrics.push(JSON.parse(line.slice(8)));
        else if (line.startsWith("calling ") && options.killOneMidCall && killed === 0 && n === 0) {
          // A platform call is under way in worker 0: kill it there, and start another.
          killed++;
          options.log?.(`SIGKILL worker 0 during ${line.slice(8)}`);
          child.kill("SIGKILL");
          start(0);
        }
      }
    });
    processes.set(n, child);
  };
  for (let n = 0; n < options.count; n++) start(n);
  return {
    metrics,
    get killed() {
      return killed;
    },
    async stop() {
      const exits = [...processes.values()].map(
        (child) =>
          new Promise((resolve) =>
            // A process killed by a signal has a signalCode, not an exitCode.
            child.exitCode !== null || child.signalCode !== null
              ? resolve(null)
              : child.once("exit", resolve),
          ),
      );
      for (const child of processes.values()) child.kill("SIGTERM");
      await Promise.all(exits);
    },
  };
};
