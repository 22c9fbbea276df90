import type { Decision } from "../../domain/decision.js";
import type { PostEvent } from "../../domain/event.js";
import type { Post } from "../../domain/post.js";
import { defaultRetryPolicy, type RetryPolicy } from "../../errors/retry-policy.js";
import { apply } from "../../post/apply.js";
import { isRecord } from "../internal/shape.js";

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
 * An option that is not usable is ignored (its default applies), and each
 * count is capped at the most it may ask for, named on its field: a scenario
 * stays a few thousand steps, and options read from a corrupted config cost
 * what the defaults cost. A value that is not an options object at all
 * (`null`, a string) is no options: `simulate()`'s thousand scenarios.
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
  /** How many scenarios to run. Default 1000, at most 1,000,000. */
  readonly runs?: number;
  /** Posts per scenario, fewest and most. Default [1, 3], at most 10. */
  readonly posts?: readonly [number, number];
  /** Destinations per post, fewest and most. Default [1, 5], at most 20. */
  readonly destinations?: readonly [number, number];
  /** Steps a scenario may take before it counts as stuck. Default 20000, from 100 to 100,000. */
  readonly maxSteps?: number;
  /**
   * The share of destinations on platforms with threads (X, Threads,
   * Bluesky, Mastodon) that post a thread of one to three replies, from 0
   * to 1. Default 0.3.
   */
  readonly threads?: number;
  /**
   * The share of posts that carry a video, processed by the platforms that
   * process media in a step of their own (Instagram's and Threads'
   * containers, TikTok's uploads), from 0 to 1. Default 0.3.
   */
  readonly media?: number;
  /**
   * Faults to inject, each a probability from 0 to 1 (a number beyond is
   * taken as 0 or 1); those not named, or not numbers, keep
   * `defaultSimulationFaults`.
   */
  readonly faults?: Partial<SimulationFaults>;
  /**
   * Retry policy fields every post gets, each a whole number of at least 1
   * (`callTimeoutMsByPlatform`: an object of them); others are drawn per
   * post (small, to reach every limit).
   */
  readonly retry?: Partial<RetryPolicy>;
  /** The decision under test. Default: postlife's `apply`. */
  readonly apply?: (post: Post, event: PostEvent) => Decision;
  /**
   * A fast-check path to replay one failing scenario (from a report's
   * `path`): the number of the failing run, at most 1,000,000. `simulate`
   * shrinks on its own, so its paths never hold fast-check's shrink steps
   * (`3:0:1`); such a path, which fast-check would walk without end when it
   * leads to no failure, is ignored.
   */
  readonly path?: string;
  /** How many scenarios shrinking a failure may run. Default 500, at most 10,000. */
  readonly shrinks?: number;
}

/** The options with every default filled in. */
export interface SimulationConfig {
  readonly seed: number;
  readonly runs: number;
  readonly posts: readonly [number, number];
  readonly destinations: readonly [number, number];
  readonly maxSteps: number;
  readonly threads: number;
  readonly media: number;
  readonly faults: SimulationFaults;
  readonly retry: Partial<RetryPolicy>;
  readonly apply: (post: Post, event: PostEvent) => Decision;
  readonly path: string | undefined;
  readonly shrinks: number;
}

/**
 * The most each option may ask for. Steps grow with posts times
 * destinations: 10 posts of 20 destinations take about 2,500 steps a
 * scenario (0.4 s), well within the default `maxSteps`; 20 of 20 took 5,000
 * (1.7 s), so a junk config could ask for minutes.
 */
export const simulationLimits = {
  runs: 1_000_000,
  posts: 10,
  destinations: 20,
  maxSteps: 100_000,
  shrinks: 10_000,
  path: 1_000_000,
} as const;

/** A whole number from `min` to `max` (a larger one is `max`), or `fallback`. */
const whole = (value: unknown, fallback: number, min: number, max: number): number =>
  typeof value === "number" && Number.isInteger(value) && value >= min
    ? Math.min(value, max)
    : fallback;

const range = (
  value: unknown,
  fallback: readonly [number, number],
  max: number,
): readonly [number, number] => {
  if (!Array.isArray(value)) return fallback;
  const low = whole(value[0], fallback[0], 1, max);
  return [low, Math.max(low, whole(value[1], fallback[1], 1, max))];
};

/** A probability: a number clamped to [0, 1], or the default. */
const probability = (value: unknown, fallback: number): number =>
  typeof value === "number" && !Number.isNaN(value) ? Math.min(1, Math.max(0, value)) : fallback;

const faultsOf = (value: unknown): SimulationFaults => {
  const given = isRecord(value) ? value : {};
  return Object.fromEntries(
    Object.entries(defaultSimulationFaults).map(([name, fallback]) => [
      name,
      probability(given[name], fallback),
    ]),
  ) as unknown as SimulationFaults;
};

const isCount = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 1;

/** The retry fields that can work: known, and whole numbers of at least 1. */
const retryOf = (value: unknown): Partial<RetryPolicy> => {
  if (!isRecord(value)) return {};
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(defaultRetryPolicy)) {
    const field = value[key];
    if (key === "callTimeoutMsByPlatform") {
      if (isRecord(field)) {
        kept[key] = Object.fromEntries(Object.entries(field).filter(([, ms]) => isCount(ms)));
      }
    } else if (isCount(field)) {
      kept[key] = field;
    }
  }
  return kept as Partial<RetryPolicy>;
};

/** A path `simulate` gave: the number of a run, within the limit. */
const pathOf = (value: unknown): string | undefined =>
  typeof value === "string" && /^\d{1,7}$/.test(value) && Number(value) <= simulationLimits.path
    ? value
    : undefined;

/**
 * Fills in what the options leave out, ignores what is not usable and caps
 * what asks for more than `simulationLimits`. A value that is not an options
 * object is no options.
 */
export const configOf = (options: unknown = {}): SimulationConfig => {
  const given: Readonly<Record<string, unknown>> = isRecord(options) ? options : {};
  return {
    seed: whole(given.seed, 1, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) | 0,
    runs: whole(given.runs, 1000, 1, simulationLimits.runs),
    posts: range(given.posts, [1, 3], simulationLimits.posts),
    destinations: range(given.destinations, [1, 5], simulationLimits.destinations),
    maxSteps: whole(given.maxSteps, 20_000, 100, simulationLimits.maxSteps),
    threads: probability(given.threads, 0.3),
    media: probability(given.media, 0.3),
    faults: faultsOf(given.faults),
    retry: retryOf(given.retry),
    apply:
      typeof given.apply === "function"
        ? (given.apply as (post: Post, event: PostEvent) => Decision)
        : apply,
    path: pathOf(given.path),
    shrinks: whole(given.shrinks, 500, 0, simulationLimits.shrinks),
  };
};
