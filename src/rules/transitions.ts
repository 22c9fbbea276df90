import { cells as destinationCells } from "../../spec/transitions.destination.json";
import { cells as postCells } from "../../spec/transitions.post.json";
import type { RejectionReason } from "../domain/decision.js";
import { deliveryFactTypes, type PostEventType } from "../domain/event.js";
import type { DestinationStatus, PostStatus } from "../domain/status.js";

/**
 * One cell of a transition table: what an event may do in one status. The
 * tables live in `spec/` as JSON, shipped for services in other languages;
 * they are written from the lifecycle definitions that `apply` and the
 * machines run, and the tests prove by exploration that they are exact.
 *
 * @example
 * ```ts
 * import { postTransitions } from "postlife";
 * postTransitions.scheduled.DUE; // { to: ["queued"], reject: ["too_early"], ignore: ["stale"] }
 * ```
 * @since 0.1.0
 */
export interface TransitionCell<Status extends string> {
  readonly to?: readonly Status[];
  readonly reject?: readonly RejectionReason[];
  readonly ignore?: readonly ("duplicate" | "stale")[];
}

/**
 * The destination's own events: the delivery facts, and what the post tells
 * its destinations when its editorial status changes.
 *
 * @example
 * ```ts
 * import type { DestinationEventType } from "postlife";
 * const t: DestinationEventType = "ENQUEUE";
 * ```
 * @since 0.1.0
 */
export type DestinationEventType =
  | "SUBMIT_FOR_APPROVAL"
  | "SCHEDULE"
  | "RETURN_TO_DRAFT"
  | "ENQUEUE"
  | "CANCEL"
  | "RETRY_FAILED"
  | "DELIVERY_STARTED"
  | "DELIVERY_SUCCEEDED"
  | "DELIVERY_FAILED"
  | "RETRY_DUE"
  | "RECONCILED"
  | "MEDIA_STATUS"
  | "DEADLINE_PASSED";

/** The destination's event types, in the order of its lifecycle (the table's columns). */
export const destinationEventTypes = /* @__PURE__ */ (() =>
  [
    "SUBMIT_FOR_APPROVAL",
    "SCHEDULE",
    "RETURN_TO_DRAFT",
    "ENQUEUE",
    "CANCEL",
    "RETRY_FAILED",
    ...deliveryFactTypes,
  ] as const satisfies readonly DestinationEventType[])();

/**
 * `spec/transitions.post.json`: post status x event type.
 *
 * @example
 * ```ts
 * import { postTransitions } from "postlife";
 * postTransitions.published.CANCEL.reject; // ["not_allowed_in_status"]
 * ```
 * @since 0.1.0
 */
export const postTransitions = postCells as unknown as {
  readonly [S in PostStatus]: { readonly [E in PostEventType]: TransitionCell<PostStatus> };
};

/**
 * `spec/transitions.destination.json`: destination status x destination event.
 *
 * @example
 * ```ts
 * import { destinationTransitions } from "postlife";
 * destinationTransitions.unconfirmed.RECONCILED.to; // ["published", "queued", "failed"]
 * ```
 * @since 0.1.0
 */
export const destinationTransitions = destinationCells as unknown as {
  readonly [S in DestinationStatus]: {
    readonly [E in DestinationEventType]: TransitionCell<DestinationStatus>;
  };
};
