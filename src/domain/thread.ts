/**
 * A thread (X, Threads, Bluesky, Mastodon) is delivered item by item: the
 * first post is item 0, each reply the next, each posted under the one
 * before it. Every item has its own status, idempotency key and platform
 * post, so a thread that breaks at reply 4 resumes at reply 4, under reply 3,
 * and never posts replies 1 to 3 again.
 *
 * @since 0.2.0
 */

import type { Destination } from "./destination.js";

/**
 * Some item of the thread is live, the first at least: the destination is
 * never "nothing published", whatever became of the rest.
 */
export const partlyPosted = (d: Destination): boolean => d.items?.[0]?.status === "published";

/**
 * Every status an item of a thread can be in: `pending` until delivery
 * reaches it; the item being delivered has its destination's delivery
 * status; the items before it are `published`.
 *
 * @example
 * ```ts
 * import { threadItemStatuses } from "postlife";
 * threadItemStatuses.includes("pending"); // true
 * ```
 * @since 0.2.0
 */
export const threadItemStatuses = [
  "pending",
  "queued",
  "publishing",
  "processing_media",
  "retrying",
  "unconfirmed",
  "published",
  "failed",
  "cancelled",
] as const;

/**
 * The status of one item of a thread.
 *
 * @example
 * ```ts
 * import type { ThreadItemStatus } from "postlife";
 * const notYet: ThreadItemStatus = "pending";
 * ```
 * @since 0.2.0
 */
export type ThreadItemStatus = (typeof threadItemStatuses)[number];

/**
 * One item of a thread as delivery left it. `idempotencyKey` is set once
 * delivery reaches the item (its own key, which the platform call carries);
 * `platformPostId`, `platformUrl` and `publishedAt` once it is live.
 *
 * @example
 * ```ts
 * import type { ThreadItem } from "postlife";
 * const head: ThreadItem = {
 *   status: "published",
 *   idempotencyKey: "post-1:d-x:1:0",
 *   platformPostId: "1780123456789012345",
 *   publishedAt: "2026-04-20T14:00:03.000Z",
 * };
 * const reply: ThreadItem = { status: "retrying", idempotencyKey: "post-1:d-x:1:0:item:1" };
 * ```
 * @since 0.2.0
 */
export interface ThreadItem {
  readonly status: ThreadItemStatus;
  readonly idempotencyKey?: string;
  readonly platformPostId?: string;
  readonly platformUrl?: string;
  readonly publishedAt?: string;
}
