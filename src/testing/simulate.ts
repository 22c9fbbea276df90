/**
 * `simulate`: postlife inside a service that fails the way production does,
 * thousands of times, each run a seeded scenario that replays exactly.
 */
import fc from "fast-check";
import type { PostStatus } from "../domain/status.js";
import { textOf } from "../internal/text-of.js";
import { invariants, type Violation } from "./simulation/invariants.js";
import { configOf, type SimulationOptions } from "./simulation/options.js";
import { runScenario, type ScenarioResult } from "./simulation/scenario.js";
import { shrink } from "./simulation/shrink.js";

/**
 * A broken promise `simulate` found, with what replays it: the seed and
 * fast-check path (`simulate({ seed, path, runs: 1 })`), the shrunk list of
 * choices, and the scenario's trace, step by step.
 *
 * @example
 * ```ts
 * import { simulate, type SimulationFailure } from "postlife/testing";
 * const explain = (f: SimulationFailure) =>
 *   [`${f.invariant}: ${f.message}`, `replay: ${f.replay}`, ...f.trace].join("\n");
 * const report = simulate({ runs: 50 });
 * if (!report.ok && report.failure !== undefined) console.error(explain(report.failure));
 * ```
 * @since 0.1.0
 */
export interface SimulationFailure {
  /** The promise broken, in words (one of the invariants `simulate` checks). */
  readonly invariant: string;
  /** What the world looked like when it broke. */
  readonly message: string;
  readonly seed: number;
  /** fast-check's path to the failing scenario: with `seed`, it replays it, shrunk the same way. */
  readonly path: string;
  /** The options that replay it: `simulate({ ...yourOptions, seed, path, runs: 1 })`. */
  readonly replay: string;
  /** The shrunk scenario's choices. */
  readonly choices: readonly number[];
  /** The shrunk scenario, step by step. */
  readonly trace: readonly string[];
}

/**
 * What `simulate` found: `ok` when every scenario kept every promise, with
 * figures about what was exercised; else the first failure, shrunk.
 *
 * @example
 * ```ts
 * import { simulate, type SimulationReport } from "postlife/testing";
 * const summary = (r: SimulationReport) =>
 *   `${r.runs} scenarios, ${r.steps} steps, ${r.statuses.published} posts published`;
 * summary(simulate({ runs: 20 }));
 * ```
 * @since 0.1.0
 */
export interface SimulationReport {
  readonly ok: boolean;
  readonly seed: number;
  /** Scenarios run (until the first failure, when one failed). */
  readonly runs: number;
  /** Steps taken over all scenarios. */
  readonly steps: number;
  /** How the posts ended, over all scenarios. */
  readonly statuses: { readonly [S in PostStatus]: number };
  /** Second posts the simulated platforms made by misleading the service (surfaced, never postlife's). */
  readonly platformDuplicates: number;
  /** The largest share of its liveness bound any destination used (at most 1). */
  readonly boundUsed: number;
  readonly failure?: SimulationFailure;
}

/** Choices drawn per scenario: room for a few hundred steps; past them, the plainest choices. */
const choicesArbitrary = fc.array(fc.nat(), { maxLength: 2500, size: "max" });

/**
 * Runs postlife (or your handler, `options.apply`) inside a simulated
 * service, `runs` times, and checks its promises after every step: a post is
 * never published twice unless a platform misled the service (and then the
 * duplicate is surfaced), a live post the service heard of is never left
 * failed or cancelled, the stored status is always the one the destinations
 * give, an ignored fact changes nothing, every rejection says why, and, once
 * every instruction is carried out and every deadline has passed, every post
 * is final within a bounded number of facts, with nothing left armed.
 *
 * Each scenario is a world of posts (several destinations, approvals,
 * schedules), a store with versions and conflicts, an outbox relayed at least
 * once, a queue that hands jobs out twice or loses them, workers that crash
 * between any two steps, timers that fire early, late or twice, platforms
 * that rate-limit (with a Retry-After of years, now and then), expire tokens,
 * fail, time out before and after sending and now and then answer a failure
 * for a post they made, look-ups that get lost or lag, webhooks delivered 0 to
 * 2 times out of order, late status polls, and people who edit, reschedule,
 * approve, cancel, delete and retry at any moment. Every choice comes from
 * the seed: the same seed runs the same scenarios, and a failure is shrunk by
 * fast-check to the plainest scenario that still fails, with its trace.
 *
 * Total: options it cannot use are ignored and each count is capped (see
 * `SimulationOptions`), so what it costs is what was asked for; a handler's
 * throw, or an answer that is not a Decision, is a broken promise; a
 * scenario that throws all the same (a handler's answer the service cannot
 * read) is a failure with no trace, never an `ok`.
 *
 * @example
 * ```ts
 * import { apply } from "postlife";
 * import { simulate } from "postlife/testing";
 * // Your service's decision: postlife's, with your own checks around it.
 * const report = simulate({ seed: 42, runs: 100, apply: (post, event) => apply(post, event) });
 * if (!report.ok) throw new Error(`${report.failure?.invariant}\n${report.failure?.trace.join("\n")}`);
 * ```
 * @since 0.1.0
 */
export const simulate = (options: SimulationOptions = {}): SimulationReport => {
  const config = configOf(options);
  const statuses: Record<PostStatus, number> = {
    draft: 0,
    pending_approval: 0,
    scheduled: 0,
    queued: 0,
    publishing: 0,
    published: 0,
    partially_published: 0,
    failed: 0,
    cancelled: 0,
    deleted: 0,
  };
  let runs = 0;
  let steps = 0;
  let platformDuplicates = 0;
  let boundUsed = 0;
  let failing: { values: readonly number[]; result: ScenarioResult } | undefined;
  const property = fc.property(choicesArbitrary, (values) => {
    const result = runScenario(values, config);
    runs++;
    steps += result.steps;
    platformDuplicates += result.platformDuplicates;
    boundUsed = Math.max(boundUsed, result.boundUsed);
    for (const status of result.statuses) statuses[status]++;
    if (result.violation !== undefined) {
      failing = { values, result };
      return false;
    }
    return true;
  });
  // fast-check draws the scenarios; the choices of a failing one are shrunk below, by the
  // simulation's own measure (the same promise broken), within a budget of runs.
  const details = fc.check(property, {
    seed: config.seed,
    numRuns: config.runs,
    endOnFailure: true,
    ...(config.path === undefined ? {} : { path: config.path }),
  });
  const report = { seed: config.seed, runs, steps, statuses, platformDuplicates, boundUsed };
  if (failing === undefined && details.failed) {
    // A scenario threw (fast-check caught it): nothing to shrink or replay, but never an ok.
    const path = details.counterexamplePath ?? "";
    const error: unknown = details.errorInstance;
    return {
      ok: false,
      ...report,
      failure: {
        invariant: invariants.runs,
        message: textOf(error instanceof Error ? error.message : error),
        seed: details.seed,
        path,
        replay: `simulate({ seed: ${details.seed}, path: ${JSON.stringify(path)}, runs: 1 })`,
        choices: details.counterexample?.[0] ?? [],
        trace: [],
      },
    };
  }
  if (failing === undefined) return { ok: true, ...report };
  const shrunk = shrink(failing.values, config, failing.result);
  const replayed = runScenario(shrunk.values, config, true);
  const violation = replayed.violation ?? (failing.result.violation as Violation);
  const path = details.counterexamplePath ?? "";
  return {
    ok: false,
    ...report,
    failure: {
      ...violation,
      seed: details.seed,
      path,
      replay: `simulate({ seed: ${details.seed}, path: ${JSON.stringify(path)}, runs: 1 })`,
      choices: shrunk.values,
      trace: replayed.trace,
    },
  };
};
