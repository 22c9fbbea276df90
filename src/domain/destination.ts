import type { PublishError } from "../errors/publish-error.js";
import type { FoundPost } from "./event.js";
import type { DestinationStatus } from "./status.js";
import type { ThreadItem } from "./thread.js";

/**
 * One platform account a post goes to, and how delivery to it stands.
 *
 * `platform`, `accountId` and `postType` never change once the destination
 * exists: to post elsewhere, remove it and add another. The delivery fields
 * (`idempotencyKey`, `startedAt`, `deadlineAt`, `handOuts`, `lookups`,
 * `nextRetryAt`, `error`, `platformPostId`, `platformUrl`, `publishedAt`,
 * `duplicates`) are present only while they apply.
 *
 * @example
 * ```ts
 * import type { Destination } from "postlife";
 * const x: Destination = {
 *   id: "d-x", platform: "x", accountId: "acct-1", postType: "post",
 *   status: "published", attempts: 1, generation: 0,
 *   idempotencyKey: "post-1:d-x:1:0", platformPostId: "1780123456789012345",
 *   publishedAt: "2026-04-15T14:30:03.000Z",
 * };
 * ```
 * @since 0.1.0
 */
export interface Destination {
  readonly id: string;
  readonly platform: string;
  readonly accountId: string;
  readonly postType: string;
  /** This destination's own text, sent instead of the post's content. */
  readonly content?: string;
  /** Replies posted under the first one, in order, where the platform has threads. */
  readonly thread?: readonly string[];
  readonly status: DestinationStatus;
  /**
   * A thread's items (the first post, then each reply), from when it is
   * handed to delivery: each with its own status, key and platform post.
   * Delivery works on the first item not yet published; the destination's
   * `idempotencyKey`, `attempts` and `error` are that item's, and its
   * `platformPostId`, `platformUrl` and `publishedAt` the first item's.
   */
  readonly items?: readonly ThreadItem[];
  /**
   * Attempts made in this generation (counted on DELIVERY_STARTED, or on a
   * report of an attempt never seen to start): what the retry policy's
   * budget counts. `attemptsMade` counts them all.
   */
  readonly attempts: number;
  /**
   * Attempts made before this generation (before the latest manual retry)
   * and, in a thread, for the items before the one being delivered.
   */
  readonly attemptsBefore?: number;
  /** Manual retries so far; part of the idempotency key. */
  readonly generation: number;
  readonly idempotencyKey?: string;
  /**
   * When the latest attempt started (its DELIVERY_STARTED): a failure that
   * happened before it is about an earlier attempt, not this one.
   */
  readonly startedAt?: string;
  /**
   * While queued, publishing or unconfirmed: when the deadline armed for
   * that wait passes (`arm_deadline`; `DEADLINE_PASSED` is taken from then).
   */
  readonly deadlineAt?: string;
  /** While queued: how many times the next attempt has been handed to delivery. */
  readonly handOuts?: number;
  /** While unconfirmed: how many look-ups have been asked for the attempt in doubt. */
  readonly lookups?: number;
  /**
   * The platform's media container or upload being processed (Instagram's
   * container id, TikTok's publish_id): kept while media is processed and,
   * for a container that is ready, until it is published.
   */
  readonly containerId?: string;
  /** While processing media: how many polls have been asked. */
  readonly polls?: number;
  readonly nextRetryAt?: string;
  readonly error?: PublishError;
  readonly platformPostId?: string;
  readonly platformUrl?: string;
  readonly publishedAt?: string;
  /**
   * Other live posts the platform reported for this destination after it
   * was published: the post went out more than once (`report_duplicate`).
   */
  readonly duplicates?: readonly FoundPost[];
}

/**
 * A destination as a caller names it: where to post and, optionally, what
 * post type and text to use there.
 *
 * @example
 * ```ts
 * import type { DestinationInput } from "postlife";
 * const threads: DestinationInput = { id: "d-threads", platform: "threads", accountId: "1784141" };
 * ```
 * @since 0.1.0
 */
export interface DestinationInput {
  readonly id: string;
  readonly platform: string;
  readonly accountId: string;
  readonly postType?: string;
  readonly content?: string;
  /** Replies posted under the first one, where the platform has threads (X, Threads, Bluesky, Mastodon). */
  readonly thread?: readonly string[];
}

/** The post type a destination gets when none is named. */
export const defaultPostType = "post";

/**
 * How many publish attempts a destination has made in all, across manual
 * retries: what the results API calls `attempts` ("the number of publish
 * attempts made"). The retry policy's budget counts `attempts`, per
 * generation.
 *
 * @example
 * ```ts
 * import { attemptsMade, type Destination } from "postlife";
 * const retriedByHand: Destination = {
 *   id: "d-x", platform: "x", accountId: "acct-1", postType: "post",
 *   status: "publishing", attempts: 1, attemptsBefore: 3, generation: 1,
 * };
 * attemptsMade(retriedByHand); // 4
 * ```
 * @since 0.1.0
 */
export const attemptsMade = (destination: Destination): number => {
  const { attempts, attemptsBefore } = destination ?? {};
  const count = (n: unknown) => (Number.isSafeInteger(n) && (n as number) > 0 ? (n as number) : 0);
  return count(attemptsBefore) + count(attempts);
};
