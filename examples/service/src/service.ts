/**
 * The reference service: PostgreSQL (PGlite in-process, or a server), pg-boss
 * on the same database, the workers and the HTTP API, put together. One
 * process runs the API, the workers, or both; as many processes as you like
 * share one PostgreSQL server.
 */
import PgBoss from "pg-boss";
import { type Clock, wallClock } from "./clock.js";
import { type DecideHooks, Decider } from "./decide.js";
import { httpApi } from "./http.js";
import { queues } from "./jobs.js";
import { Metrics } from "./metrics.js";
import type { Platforms } from "./platforms/platforms.js";
import { type SimulatedPlatformsOptions, simulatedPlatforms } from "./platforms/simulated.js";
import { type Database, openDatabase } from "./store/database.js";
import {
  type Concurrency,
  defaultConcurrency,
  startWorkers,
  type WorkerContext,
  type WorkerStep,
} from "./workers.js";

export interface ServiceOptions {
  /** A PostgreSQL server's URL; without one, PGlite in this process. */
  readonly databaseUrl?: string;
  /** Where PGlite keeps its data; in memory without it. */
  readonly pgliteDir?: string;
  readonly clock?: Clock;
  /** The platforms; the simulated ones by default, configured by `simulation`. */
  readonly platforms?: (db: Database) => Platforms;
  readonly simulation?: SimulatedPlatformsOptions;
  /** Run the workers in this process (the default), with this many jobs per queue at once. */
  readonly workers?: boolean | Concurrency;
  /**
   * How long a job may run before pg-boss takes it for dead and hands it to
   * another worker, in wall-clock seconds: `jobs` (default 60) for timers,
   * look-ups and webhooks, `deliveries` (default an hour) for platform calls,
   * which end within it. A lease only bounds how long a dead worker's job
   * waits to run again: a delivery that died after its `DELIVERY_STARTED` is
   * settled by postlife's own deadline, whatever the lease.
   */
  readonly leases?: { readonly jobs?: number; readonly deliveries?: number };
  readonly hooks?: DecideHooks;
  readonly observe?: (step: WorkerStep) => void;
  readonly crash?: WorkerContext["crash"];
}

export interface Service {
  readonly app: ReturnType<typeof httpApi>;
  readonly database: Database;
  readonly decider: Decider;
  readonly boss: PgBoss;
  readonly metrics: Metrics;
  readonly platforms: Platforms;
  stop(): Promise<void>;
}

export const startService = async (options: ServiceOptions = {}): Promise<Service> => {
  const clock = options.clock ?? wallClock;
  const database = await openDatabase(options.databaseUrl, options.pgliteDir);
  const leases = {
    jobs: options.leases?.jobs ?? 60,
    deliveries: options.leases?.deliveries ?? 3600,
  };
  const boss = new PgBoss({
    ...database.boss,
    // Jobs of a worker that died are failed, then retried, by the maintenance it runs.
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, leases.jobs)),
    schedule: false,
  });
  boss.on("error", (error) => console.error("pg-boss:", error.message));
  await boss.start();
  for (const name of Object.values(queues)) {
    // A failed job is retried after a second, then later and later, 50 times: a subscriber
    // down for a day still gets its webhooks. Deliveries are `short`: one queued job per
    // idempotency key and attempt (`singletonKey`).
    await boss.createQueue(name, {
      name,
      ...(name === queues.deliver ? { policy: "short" as const } : {}),
      expireInSeconds: name === queues.deliver ? leases.deliveries : leases.jobs,
      retryLimit: 50,
      retryDelay: 1,
      retryBackoff: true,
    });
  }
  const metrics = new Metrics();
  const workerIds = new Map<string, string[]>();
  const wake = (names: ReadonlySet<string>) => {
    for (const name of names) for (const id of workerIds.get(name) ?? []) boss.notifyWorker(id);
  };
  const decider = new Decider(database, boss, clock, metrics, wake, options.hooks);
  const platforms =
    options.platforms?.(database) ?? simulatedPlatforms(database.db, clock, options.simulation);
  if (options.workers !== false) {
    const concurrency =
      options.workers === true || options.workers === undefined
        ? defaultConcurrency
        : options.workers;
    const ids = await startWorkers(
      {
        boss,
        database,
        clock,
        leases,
        decider,
        platforms,
        ...(options.observe ? { observe: options.observe } : {}),
        ...(options.crash ? { crash: options.crash } : {}),
      },
      concurrency,
    );
    for (const [name, mine] of ids) workerIds.set(name, mine);
  }
  const app = httpApi({ decider, db: database.db, clock });
  return {
    app,
    database,
    decider,
    boss,
    metrics,
    platforms,
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await database.close();
    },
  };
};
