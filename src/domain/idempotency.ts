/**
 * Deterministic keys. Each part is URI-encoded before joining, so that ids
 * containing ":" cannot make two different deliveries share a key.
 */
const join = (...parts: readonly (string | number)[]): string =>
  parts.map((p) => encodeURIComponent(String(p))).join(":");

/**
 * The idempotency key of a delivery: a pure function of the post, the
 * destination, the post's revision and the destination's generation. It stays
 * the same across automatic retries (the platform sees one logical publish)
 * and changes when the content is edited or a failed destination is retried
 * by hand.
 *
 * @example
 * ```ts
 * import { idempotencyKey } from "postlife";
 * idempotencyKey("post-1", "d-x", 2, 0); // "post-1:d-x:2:0"
 * ```
 * @since 0.1.0
 */
export const idempotencyKey = (
  postId: string,
  destinationId: string,
  revision: number,
  generation: number,
): string => join(postId, destinationId, revision, generation);

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
