import { textOf } from "../internal/text-of.js";

/**
 * Deterministic keys. Each part is URI-encoded before joining, so that ids
 * containing ":" cannot make two different deliveries share a key. Any value
 * gives a key (`textOf`): the ids postlife takes are well-formed, non-empty
 * strings, judged where they come in.
 */
const join = (...parts: readonly unknown[]): string =>
  parts.map((p) => encodeURIComponent(textOf(p))).join(":");

/**
 * The idempotency key of a delivery: a pure function of the post, the
 * destination, the post's revision and the destination's generation. It stays
 * the same across automatic retries (the platform sees one logical publish)
 * and changes when the content is edited or a failed destination is retried
 * by hand. The caller's own key (`Post.idempotencyKey`), when it gave one,
 * is its last part: a new one guarantees a new delivery.
 *
 * @example
 * ```ts
 * import { idempotencyKey } from "postlife";
 * idempotencyKey("post-1", "d-x", 2, 0); // "post-1:d-x:2:0"
 * idempotencyKey("post-1", "d-x", 2, 0, "launch-v2"); // "post-1:d-x:2:0:launch-v2"
 * ```
 * @since 0.1.0
 */
export const idempotencyKey = (
  postId: string,
  destinationId: string,
  revision: number,
  generation: number,
  callerKey?: string,
): string =>
  callerKey === undefined
    ? join(postId, destinationId, revision, generation)
    : join(postId, destinationId, revision, generation, callerKey);

/**
 * The idempotency key of item `item` of a thread delivered under `key`: item
 * 0 (the first post) has the delivery's key itself, each reply the key and
 * `:item:` and its number. A caller's key part never holds a `:` (every
 * part is URI-encoded), so the suffix is unambiguous.
 *
 * @example
 * ```ts
 * import { itemKey } from "postlife";
 * itemKey("post-1:d-x:1:0", 0); // "post-1:d-x:1:0"
 * itemKey("post-1:d-x:1:0", 3); // "post-1:d-x:1:0:item:3"
 * ```
 * @since 0.2.0
 */
export const itemKey = (key: string, item: number): string =>
  item === 0 ? textOf(key) : `${textOf(key)}:item:${textOf(item)}`;

/** The delivery key and the item an item's key names (`itemKey` read backwards). */
export const keyItem = (key: string): { readonly key: string; readonly item: number } => {
  const match = /:item:([1-9]\d{0,8})$/.exec(key);
  return match === null
    ? { key, item: 0 }
    : { key: key.slice(0, match.index), item: Number(match[1]) };
};

/**
 * The key of the job armed to fire DUE for one revision of a scheduled post.
 *
 * @example
 * ```ts
 * import { scheduleJobKey } from "postlife";
 * scheduleJobKey("post-1", 3); // "post-1:due:3"
 * ```
 * @since 0.1.0
 */
export const scheduleJobKey = (postId: string, revision: number): string =>
  join(postId, "due", revision);

/**
 * The generation a key names and what follows it (`""`, or `:` and the
 * caller's key), when it has the form of a key postlife gives this
 * destination at this revision (`idempotencyKey(postId, destinationId,
 * revision, generation, callerKey?)`); `undefined` for any other key.
 */
export const keyParts = (
  key: string,
  postId: string,
  destinationId: string,
  revision: number,
): { readonly generation: number; readonly callerPart: string } | undefined => {
  const prefix = `${join(postId, destinationId, revision)}:`;
  if (!key.startsWith(prefix)) return undefined;
  const match = /^(0|[1-9]\d{0,15})((?::.*)?)$/s.exec(key.slice(prefix.length));
  return match === null
    ? undefined
    : { generation: Number(match[1]), callerPart: match[2] as string };
};

/**
 * The wait a deadline stands for: a worker to `start` a queued delivery, a
 * started attempt's `report`, or a look-up's answer (`lookup`).
 *
 * @example
 * ```ts
 * import { deadlineJobKey, type Wait } from "postlife";
 * const wait: Wait = "lookup";
 * deadlineJobKey("post-1:d-x:0:0", wait, 1, 2); // "post-1:d-x:0:0:lookup:1:2"
 * ```
 * @since 0.1.0
 */
export type Wait = "start" | "report" | "lookup" | "media";

/**
 * The job key of one deadline: the delivery's idempotency key, the wait, the
 * attempt it is about and which deadline of that wait it is (the hand-out or
 * the look-up number). Unique per deadline armed, so a timer that fires after
 * its wait is over never matches the deadline armed since.
 *
 * @example
 * ```ts
 * import { deadlineJobKey } from "postlife";
 * deadlineJobKey("post-1:d-x:0:0", "report", 1, 1); // "post-1:d-x:0:0:report:1:1"
 * ```
 * @since 0.1.0
 */
export const deadlineJobKey = (key: string, wait: Wait, attempt: number, count: number): string =>
  `${textOf(key)}:${textOf(wait)}:${textOf(attempt)}:${textOf(count)}`;
