import type { Instruction } from "./instruction.js";
import type { Post } from "./post.js";
import type { PostStatus } from "./status.js";

/**
 * Why a command or fact was refused, one word each, with the sentence a person
 * reads. The words are stable: services branch on them, tests assert them.
 *
 * @example
 * ```ts
 * import { rejectionReasons } from "postlife";
 * rejectionReasons.too_early; // "The event came before the time it waits for"
 * ```
 * @since 0.1.0
 */
export const rejectionReasons = {
  malformed_event: "The event is not well formed",
  invalid_post: "The post value is not one postlife produced",
  not_allowed_in_status: "The post's status does not take this event",
  field_not_editable: "A field was changed that may not change",
  schedule_in_past: "The planned time is not after now",
  no_destinations: "The post has no destination",
  unknown_destination: "The post has no destination with that id",
  duplicate_destination: "Two destinations share an id",
  content_invalid: "The content breaks a platform's rules",
  approval_required: "The post must be approved first",
  too_early: "The event came before the time it waits for",
  nothing_to_cancel: "No destination is waiting to be delivered",
  nothing_to_retry: "No destination has failed",
  delivery_under_way: "A destination is published, or may be",
  outcome_unknown: "The platform may have the post: look it up before sending it again",
} as const;

/**
 * One of `rejectionReasons`' keys.
 *
 * @example
 * ```ts
 * import type { RejectionReason } from "postlife";
 * const reason: RejectionReason = "schedule_in_past";
 * ```
 * @since 0.1.0
 */
export type RejectionReason = keyof typeof rejectionReasons;

/**
 * One broken content rule, for one destination (or the post as a whole).
 *
 * @example
 * ```ts
 * import type { Violation } from "postlife";
 * const tooLong: Violation = {
 *   destinationId: "d-x", platform: "x", rule: "text_length",
 *   message: "X allows 280 weighted characters; this text has 301",
 *   limit: 280, actual: 301, code: "INVALID_CONTENT",
 * };
 * ```
 * @since 0.1.0
 */
export interface Violation {
  readonly destinationId?: string;
  readonly platform?: string;
  readonly rule: string;
  readonly message: string;
  readonly limit?: number;
  readonly actual?: number;
  /** Where in the destination, when not the text itself: `media[1]`, `thread[0]`. */
  readonly path?: string;
  /** The seed-001 code the platform would have answered with. */
  readonly code: "INVALID_CONTENT" | "CONTENT_TOO_LARGE";
}

/**
 * Why `apply` refused an event. The post it was given is untouched.
 *
 * @example
 * ```ts
 * import { apply, createPost } from "postlife";
 * const post = createPost({ id: "p", content: "hi", destinations: [] });
 * const decision = apply(post, { type: "PUBLISH", now: "2026-04-20T14:00:00Z" });
 * if (!decision.ok) decision.rejection.reason; // "no_destinations"
 * ```
 * @since 0.1.0
 */
export interface Rejection {
  readonly reason: RejectionReason;
  readonly message: string;
  /** The post's status when the event arrived ("unknown" when the post was not a post). */
  readonly status: PostStatus | "unknown";
  /** The event's type, or "unknown" when it had none. */
  readonly eventType: string;
  /** Where in the event (or post) the problem is, e.g. `changes.destinations[1].platform`. */
  readonly path?: string;
  readonly destinationId?: string;
  /** For `too_early`: the instant from which the event is accepted. */
  readonly acceptedFrom?: string;
  /** For `content_invalid`: every rule broken, per destination. */
  readonly violations?: readonly Violation[];
}

/**
 * An event `apply` took. `ignored` is set when it was a duplicate of a fact
 * already recorded, or a stale one the post can no longer take: the post is
 * then the same object and the outbox empty.
 *
 * @example
 * ```ts
 * import type { Accepted } from "postlife";
 * const handle = (d: Accepted) => (d.ignored ? `skipped: ${d.message}` : d.outbox.length);
 * ```
 * @since 0.1.0
 */
export interface Accepted {
  readonly ok: true;
  readonly post: Post;
  readonly outbox: readonly Instruction[];
  readonly ignored?: "duplicate" | "stale";
  /** Why the event was ignored. */
  readonly message?: string;
}

/**
 * An event `apply` refused.
 *
 * @example
 * ```ts
 * import type { Rejected } from "postlife";
 * const explain = (d: Rejected) => `${d.rejection.reason}: ${d.rejection.message}`;
 * ```
 * @since 0.1.0
 */
export interface Rejected {
  readonly ok: false;
  readonly rejection: Rejection;
}

/**
 * What `apply` returns.
 *
 * @example
 * ```ts
 * import { apply, createPost } from "postlife";
 * const post = createPost({ id: "p", content: "hi", destinations: [{ id: "d", platform: "x", accountId: "a" }] });
 * const decision = apply(post, { type: "PUBLISH", now: "2026-04-20T14:00:00Z" });
 * if (decision.ok) decision.outbox; // [{ type: "enqueue_delivery", ... }]
 * ```
 * @since 0.1.0
 */
export type Decision = Accepted | Rejected;
