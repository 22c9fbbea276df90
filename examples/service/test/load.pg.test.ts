/**
 * The reference service on a real PostgreSQL server, started here on
 * localhost: the HTTP API in this process, four worker processes sharing the
 * jobs, one of them killed with SIGKILL in the middle of a platform call and
 * started again. The same audit as on PGlite. `npm run test:pg`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLoad } from "./support/load.js";
import { type PostgresServer, startPostgres } from "./support/postgres-server.js";

const seed = Number(process.env.POSTLIFE_SEED ?? 20261207);
let server: PostgresServer;

beforeAll(async () => {
  server = await startPostgres({ log: (line) => console.log(line) });
});

afterAll(async () => {
  await server?.stop();
});

describe("the reference service on PostgreSQL, with 4 worker processes", () => {
  it("loses nothing, publishes nothing twice and leaves nothing in flight, with a worker killed mid-call", async () => {
    const report = await runLoad({
      seed,
      posts: 300,
      databaseUrl: server.url,
      workerProcesses: 4,
      killOne: true,
      latencyMs: 200,
      failureRate: 0.25,
      conflictRate: 0.05,
      log: (line) => console.log(line),
    });
    console.log(`PostgreSQL run (seed ${seed}): ${JSON.stringify(report.figures)}`);
    expect(report.problems, `seed ${seed}`).toEqual([]);
    expect(report.figures.killed).toBe(1);
    expect(report.figures.conflicts).toBeGreaterThan(0);
    expect(report.figures.decisions).toBeGreaterThan(1000);
  });
});
