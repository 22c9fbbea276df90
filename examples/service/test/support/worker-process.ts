/**
 * One worker process of the PostgreSQL run: the service's workers, no HTTP,
 * against the server `DATABASE_URL` names, on the clock the parent shares.
 * It says `calling <job>` as each platform call begins, so the parent can
 * kill it there, and prints its decisions' latencies when told to stop.
 */
import { eq, sql } from "drizzle-orm";
import { clockOf } from "../../src/clock.js";
import { type Service, startService } from "../../src/service.js";
import { posts } from "../../src/store/schema.js";
import { Random } from "./random.js";

const chaos = new Random(Number(process.env.SEED ?? 1));
const conflictRate = Number(process.env.CONFLICT_RATE ?? 0);
let service: Service | undefined;

service = await startService({
  databaseUrl: process.env.DATABASE_URL as string,
  clock: clockOf(JSON.parse(process.env.CLOCK as string)),
  simulation: JSON.parse(process.env.SIMULATION as string),
  leases: { jobs: 10, deliveries: 30 },
  hooks: {
    beforeSave: async (postId) => {
      if (service === undefined || !chaos.chance(conflictRate)) return;
      await service.database.db
        .update(posts)
        .set({ version: sql`${posts.version} + 1` })
        .where(eq(posts.id, postId));
    },
  },
  observe: (step) => {
    if (step.kind === "calling")
      process.stdout.write(`calling ${step.job.idempotencyKey}#${step.job.attempt}\n`);
  },
});

process.once("SIGTERM", async () => {
  const metrics = service?.metrics;
  await service?.stop();
  process.stdout.write(
    `metrics ${JSON.stringify({ decisions: metrics?.decisions ?? 0, conflicts: metrics?.conflicts ?? 0, latencies: metrics?.latencies() ?? [] })}\n`,
  );
  process.exit(0);
});
