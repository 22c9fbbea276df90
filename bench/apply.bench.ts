/**
 * Throughput of postlife's pure API (`apply`, `can`) against raw XState v5
 * (`transition(postMachine, …)`, `snapshot.can`) on the same posts and events,
 * plus a two-state toggle machine to show what one `transition()` costs XState
 * itself. Run with `npm run bench`.
 *
 * Every case is checked before anything is timed (outcome, status, and that
 * the machine agrees with `apply`): the script exits non-zero if a case does
 * not do what its name says, so the figures always measure the intended path.
 */
import { cpus, loadavg } from "node:os";
import { Bench, type Task } from "tinybench";
import { initialTransition, setup, transition } from "xstate";
import xstatePackage from "xstate/package.json" with { type: "json" };
import { apply, can, createPost, type Post, type PostEvent, postMachine } from "../src/index.js";

type Outcome = "accepted" | "rejected" | "ignored";
type PostSnapshot = ReturnType<typeof initialTransition<typeof postMachine>>[0];

interface Case {
  /** Short label used in the table. */
  readonly name: string;
  readonly post: Post;
  /** The same post reached by driving `postMachine` with `transition()`. */
  readonly snapshot: PostSnapshot;
  readonly event: PostEvent;
  readonly outcome: Outcome;
  /** The post's status after the event (unchanged for rejected and ignored events). */
  readonly status: Post["status"];
}

// ---------------------------------------------------------------------------
// Fixtures: each case's post is built twice, once with apply and once with the
// machine, from the same input and the same events.

const t0 = "2026-04-20T14:00:00Z";
const t1 = "2026-04-20T14:00:01Z";
const t3 = "2026-04-20T14:00:03Z";
const platforms = ["x", "linkedin", "threads", "bluesky", "mastodon"] as const;

const inputWith = (destinations: number) => ({
  id: "post-1",
  content: "Launch day! Our new release is out: faster builds, smaller bundles.",
  destinations: Array.from({ length: destinations }, (_, i) => ({
    id: `d-${i}`,
    platform: platforms[i % platforms.length] ?? "x",
    accountId: `acct-${i}`,
  })),
});

const failures: string[] = [];
const fail = (message: string): void => {
  failures.push(message);
};

/** Builds the same post through apply and through the machine, failing on any refusal. */
const reach = (
  destinations: number,
  history: readonly PostEvent[],
): { post: Post; snapshot: PostSnapshot } => {
  const input = inputWith(destinations);
  const created = createPost(input);
  if (!created.ok) throw new Error(created.rejection.message);
  let post = created.post;
  let [snapshot] = initialTransition(postMachine, input);
  for (const event of history) {
    const decision = apply(post, event);
    if (!decision.ok || decision.ignored !== undefined) {
      throw new Error(`fixture: ${event.type} was not taken while building the fixture`);
    }
    post = decision.post;
    [snapshot] = transition(postMachine, snapshot, event);
  }
  if (snapshot.value !== post.status || !sameJson(snapshot.context, post)) {
    throw new Error(
      `fixture: the machine reached ${String(snapshot.value)}, apply reached ${post.status}`,
    );
  }
  return { post, snapshot };
};

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const started = (ids: readonly string[]): PostEvent[] =>
  ids.map((destinationId) => ({ type: "DELIVERY_STARTED", destinationId, now: t1 }));

const succeeded = (destinationId: string): PostEvent => ({
  type: "DELIVERY_SUCCEEDED",
  destinationId,
  platformPostId: "1780123456789012345",
  platformUrl: "https://example.com/p/1780123456789012345",
  now: t3,
});

const ids = (n: number) => Array.from({ length: n }, (_, i) => `d-${i}`);
const publish: PostEvent = { type: "PUBLISH", now: t0 };

const cases: Case[] = [
  {
    name: "SCHEDULE draft (3 dest)",
    ...reach(3, []),
    event: { type: "SCHEDULE", at: "2026-04-21T09:00:00Z", now: t0 },
    outcome: "accepted",
    status: "scheduled",
  },
  {
    // d-0 is publishing, d-1 and d-2 still queued: the post stays publishing.
    name: "DELIVERY_SUCCEEDED (3 dest)",
    ...reach(3, [publish, ...started(["d-0"])]),
    event: succeeded("d-0"),
    outcome: "accepted",
    status: "publishing",
  },
  {
    name: "EDIT queued (rejected)",
    ...reach(3, [publish]),
    event: { type: "EDIT", changes: { content: "Launch day (edited)" } },
    outcome: "rejected",
    status: "queued",
  },
  {
    // d-0 is already published: the same success again is a duplicate.
    name: "duplicate fact (ignored)",
    ...reach(3, [publish, ...started(["d-0"]), succeeded("d-0")]),
    event: succeeded("d-0"),
    outcome: "ignored",
    status: "publishing",
  },
  {
    // Mid-delivery: all 20 started, d-0..d-9 published; the last one (the
    // longest lookup) succeeds and the post stays publishing.
    name: "DELIVERY_SUCCEEDED (20 dest)",
    ...reach(20, [publish, ...started(ids(20)), ...ids(10).map(succeeded)]),
    event: succeeded("d-19"),
    outcome: "accepted",
    status: "publishing",
  },
];

// The baseline: the smallest machine XState can run, to show the fixed cost of
// one pure transition() (it builds an inert actor per call).
const toggleMachine = setup({ types: {} as { events: { type: "TOGGLE" } } }).createMachine({
  id: "toggle",
  initial: "off",
  states: {
    off: { on: { TOGGLE: { target: "on" } } },
    on: { on: { TOGGLE: { target: "off" } } },
  },
});
const [toggleOff] = initialTransition(toggleMachine);
const toggle = { type: "TOGGLE" } as const;

// ---------------------------------------------------------------------------
// Checks, before any timing.

const outcomeOf = (post: Post, event: PostEvent): { outcome: Outcome; status: string } => {
  const decision = apply(post, event);
  if (!decision.ok) return { outcome: "rejected", status: post.status };
  return {
    outcome: decision.ignored === "duplicate" ? "ignored" : "accepted",
    status: decision.post.status,
  };
};

for (const c of cases) {
  const where = `[${c.name}]`;
  const got = outcomeOf(c.post, c.event);
  if (got.outcome !== c.outcome) fail(`${where} apply: expected ${c.outcome}, got ${got.outcome}`);
  if (got.status !== c.status) fail(`${where} apply: expected ${c.status}, got ${got.status}`);
  const decision = apply(c.post, c.event);
  if (c.outcome === "ignored" && !(decision.ok && decision.post === c.post)) {
    fail(`${where} apply: an ignored event must return the same post`);
  }
  const expectedCan = c.outcome === "accepted";
  if (can(c.post, c.event) !== expectedCan) fail(`${where} can: expected ${expectedCan}`);
  if (c.snapshot.can(c.event) !== expectedCan) {
    fail(`${where} snapshot.can: expected ${expectedCan}`);
  }
  const [next] = transition(postMachine, c.snapshot, c.event);
  if (next.value !== c.status) {
    fail(`${where} transition(): expected ${c.status}, got ${String(next.value)}`);
  }
  const after = decision.ok ? decision.post : c.post;
  if (!sameJson(next.context, after)) {
    fail(`${where} transition(): the machine's context differs from apply's post`);
  }
}
{
  const [on] = transition(toggleMachine, toggleOff, toggle);
  if (on.value !== "on" || !toggleOff.can(toggle)) fail("[toggle] transition(): expected on");
}

if (failures.length > 0) {
  console.error("The benchmark would measure the wrong thing:");
  for (const f of failures) console.error(`  - ${f}`);
  process.exit(1);
}
console.log(
  `checked ${cases.length} cases: apply's outcome and status, can, snapshot.can, and transition() reaching the same status and post`,
);

// ---------------------------------------------------------------------------
// Timing. Tasks of one case run next to each other, so that the ratios compare
// figures taken under the same load.

const bench = new Bench({
  name: "postlife apply",
  time: Number(process.env.BENCH_TIME_MS ?? 400),
  warmupTime: 100,
  timestampProvider: "hrtimeNow",
  throws: true,
});

const key = (name: string, fn: string) => `${fn} · ${name}`;
for (const c of cases) {
  const { post, event, snapshot } = c;
  bench
    .add(key(c.name, "apply"), () => apply(post, event))
    .add(key(c.name, "can"), () => can(post, event))
    .add(key(c.name, "transition"), () => transition(postMachine, snapshot, event))
    .add(key(c.name, "snapshot.can"), () => snapshot.can(event));
}
bench
  .add(key("toggle machine", "transition"), () => transition(toggleMachine, toggleOff, toggle))
  .add(key("toggle machine", "snapshot.can"), () => toggleOff.can(toggle));

const startedAt = performance.now();
await bench.run();
const seconds = (performance.now() - startedAt) / 1000;

// ---------------------------------------------------------------------------
// Report.

interface Figures {
  readonly opsPerSecond: number;
  readonly meanUs: number;
  readonly p50Us: number;
  readonly p99Us: number;
  readonly rme: number;
  readonly samples: number;
}

const figuresOf = (task: Task | undefined): Figures => {
  const r = task?.result;
  if (r === undefined || (r.state !== "completed" && r.state !== "aborted-with-statistics")) {
    console.error(`task ${task?.name ?? "?"} did not complete: ${r?.state ?? "missing"}`);
    process.exit(1);
  }
  return {
    // From the median: on shared cores the mean also carries the time the
    // process was descheduled (ms-long pauses in 0.1% of samples), which
    // swamps a 5 µs call. The median is what the code costs; mean and p99
    // are printed beside it so the tail stays visible.
    opsPerSecond: 1000 / r.latency.p50,
    meanUs: r.latency.mean * 1000,
    p50Us: r.latency.p50 * 1000,
    p99Us: r.latency.p99 * 1000,
    rme: r.latency.rme,
    samples: r.latency.samplesCount,
  };
};

const ops = (n: number) =>
  n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : n.toFixed(0);
const us = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const times = (n: number) => (n >= 10 ? n.toFixed(1) : n.toFixed(2));

const rows: string[][] = [];
const summary: string[] = [];
const toggleFigures = figuresOf(bench.getTask(key("toggle machine", "transition")));
for (const c of cases) {
  const reference = figuresOf(bench.getTask(key(c.name, "transition")));
  for (const fn of ["apply", "can", "transition", "snapshot.can"] as const) {
    const f = figuresOf(bench.getTask(key(c.name, fn)));
    const ratio = f.opsPerSecond / reference.opsPerSecond;
    rows.push([
      c.name,
      fn === "transition" ? "transition(postMachine)" : fn,
      ops(f.opsPerSecond),
      us(f.meanUs),
      us(f.p50Us),
      us(f.p99Us),
      `±${f.rme.toFixed(1)}%`,
      String(f.samples),
      fn === "transition" ? "1 (reference)" : `${times(ratio)}x`,
    ]);
    if (fn === "apply" || fn === "can") {
      summary.push(`${c.name}: ${fn} is ${times(ratio)}x transition()`);
    }
  }
  summary.push(
    `${c.name}: transition(postMachine) costs ${times(reference.p50Us / toggleFigures.p50Us)}x a toggle transition()`,
  );
}
for (const fn of ["transition", "snapshot.can"] as const) {
  const f = figuresOf(bench.getTask(key("toggle machine", fn)));
  rows.push([
    "toggle machine (baseline)",
    fn === "transition" ? "transition(toggle)" : fn,
    ops(f.opsPerSecond),
    us(f.meanUs),
    us(f.p50Us),
    us(f.p99Us),
    `±${f.rme.toFixed(1)}%`,
    String(f.samples),
    "",
  ]);
}

const header = [
  "case",
  "function",
  "ops/s (p50)",
  "mean µs",
  "p50 µs",
  "p99 µs",
  "rme",
  "samples",
  "vs transition() of the same event",
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
const line = (cells: readonly string[]) =>
  `| ${cells.map((cell, i) => (i >= 2 && i <= 7 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(" | ")} |`;

const cpu = cpus()[0]?.model ?? "unknown cpu";
console.log(
  `postlife bench · ${new Date().toISOString().slice(0, 10)} · node ${process.version} · xstate ${xstatePackage.version} · timer ${bench.timestampProvider.name}`,
);
console.log(
  `${cpus().length} × ${cpu} · load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(
      " ",
    )} · ${bench.time} ms per task + ${bench.warmupTime} ms warmup · ${seconds.toFixed(1)} s\n`,
);
console.log(line(header));
console.log(
  `|${widths.map((w, i) => (i >= 2 && i <= 7 ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`,
);
for (const r of rows) console.log(line(r));
console.log("");
for (const s of summary) console.log(`- ${s}`);
