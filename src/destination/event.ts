import type { DeliveryFact } from "../domain/event.js";

/**
 * What a destination is told, or learns. The post sends the first six when
 * its own status changes (ENQUEUE and RETRY_FAILED with the time, from which
 * the first deadline runs); the delivery facts come from workers, timers and
 * webhooks, unchanged from the post's events.
 *
 * @example
 * ```ts
 * import type { DestinationEvent } from "postlife";
 * const events: DestinationEvent[] = [
 *   { type: "ENQUEUE", idempotencyKey: "post-1:d-x:0:0", now: "2026-04-20T14:00:00Z" },
 *   { type: "DELIVERY_STARTED", destinationId: "d-x", now: "2026-04-20T14:00:01Z" },
 * ];
 * ```
 * @since 0.1.0
 */
export type DestinationEvent =
  | { readonly type: "SUBMIT_FOR_APPROVAL" }
  | { readonly type: "SCHEDULE" }
  | { readonly type: "RETURN_TO_DRAFT" }
  | { readonly type: "ENQUEUE"; readonly idempotencyKey: string; readonly now: string }
  | { readonly type: "CANCEL" }
  | { readonly type: "RETRY_FAILED"; readonly idempotencyKey: string; readonly now: string }
  | DeliveryFact;
