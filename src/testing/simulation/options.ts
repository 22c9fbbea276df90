import type { Decision } from "../../domain/decision.js";
import type { PostEvent } from "../../domain/event.js";
import type { Post } from "../../domain/post.js";
import type { RetryPolicy } from "../../errors/retry-policy.js";
import { apply } from "../../post/apply.js";

/**
 * What can go wrong around postlife, each as the probability that it happens
 * when it can (0 turns it off). Time itself is always unruly: timers fire late
 * by any amount, and everything interleaves.
 *
 * @example
 * ```ts
 * import type { SimulationFaults } from "postlife/testing";
 * // A platform that never lies and a queue that never loses a job.
 * const honest: Partial<SimulationFaults> = { platformLies: 0, lookupLags: 0, jobLost: 0 };
 * ```
 * @since 0.1.0
 */
export interface SimulationFaults {
  /** The outbox relay carries a row out and crashes before marking it done: it runs again. */
  readonly relayRepeats: number;
  /** The queue hands a job to a second worker while the first still holds it. */
  readonly jobHandedTwice: number;
  /** The queue loses a job it was given (only a deadline notices). */
  readonly jobLost: number;
  /** A worker crashes between two of its steps; its job returns when its lease expires. */
  readonly workerCrash: number;
  /** A timer fires before its time. */
  readonly timerEarly: number;
  /** A timer fires, and fires again later. */
  readonly timerTwice: number;
  /** A platform call fails: a 429 (with Retry-After, now and then of years), 401, 5xx, a timeout. */
  readonly platformFails: number;
  /** The platform answers a failure (500) for a post it did create. */
  readonly platformLies: number;
  /** A look-up never answers. */
  readonly lookupLost: number;
  /** A look-up answers "not found" for a post made in the last minutes (eventual consistency). */
  readonly lookupLags: number;
  /** A vendor's status poll that saw "publishing" is delivered late, naming no attempt. */
  readonly latePolls: number;
  /** Each platform webhook is delivered 0, 1 or 2 times; this is the chance of each extra one. */
  readonly webhookCopies: number;
  /** At each step of the active phase, a person acts on some post. */
  readonly peopleAct: number;
}

/**
 * The faults `simulate` injects unless told otherwise.
 *
 * @example
 * ```ts
 * import { defaultSimulationFaults } from "postlife/testing";
 * defaultSimulationFaults.workerCrash; // 0.05
 * ```
 * @since 0.1.0
 */
export const defaultSimulationFaults: SimulationFaults = {
  relayRepeats: 0.1,
  jobHandedTwice: 0.05,
  jobLost: 0.03,
  workerCrash: 0.05,
  timerEarly: 0.05,
  timerTwice: 0.05,
  platformFails: 0.35,
  platformLies: 0.03,
  lookupLost: 0.15,
  lookupLags: 0.15,
  latePolls: 0.2,
  webhookCopies: 0.5,
  peopleAct: 0.15,
};

/**
 * What `simulate` runs: how many scenarios, from which seed, how large, with
 * which faults, and which handler decides each event (postlife's `apply` by
 * default; give your service's own wrapper to prove it keeps the promises).
 *
 * @example
 * ```ts
 * import { apply } from "postlife";
 * import { simulate, type SimulationOptions } from "postlife/testing";
 * const options: SimulationOptions = {
 *   seed: 7,
 *   runs: 200,
 *   destinations: [5, 20],
 *   faults: { platformLies: 0 },
 *   apply: (post, event) => apply(post, event), // your handler's decision
 * };
 * simulate(options).ok; // true
 * ```
 * @since 0.1.0
 */
export interface SimulationOptions {
  /** The seed of the first scenario; the same seed runs the same scenarios. Default 1. */
  readonly seed?: number;
  /** How many scenarios to run. Default 1000. */
  readonly runs?: number;
  /** Posts per scenario, fewest and most. Default [1, 3]. */
  readonly posts?: readonly [number, number];
  /** Destinations per post, fewest and most. Default [1, 5]. */
  readonly destinations?: readonly [number, number];
  /** Steps a scenario may take before it counts as stuck. Default 20000. */
  readonly maxSteps?: number;
  /** Faults to inject, each a probability; those not named keep `defaultSimulationFaults`. */
  readonly faults?: Partial<SimulationFaults>;
  /** Retry policy fields every post gets; others are drawn per post (small, to reach every limit). */
  readonly retry?: Partial<RetryPolicy>;
  /** The decision under test. Default: postlife's `apply`. */
  readonly apply?: (post: Post, event: PostEvent) => Decision;
  /** A fast-check path to replay one failing scenario (from a report's `path`). */
  readonly path?: string;
  /** How many scenarios shrinking a failure may run. Default 500. */
  readonly shrinks?: number;
}

/** The options with every default filled in. */
export interface SimulationConfig {
  readonly seed: number;
  readonly runs: number;
  readonly posts: readonly [number, number];
  readonly destinations: readonly [number, number];
  readonly maxSteps: number;
  readonly faults: SimulationFaults;
  readonly retry: Partial<RetryPolicy>;
  readonly apply: (post: Post, event: PostEvent) => Decision;
  readonly path: string | undefined;
  readonly shrinks: number;
}

const whole = (value: unknown, fallback: number, min: number): number =>
  typeof value === "number" && Number.isInteger(value) && value >= min ? value : fallback;

const range = (
  value: readonly [number, number] | undefined,
  fallback: readonly [number, number],
): readonly [number, number] => {
  if (!Array.isArray(value)) return fallback;
  const low = whole(value[0], fallback[0], 1);
  return [low, Math.max(low, whole(value[1], fallback[1], 1))];
};

/** Fills in what the options leave out, and ignores what is not usable. */
export const configOf = (options: SimulationOptions = {}): SimulationConfig => ({
  seed: whole(options.seed, 1, Number.MIN_SAFE_INTEGER) | 0,
  runs: whole(options.runs, 1000, 1),
  posts: range(options.posts, [1, 3]),
  destinations: range(options.destinations, [1, 5]),
  maxSteps: whole(options.maxSteps, 20_000, 100),
  faults: { ...defaultSimulationFaults, ...options.faults },
  retry: options.retry ?? {},
  apply: typeof options.apply === "function" ? options.apply : apply,
  path: typeof options.path === "string" ? options.path : undefined,
  shrinks: whole(options.shrinks, 500, 0),
});
