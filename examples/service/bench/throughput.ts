/**
 * `npm run bench:service`: how many decisions a second the service stores,
 * and how long one takes, when a burst of posts arrives at once: 16 clients
 * publish `POSTS` posts to X and LinkedIn through the HTTP API, the
 * platforms answer at once and never fail, and the run ends when every post
 * is published. On PGlite (in this process, API and workers), then on a
 * PostgreSQL server started on localhost with the API here and 4 worker
 * processes (`--pglite-only` skips it). Figures, not assertions: these
 * machines are shared and noisy.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { count, eq } from "drizzle-orm";
import { clockOf } from "../src/clock.js";
import { quantileOf } from "../src/metrics.js";
import { startService } from "../src/service.js";
import { acceptedEvents, posts } from "../src/store/schema.js";
import { clientPool } from "../test/support/clients.js";
import { startPostgres } from "../test/support/postgres-server.js";
import { startWorkerPool } from "../test/support/worker-pool.js";

const postCount = Number(process.env.POSTS ?? 400);

const run = async (name: string, databaseUrl?: string) => {
  const clock = { speed: 1, origin: Date.now(), wallOrigin: Date.now() };
  const simulation = { failureRate: 0, latencyMs: 0 };
  const service = await startService({
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    clock: clockOf(clock),
    simulation,
    workers: databaseUrl === undefined,
  });
  const pool =
    databaseUrl === undefined
      ? undefined
      : startWorkerPool({ count: 4, databaseUrl, clock, simulation });
  // Let the worker processes start before the clock does.
  if (pool !== undefined) await sleep(3000);
  const call = clientPool(service.app, 16);
  const started = Date.now();
  await Promise.all(
    Array.from({ length: postCount }, (_, i) =>
      call("POST", "/v1/posts", {
        content: `Post ${i}: postlife decides every change.`,
        destinations: [
          { id: "d-x", platform: "x", accountId: `x-${i % 20}` },
          { id: "d-li", platform: "linkedin", accountId: `li-${i % 20}` },
        ],
      }),
    ),
  );
  const published = async () =>
    (
      await service.database.db
        .select({ n: count() })
        .from(posts)
        .where(eq(posts.status, "published"))
    )[0]?.n ?? 0;
  while ((await published()) < postCount) await sleep(50);
  const seconds = (Date.now() - started) / 1000;
  await pool?.stop();
  const decisions =
    (await service.database.db.select({ n: count() }).from(acceptedEvents))[0]?.n ?? 0;
  const latencies = [
    ...service.metrics.latencies(),
    ...(pool?.metrics ?? []).flatMap((m) => m.latencies),
  ];
  const q = (p: number) => quantileOf(latencies, p).toFixed(1);
  const conflicts =
    service.metrics.conflicts + (pool?.metrics ?? []).reduce((n, m) => n + m.conflicts, 0);
  console.log(
    `${name.padEnd(32)} ${String(decisions).padStart(6)} decisions in ${seconds.toFixed(1).padStart(5)} s: ${String(Math.round(decisions / seconds)).padStart(5)}/s, p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, ${conflicts} conflicts retried`,
  );
  await service.stop();
};

console.log(
  `${postCount} posts to X and LinkedIn, published at once by 16 clients through the HTTP API`,
);
await run("PGlite, API and workers in-process");
if (!process.argv.includes("--pglite-only")) {
  const server = await startPostgres();
  try {
    await run("PostgreSQL, API + 4 worker processes", server.url);
  } finally {
    await server.stop();
  }
}
