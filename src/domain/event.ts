import type { PublishError, RawFailure } from "../errors/publish-error.js";
import type { DestinationInput } from "./destination.js";
import type { Media } from "./media.js";

/**
 * The fields an EDIT may change. `destinations` is the whole new list: ids
 * that are new are added, ids that are missing are removed, and an existing
 * destination may change only its `content` override.
 *
 * @example
 * ```ts
 * import type { PostChanges } from "postlife";
 * const fixTypo: PostChanges = { content: "We launched today!" };
 * const moveLater: PostChanges = { scheduledAt: "2026-04-20T16:00:00Z" };
 * ```
 * @since 0.1.0
 */
export interface PostChanges {
  readonly content?: string;
  readonly media?: readonly Media[];
  /** `null` clears the planned time (drafts only: a scheduled post needs one). */
  readonly scheduledAt?: string | null;
  readonly destinations?: readonly DestinationInput[];
}

/**
 * What a platform answered when a reconciliation looked the post up.
 *
 * @example
 * ```ts
 * import type { FoundPost } from "postlife";
 * const found: FoundPost = { platformPostId: "urn:li:share:7654321" };
 * ```
 * @since 0.1.0
 */
export interface FoundPost {
  readonly platformPostId: string;
  readonly platformUrl?: string;
}

/**
 * Optional identity of the attempt a delivery fact speaks of. Workers that
 * send it get stale facts (an older attempt, revision or generation) ignored
 * instead of applied.
 */
export interface AttemptIdentity {
  /** The 1-based attempt number the fact belongs to. */
  readonly attempt?: number;
  /** The idempotency key the delivery was enqueued with. */
  readonly idempotencyKey?: string;
}

/** Edit content, media, the planned time or the destination list. */
export interface EditEvent {
  readonly type: "EDIT";
  readonly changes: PostChanges;
  /** Needed only to move the time of a scheduled post (it must stay in the future). */
  readonly now?: string;
}
/** Plan the post for `at`, which must be after `now`. */
export interface ScheduleEvent {
  readonly type: "SCHEDULE";
  readonly at: string;
  readonly now: string;
}
/** Take a scheduled post back to draft. */
export interface UnscheduleEvent {
  readonly type: "UNSCHEDULE";
}
/** Publish now. */
export interface PublishEvent {
  readonly type: "PUBLISH";
  readonly now: string;
}
/** Send a draft to a reviewer. */
export interface SubmitForApprovalEvent {
  readonly type: "SUBMIT_FOR_APPROVAL";
  readonly now: string;
}
/** The reviewer approves: scheduled if the planned time is ahead, else queued. */
export interface ApproveEvent {
  readonly type: "APPROVE";
  readonly now: string;
}
/** The reviewer sends the post back to draft. */
export interface RejectEvent {
  readonly type: "REJECT";
  readonly reason?: string;
}
/** The scheduled job fired. `revision` (from the arm instruction) lets a stale job be ignored. */
export interface DueEvent {
  readonly type: "DUE";
  readonly now: string;
  readonly revision?: number;
}
/** Stop what has not started. */
export interface CancelEvent {
  readonly type: "CANCEL";
}
/** Cancel and remove a post of which nothing is (or may be) published. */
export interface DeleteEvent {
  readonly type: "DELETE";
}
/** Manually re-queue the failed destinations, with new idempotency keys. */
export interface RetryFailedEvent {
  readonly type: "RETRY_FAILED";
  readonly now: string;
}
/** A worker starts an attempt; every attempt starts this way and counts. */
export interface DeliveryStartedEvent extends AttemptIdentity {
  readonly type: "DELIVERY_STARTED";
  readonly destinationId: string;
  readonly now: string;
}
/** The platform confirmed the post. */
export interface DeliverySucceededEvent extends AttemptIdentity {
  readonly type: "DELIVERY_SUCCEEDED";
  readonly destinationId: string;
  readonly platformPostId: string;
  readonly platformUrl?: string;
  readonly now: string;
}
/**
 * A failure as a worker saw it, before classification: `RawFailure`, whose
 * `platform` defaults to the destination's.
 *
 * @example
 * ```ts
 * import type { ReportedFailure } from "postlife";
 * const timeout: ReportedFailure = { transportError: "ETIMEDOUT", requestSent: true };
 * ```
 * @since 0.1.0
 */
export type ReportedFailure = Omit<RawFailure, "platform"> & { readonly platform?: string };

/**
 * An attempt failed. Either `error`, seed 001's error object as the worker
 * classified it, or `failure`, what the worker saw, which `apply` classifies
 * on the way in (`classifyFailure`).
 */
export type DeliveryFailedEvent = AttemptIdentity & {
  readonly type: "DELIVERY_FAILED";
  readonly destinationId: string;
  readonly now: string;
} & (
    | { readonly error: PublishError; readonly failure?: undefined }
    | { readonly failure: ReportedFailure; readonly error?: undefined }
  );
/** A retry's `nextRetryAt` has come. */
export interface RetryDueEvent extends AttemptIdentity {
  readonly type: "RETRY_DUE";
  readonly destinationId: string;
  readonly now: string;
}
/** The platform was asked whether an unconfirmed post exists. */
export interface ReconciledEvent extends AttemptIdentity {
  readonly type: "RECONCILED";
  readonly destinationId: string;
  readonly found: FoundPost | null;
  readonly now: string;
}

/**
 * Everything that can happen to a post: commands from people and facts from
 * workers, schedulers and webhooks. Time arrives as `now` in the event; the
 * core reads no clock.
 *
 * @example
 * ```ts
 * import type { PostEvent } from "postlife";
 * const events: PostEvent[] = [
 *   { type: "SCHEDULE", at: "2026-04-20T14:00:00Z", now: "2026-04-19T09:00:00Z" },
 *   { type: "DUE", now: "2026-04-20T14:00:00Z" },
 *   { type: "DELIVERY_STARTED", destinationId: "d-x", now: "2026-04-20T14:00:01Z" },
 * ];
 * ```
 * @since 0.1.0
 */
export type PostEvent =
  | EditEvent
  | ScheduleEvent
  | UnscheduleEvent
  | PublishEvent
  | SubmitForApprovalEvent
  | ApproveEvent
  | RejectEvent
  | DueEvent
  | CancelEvent
  | DeleteEvent
  | RetryFailedEvent
  | DeliveryFact;

/**
 * A fact about one destination's delivery, from a worker or a webhook.
 *
 * @example
 * ```ts
 * import type { DeliveryFact } from "postlife";
 * const ok: DeliveryFact = {
 *   type: "DELIVERY_SUCCEEDED", destinationId: "d-x",
 *   platformPostId: "1780123456789012345", now: "2026-04-20T14:00:03Z",
 * };
 * ```
 * @since 0.1.0
 */
export type DeliveryFact =
  | DeliveryStartedEvent
  | DeliverySucceededEvent
  | DeliveryFailedEvent
  | RetryDueEvent
  | ReconciledEvent;

/**
 * Every event type, in the order of the lifecycle.
 *
 * @example
 * ```ts
 * import { postEventTypes } from "postlife";
 * postEventTypes.length; // 16
 * ```
 * @since 0.1.0
 */
export const postEventTypes = [
  "EDIT",
  "SCHEDULE",
  "UNSCHEDULE",
  "PUBLISH",
  "SUBMIT_FOR_APPROVAL",
  "APPROVE",
  "REJECT",
  "DUE",
  "CANCEL",
  "DELETE",
  "RETRY_FAILED",
  "DELIVERY_STARTED",
  "DELIVERY_SUCCEEDED",
  "DELIVERY_FAILED",
  "RETRY_DUE",
  "RECONCILED",
] as const satisfies readonly PostEvent["type"][];

/** The type of one event. */
export type PostEventType = PostEvent["type"];

/** The event types that are facts about one destination's delivery. */
export const deliveryFactTypes = [
  "DELIVERY_STARTED",
  "DELIVERY_SUCCEEDED",
  "DELIVERY_FAILED",
  "RETRY_DUE",
  "RECONCILED",
] as const satisfies readonly DeliveryFact["type"][];
