/**
 * The deep run of the simulation: a million scenarios (or `--scenarios n`),
 * shared among worker threads (one per core, or `--workers n`), each running
 * its own seeds. Prints the throughput and, on a failure, the broken promise,
 * how to replay it and its shrunk trace; exits 1 then.
 *
 *   npx tsx scripts/simulate.ts --scenarios 1000000 --seed 20261206
 */
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { type SimulationReport, simulate } from "../src/testing/index.js";

interface Shard {
  readonly seed: number;
  readonly runs: number;
}

/** Scenarios per simulate() call: a failure is reported within one chunk's time. */
const chunk = 10_000;

if (!isMainThread) {
  const { seed, runs } = workerData as Shard;
  let done = 0;
  for (let n = 0; done < runs; n++) {
    const report = simulate({ seed: seed + n, runs: Math.min(chunk, runs - done) });
    done += report.runs;
    parentPort?.postMessage(report);
    if (!report.ok) break;
  }
} else {
  const { values } = parseArgs({
    options: {
      scenarios: { type: "string", default: "1000000" },
      seed: { type: "string", default: "20261206" },
      workers: { type: "string", default: String(Math.max(1, availableParallelism())) },
    },
  });
  const scenarios = Number(values.scenarios);
  const seed = Number(values.seed);
  const workers = Math.max(1, Math.min(Number(values.workers), scenarios));
  const started = performance.now();
  let runs = 0;
  let steps = 0;
  let duplicates = 0;
  let boundUsed = 0;
  let failure: SimulationReport["failure"];
  let reported = 0;
  const shards: Promise<void>[] = [];
  for (let w = 0; w < workers; w++) {
    const share = Math.floor(scenarios / workers) + (w < scenarios % workers ? 1 : 0);
    // Seeds far apart: every shard runs scenarios no other shard runs.
    const shard: Shard = { seed: seed + w * 1_000_003, runs: share };
    // The worker reads this TypeScript file as the main thread does, through tsx's loader.
    const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: shard });
    shards.push(
      new Promise((resolve, reject) => {
        worker.on("message", (report: SimulationReport) => {
          runs += report.runs;
          steps += report.steps;
          duplicates += report.platformDuplicates;
          boundUsed = Math.max(boundUsed, report.boundUsed);
          failure ??= report.failure;
          if (failure !== undefined) void worker.terminate();
          if (runs - reported >= 100_000 || runs === scenarios) {
            reported = runs;
            const seconds = (performance.now() - started) / 1000;
            console.log(`  ${runs.toLocaleString("en")} scenarios, ${seconds.toFixed(0)} s`);
          }
        });
        worker.on("error", reject);
        worker.on("exit", () => resolve());
      }),
    );
  }
  await Promise.all(shards);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `simulate: ${runs.toLocaleString("en")} scenarios (${steps.toLocaleString("en")} steps) on ${workers} workers in ${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, "0")}s: ${Math.round(runs / seconds)} scenarios/s; liveness bound used at most ${(boundUsed * 100).toFixed(0)}%; ${duplicates} double posts the platforms made, all surfaced`,
  );
  if (failure !== undefined) {
    console.error(`\n${failure.invariant}: ${failure.message}\nreplay: ${failure.replay}\n`);
    console.error(failure.trace.join("\n"));
    process.exit(1);
  }
  if (runs < scenarios) {
    console.error(`only ${runs} of ${scenarios} scenarios ran`);
    process.exit(1);
  }
}
