import type { Instruction } from "./instruction.js";
import type { Post } from "./post.js";
import type { PostStatus } from "./status.js";

/**
 * Why a command or fact was refused, one stable word each: services branch on
 * them (`switch (rejection.reason)` narrows the rejection), tests assert them.
 * The sentence a person reads is the rejection's `message`.
 *
 * @example
 * ```ts
 * import { rejectionReasons } from "postlife";
 * rejectionReasons.includes("too_early"); // true
 * ```
 * @since 0.1.0
 */
export const rejectionReasons = [
  "invalid_input",
  "malformed_event",
  "invalid_post",
  "not_allowed_in_status",
  "field_not_editable",
  "schedule_in_past",
  "no_destinations",
  "unknown_destination",
  "duplicate_destination",
  "content_invalid",
  "approval_required",
  "too_early",
  "nothing_to_cancel",
  "nothing_to_retry",
  "delivery_under_way",
  "outcome_unknown",
] as const;

/**
 * One of `rejectionReasons`.
 *
 * @example
 * ```ts
 * import type { RejectionReason } from "postlife";
 * const reason: RejectionReason = "schedule_in_past";
 * ```
 * @since 0.1.0
 */
export type RejectionReason = (typeof rejectionReasons)[number];

/** What each reason means, for the glossary in the docs. */
export const reasonMeanings: { readonly [R in RejectionReason]: string } = {
  invalid_input: "What the caller gave `createPost` cannot make a post",
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
};

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
  /** The PostPost error code the platform would have answered with. */
  readonly code: "INVALID_CONTENT" | "CONTENT_TOO_LARGE";
}

/**
 * What every rejection says, whatever its reason.
 *
 * @example
 * ```ts
 * import type { RejectionBase } from "postlife";
 * const line = (r: RejectionBase<string>) => `${r.eventType} refused in ${r.status}: ${r.message}`;
 * ```
 * @since 0.1.0
 */
export interface RejectionBase<R extends string> {
  readonly reason: R;
  readonly message: string;
  /**
   * The post's status when the event arrived ("unknown" when the post was not
   * a post, or did not exist yet: `createPost`).
   */
  readonly status: PostStatus | "unknown";
  /** The event's type ("unknown" when it had none; "createPost" for `createPost`). */
  readonly eventType: string;
  /** Where in the event, post or input the problem is, e.g. `changes.destinations[1].platform`. */
  readonly path?: string;
  readonly destinationId?: string;
}

/**
 * The reasons whose rejection carries nothing beyond the common fields (all
 * but `too_early` and `content_invalid`).
 *
 * @example
 * ```ts
 * import type { PlainReason } from "postlife";
 * const reason: PlainReason = "not_allowed_in_status";
 * ```
 * @since 0.1.0
 */
export type PlainReason = Exclude<RejectionReason, keyof RejectionDetails>;

/**
 * The fields a rejection carries beyond the common ones, per reason.
 *
 * @example
 * ```ts
 * import type { RejectionDetails } from "postlife";
 * const from: RejectionDetails["too_early"]["acceptedFrom"] = "2026-04-20T14:00:00.000Z";
 * ```
 * @since 0.1.0
 */
export interface RejectionDetails {
  /** The instant from which the event is accepted. */
  readonly too_early: { readonly acceptedFrom: string };
  /** Every rule broken, per destination. */
  readonly content_invalid: { readonly violations: readonly Violation[] };
}

/**
 * Why `apply` (or `createPost`) refused: one member per reason, so that
 * `switch (rejection.reason)` narrows to the fields that reason carries
 * (`acceptedFrom` on `too_early`, `violations` on `content_invalid`). The
 * post it was given is untouched.
 *
 * @example
 * ```ts
 * import { apply, createPost, type Rejection } from "postlife";
 * const explain = (r: Rejection): string => {
 *   switch (r.reason) {
 *     case "too_early":
 *       return `try again at ${r.acceptedFrom}`;
 *     case "content_invalid":
 *       return r.violations.map((v) => v.message).join("; ");
 *     default:
 *       return r.message;
 *   }
 * };
 * const created = createPost({ id: "p", content: "hi", destinations: [] });
 * if (created.ok) {
 *   const decision = apply(created.post, { type: "PUBLISH", now: "2026-04-20T14:00:00Z" });
 *   if (!decision.ok) explain(decision.rejection); // "add at least one destination ..."
 * }
 * ```
 * @since 0.1.0
 */
export type Rejection = {
  readonly [R in RejectionReason]: RejectionBase<R> &
    (R extends keyof RejectionDetails ? RejectionDetails[R] : unknown);
}[RejectionReason];

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
 * const created = createPost({ id: "p", content: "hi", destinations: [{ id: "d", platform: "x", accountId: "a" }] });
 * if (!created.ok) throw new Error(created.rejection.message);
 * const decision = apply(created.post, { type: "PUBLISH", now: "2026-04-20T14:00:00Z" });
 * if (decision.ok) decision.outbox; // [{ type: "enqueue_delivery", ... }]
 * ```
 * @since 0.1.0
 */
export type Decision = Accepted | Rejected;
