/**
 * What PUBLISH's preflight costs as a draft grows: its content rules (`contentViolations`, what
 * `apply` and `preflight` run on a post known to be one) and `apply(post, PUBLISH)`, on drafts
 * of 1,000, 100,000 (below postlife's ceiling on a text field, `maxTextLength`), 1,000,000 and
 * 10,000,000 characters, each sent to all ten platforms, as ratios to the 1,000-character draft
 * measured in the same run. Beside them, the reference: every platform's length counted over the
 * whole text (`textLength`, what the preflight did before it stopped at the limit), on the drafts
 * where that takes less than a few seconds. Run with `npx tsx bench/preflight.bench.ts`.
 *
 * The drafts are stored posts with their text put in place: `createPost` refuses a text over the
 * ceiling, and `apply` and `preflight` refuse such a post before its content rules
 * (`invalid_post`, `post_shape`), so past the ceiling the PUBLISH column measures that refusal
 * and the content rules column what the counters cost if a text that long reached them. Every
 * case is checked before anything is timed: the content rules find the same rules broken at
 * every size past 1,000, past four times X's limit they say "more than 1120", and PUBLISH is
 * refused as the table says.
 */

import { cpus, loadavg } from "node:os";
import { Bench, type Task } from "tinybench";
import {
  apply,
  createPost,
  graphemeLength,
  maxTextLength,
  type Post,
  type PostEvent,
  platformOf,
  textLength,
} from "../src/index.js";
import { contentViolations } from "../src/rules/preflight.js";
import { denseScripts } from "../test/support/dense-scripts.js";

const platforms = [
  "x",
  "linkedin",
  "instagram",
  "facebook",
  "threads",
  "tiktok",
  "youtube",
  "bluesky",
  "pinterest",
  "mastodon",
] as const;

// A line as drafts have them: words, a link, a hashtag, a mention, CJK, an emoji with a skin
// tone, a combining accent, and a line feed (YouTube's first line is the title).
const line = "Launch day! Read https://example.com/launch #launch @team 日本語 👍🏽 café\n";
const sizes = [1_000, 100_000, 1_000_000, 10_000_000] as const;
/** The whole-text reference takes about a second per call at 1,000,000 characters, ten at ten million. */
const referenceSizes: ReadonlySet<number> = new Set([1_000, 100_000, 1_000_000]);

const textOf = (size: number): string => line.repeat(Math.ceil(size / line.length)).slice(0, size);

const created = createPost({
  id: "post-bench",
  content: "Launch day",
  destinations: platforms.map((platform) => ({
    id: `d-${platform}`,
    platform,
    accountId: `acct-${platform}`,
  })),
});
if (!created.ok) throw new Error(`fixture: ${created.rejection.message}`);
const draftOf = (size: number): Post => ({ ...created.post, content: textOf(size) });
const publish: PostEvent = { type: "PUBLISH", now: "2026-04-20T14:00:00Z" };

/** What the preflight counted before: every platform's length (and bytes) over the whole text. */
const wholeTextCounts = (text: string): number => {
  let sum = 0;
  for (const id of platforms) {
    const rules = platformOf(id)?.content;
    if (rules === undefined) continue;
    sum += textLength(text, rules.text.counting);
    if (rules.text.maxBytes !== undefined) sum += textLength(text, "utf8-bytes");
  }
  return sum;
};

// ---------------------------------------------------------------------------
// Checks, before any timing.

const failures: string[] = [];
const rulesOf = (post: Post): string[] =>
  contentViolations(post)
    .map((v) => `${v.destinationId}:${v.rule}`)
    .sort();
const drafts = new Map(sizes.map((size) => [size, draftOf(size)]));
const rulesAtLarge = rulesOf(drafts.get(100_000) as Post).join(" ");
/** How PUBLISH refuses each draft: for its content, or, past the ceiling, before its preflight. */
const refusals = new Map<number, string>();
for (const [size, post] of drafts) {
  const decision = apply(post, publish);
  const reason = decision.ok ? "accepted" : decision.rejection.reason;
  refusals.set(size, reason);
  const refusedAs =
    size > maxTextLength ? ["invalid_post", "content_invalid"] : ["content_invalid"];
  if (!refusedAs.includes(reason)) {
    failures.push(`[${size}] PUBLISH: expected ${refusedAs.join(" or ")}, got ${reason}`);
  }
  if (size > 1_000 && rulesOf(post).join(" ") !== rulesAtLarge) {
    failures.push(`[${size}] content rules: other rules broken than at 100,000 characters`);
  }
  const x = contentViolations(post).find((v) => v.destinationId === "d-x");
  const expected = size > 1_000 ? /has more than 1120$/ : /has \d+$/;
  if (x === undefined || !expected.test(x.message)) {
    failures.push(`[${size}] X: expected a message matching ${expected}, got ${x?.message}`);
  }
}
if (failures.length > 0) {
  console.error("The benchmark would measure the wrong thing:");
  for (const f of failures) console.error(`  - ${f}`);
  process.exit(1);
}
console.log(
  `checked ${sizes.length} drafts to ${platforms.length} platforms: the same content rules broken past 1,000 characters, X's "more than 1120", PUBLISH refused as shown`,
);

// Long runs with no whitespace, 250,000 UTF-16 units (the ceiling): each script's clusters, which
// the segmenter used to be handed whole (78 s for PUBLISH to Mastodon of the Hangul one).
const runUnits = 250_000;
const runs = denseScripts;
const toMastodon = createPost({
  id: "post-bench-runs",
  content: "Launch day",
  destinations: [{ id: "d-mastodon", platform: "mastodon", accountId: "acct-mastodon" }],
});
if (!toMastodon.ok) throw new Error(`fixture: ${toMastodon.rejection.message}`);
const runDrafts = runs.map(([name, cluster, clusters]) => {
  const content = cluster.repeat(Math.floor(runUnits / cluster.length));
  return {
    name,
    clusters,
    mastodon: { ...toMastodon.post, content },
    all: { ...created.post, content },
  };
});
for (const { name, clusters, mastodon, all } of runDrafts) {
  if (graphemeLength(mastodon.content) !== clusters) {
    failures.push(`[${name}] graphemeLength: expected ${clusters}`);
  }
  for (const post of [mastodon, all]) {
    const decision = apply(post, publish);
    if (decision.ok || decision.rejection.reason !== "content_invalid") {
      failures.push(`[${name}] PUBLISH: expected content_invalid`);
    }
  }
}
if (failures.length > 0) {
  console.error("The benchmark would measure the wrong thing:");
  for (const f of failures) console.error(`  - ${f}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------
// Timing. Sizes run one after another in the same process, so that each ratio compares figures
// taken under the same load.

const bench = new Bench({
  name: "postlife content rules",
  time: Number(process.env.BENCH_TIME_MS ?? 400),
  warmupTime: 100,
  timestampProvider: "hrtimeNow",
  throws: true,
});
const reference = new Bench({
  name: "whole-text counting",
  time: 0,
  iterations: 3,
  warmupIterations: 1,
  warmupTime: 0,
  timestampProvider: "hrtimeNow",
  throws: true,
});

const key = (fn: string, size: number) => `${fn} · ${size}`;
for (const [size, post] of drafts) {
  bench
    .add(key("PUBLISH", size), () => apply(post, publish))
    .add(key("content rules", size), () => contentViolations(post));
  if (referenceSizes.has(size)) {
    const text = post.content;
    reference.add(key("whole", size), () => wholeTextCounts(text));
  }
}

const runBench = new Bench({
  name: "long runs",
  time: Number(process.env.BENCH_TIME_MS ?? 400),
  warmupTime: 100,
  timestampProvider: "hrtimeNow",
  throws: true,
});
const runColumns = [
  "PUBLISH to Mastodon",
  "PUBLISH to all ten",
  "graphemeLength",
  "textLength mastodon",
] as const;
for (const { name, mastodon, all } of runDrafts) {
  const text = mastodon.content;
  runBench
    .add(key(runColumns[0], 0) + name, () => apply(mastodon, publish))
    .add(key(runColumns[1], 0) + name, () => apply(all, publish))
    .add(key(runColumns[2], 0) + name, () => graphemeLength(text))
    .add(key(runColumns[3], 0) + name, () => textLength(text, "mastodon"));
}

const startedAt = performance.now();
await bench.run();
await reference.run();
await runBench.run();
const seconds = (performance.now() - startedAt) / 1000;

// ---------------------------------------------------------------------------
// Report.

/** The median, in µs: on shared cores the mean also carries the time the process was descheduled. */
const p50Of = (task: Task | undefined): number => {
  const r = task?.result;
  if (r === undefined || (r.state !== "completed" && r.state !== "aborted-with-statistics")) {
    console.error(`task ${task?.name ?? "?"} did not complete: ${r?.state ?? "missing"}`);
    process.exit(1);
  }
  return r.latency.p50 * 1000;
};
const us = (n: number) =>
  n >= 1e6
    ? `${(n / 1e6).toFixed(2)} s`
    : n >= 1e3
      ? `${(n / 1e3).toFixed(n >= 1e4 ? 0 : 1)} ms`
      : `${n.toFixed(0)} µs`;
const times = (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(2));

const header = [
  "draft (characters)",
  "content rules p50",
  "vs 1,000",
  "whole-text counting p50",
  "vs content rules",
  "PUBLISH p50",
  "vs 1,000",
  "PUBLISH refused as",
];
const rows: string[][] = [];
const summary: string[] = [];
const basePublish = p50Of(bench.getTask(key("PUBLISH", 1_000)));
const baseRules = p50Of(bench.getTask(key("content rules", 1_000)));
for (const size of sizes) {
  const publishUs = p50Of(bench.getTask(key("PUBLISH", size)));
  const rulesUs = p50Of(bench.getTask(key("content rules", size)));
  const wholeUs = referenceSizes.has(size)
    ? p50Of(reference.getTask(key("whole", size)))
    : undefined;
  rows.push([
    size.toLocaleString("en-US"),
    us(rulesUs),
    `${times(rulesUs / baseRules)}x`,
    wholeUs === undefined ? "not run (about 10 s a call)" : us(wholeUs),
    wholeUs === undefined ? "" : `${times(wholeUs / rulesUs)}x`,
    us(publishUs),
    `${times(publishUs / basePublish)}x`,
    refusals.get(size) ?? "?",
  ]);
  if (size > 1_000) {
    summary.push(
      `${size.toLocaleString("en-US")} characters: the content rules cost ${times(rulesUs / baseRules)}x, PUBLISH ${times(publishUs / basePublish)}x (${refusals.get(size)}) what they cost on 1,000${wholeUs === undefined ? "" : `; whole-text counting ${times(wholeUs / rulesUs)}x the content rules`}`,
    );
  }
}

const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
const row = (cells: readonly string[]) =>
  `| ${cells.map((cell, i) => (i === 0 || i === 3 || i === 7 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(" | ")} |`;
const cpu = cpus()[0]?.model ?? "unknown cpu";
console.log(
  `postlife preflight bench · ${new Date().toISOString().slice(0, 10)} · node ${process.version} · timer ${bench.timestampProvider.name}`,
);
console.log(
  `${cpus().length} × ${cpu} · load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(
      " ",
    )} · ${bench.time} ms per task + ${bench.warmupTime} ms warmup; whole-text counting 3 calls after 1 · ${seconds.toFixed(1)} s\n`,
);
console.log(row(header));
console.log(
  `|${widths.map((w, i) => (i === 0 || i === 3 || i === 7 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`,
);
for (const r of rows) console.log(row(r));
console.log("");
for (const s of summary) console.log(`- ${s}`);

// Long runs without whitespace.
const runHeader = [`no whitespace, ${runUnits.toLocaleString("en-US")} units`, ...runColumns];
const runRows = runDrafts.map(({ name }) => [
  name,
  ...runColumns.map((column) => us(p50Of(runBench.getTask(key(column, 0) + name)))),
]);
const runWidths = runHeader.map((h, i) =>
  Math.max(h.length, ...runRows.map((r) => (r[i] ?? "").length)),
);
const runRow = (cells: readonly string[]) =>
  `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(runWidths[i] ?? 0) : cell.padStart(runWidths[i] ?? 0))).join(" | ")} |`;
console.log("");
console.log(runRow(runHeader));
console.log(
  `|${runWidths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`,
);
for (const r of runRows) console.log(runRow(r));
