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
 *
 * @example
 * ```ts
 * import type { AttemptIdentity, EnqueueDelivery } from "postlife";
 * // Copy it from the instruction the worker was handed, into every fact it reports.
 * const identityOf = (job: EnqueueDelivery): AttemptIdentity => ({
 *   attempt: job.attempt,
 *   idempotencyKey: job.idempotencyKey,
 *   ...(job.item === undefined ? {} : { item: job.item }),
 * });
 * ```
 * @since 0.1.0
 */
export interface AttemptIdentity {
  /** The 1-based attempt number the fact belongs to. */
  readonly attempt?: number;
  /** The idempotency key the delivery was enqueued with. */
  readonly idempotencyKey?: string;
  /** In a thread: the item the fact is about (0 is the first post), as the instruction named it. */
  readonly item?: number;
}

/**
 * Edit content, media, the planned time or the destination list.
 *
 * @example
 * ```ts
 * import type { EditEvent } from "postlife";
 * const later: EditEvent = {
 *   type: "EDIT",
 *   changes: { scheduledAt: "2026-04-21T09:00:00Z" },
 *   now: "2026-04-19T10:00:00Z",
 * };
 * ```
 * @since 0.1.0
 */
export interface EditEvent {
  readonly type: "EDIT";
  readonly changes: PostChanges;
  /** Needed only to move the time of a scheduled post (it must stay in the future). */
  readonly now?: string;
  /**
   * The caller's new idempotency key for the post (update_post's
   * `idempotencyKey`): from this revision on, part of every delivery key
   * postlife derives (`Post.idempotencyKey`).
   */
  readonly idempotencyKey?: string;
}
/**
 * Plan the post for `at`, which must be after `now`.
 *
 * @example
 * ```ts
 * import type { ScheduleEvent } from "postlife";
 * const plan: ScheduleEvent = {
 *   type: "SCHEDULE",
 *   at: "2026-04-20T14:00:00Z",
 *   now: "2026-04-19T09:00:00Z",
 * };
 * ```
 * @since 0.1.0
 */
export interface ScheduleEvent {
  readonly type: "SCHEDULE";
  readonly at: string;
  readonly now: string;
  /**
   * The caller's new idempotency key for the post (publish_post's and
   * update_post's `idempotencyKey`): part of every delivery key postlife
   * derives from now on (`Post.idempotencyKey`).
   */
  readonly idempotencyKey?: string;
}
/**
 * Take a scheduled post back to draft.
 *
 * @example
 * ```ts
 * import { apply, type Post, type UnscheduleEvent } from "postlife";
 * const unschedule: UnscheduleEvent = { type: "UNSCHEDULE" };
 * // The outbox disarms the job that would have fired DUE.
 * const backToDraft = (post: Post) => apply(post, unschedule);
 * ```
 * @since 0.1.0
 */
export interface UnscheduleEvent {
  readonly type: "UNSCHEDULE";
}
/**
 * Publish now. postlife reads no clock: the service passes the time it
 * read as `now`.
 *
 * @example
 * ```ts
 * import type { PublishEvent } from "postlife";
 * const publishNow: PublishEvent = { type: "PUBLISH", now: "2026-04-20T14:00:00Z" };
 * ```
 * @since 0.1.0
 */
export interface PublishEvent {
  readonly type: "PUBLISH";
  readonly now: string;
  /**
   * The caller's new idempotency key for the post (publish_post's and
   * update_post's `idempotencyKey`): part of every delivery key postlife
   * derives from now on (`Post.idempotencyKey`).
   */
  readonly idempotencyKey?: string;
}
/**
 * Send a draft to a reviewer.
 *
 * @example
 * ```ts
 * import type { SubmitForApprovalEvent } from "postlife";
 * const submit: SubmitForApprovalEvent = {
 *   type: "SUBMIT_FOR_APPROVAL",
 *   now: "2026-04-19T09:00:00Z",
 * };
 * ```
 * @since 0.1.0
 */
export interface SubmitForApprovalEvent {
  readonly type: "SUBMIT_FOR_APPROVAL";
  readonly now: string;
}
/**
 * The reviewer approves: scheduled if the planned time is ahead, else queued.
 *
 * @example
 * ```ts
 * import type { ApproveEvent } from "postlife";
 * const approve: ApproveEvent = { type: "APPROVE", now: "2026-04-19T11:30:00Z" };
 * ```
 * @since 0.1.0
 */
export interface ApproveEvent {
  readonly type: "APPROVE";
  readonly now: string;
}
/**
 * The reviewer sends the post back to draft.
 *
 * @example
 * ```ts
 * import type { RejectEvent } from "postlife";
 * const sendBack: RejectEvent = { type: "REJECT", reason: "Wrong launch date in the copy" };
 * ```
 * @since 0.1.0
 */
export interface RejectEvent {
  readonly type: "REJECT";
  readonly reason?: string;
}
/**
 * The scheduled job fired. `revision` (from the arm instruction) lets a stale job be ignored.
 *
 * @example
 * ```ts
 * import type { ArmSchedule, DueEvent } from "postlife";
 * // What the job armed by an `arm_schedule` instruction sends when it fires.
 * const dueOf = (job: ArmSchedule): DueEvent => ({
 *   type: "DUE",
 *   now: job.at,
 *   revision: job.revision,
 * });
 * ```
 * @since 0.1.0
 */
export interface DueEvent {
  readonly type: "DUE";
  readonly now: string;
  readonly revision?: number;
}
/**
 * Stop what has not started.
 *
 * @example
 * ```ts
 * import { apply, type CancelEvent, type Post } from "postlife";
 * const cancel: CancelEvent = { type: "CANCEL" };
 * // Queued and retrying deliveries come back as `cancel_delivery` instructions.
 * const stop = (post: Post) => apply(post, cancel);
 * ```
 * @since 0.1.0
 */
export interface CancelEvent {
  readonly type: "CANCEL";
}
/**
 * Cancel and remove a post of which nothing is (or may be) published.
 *
 * @example
 * ```ts
 * import { apply, createPost, type DeleteEvent } from "postlife";
 * const remove: DeleteEvent = { type: "DELETE" };
 * const created = createPost({
 *   id: "post-1",
 *   content: "Never mind",
 *   destinations: [{ id: "d-x", platform: "x", accountId: "acct-1" }],
 * });
 * const decision = created.ok ? apply(created.post, remove) : created;
 * decision.ok && decision.post.status; // "deleted"
 * ```
 * @since 0.1.0
 */
export interface DeleteEvent {
  readonly type: "DELETE";
}
/**
 * Manually re-queue the failed destinations, with new idempotency keys.
 *
 * @example
 * ```ts
 * import type { RetryFailedEvent } from "postlife";
 * // After the owner reconnected the account a `request_reconnect` asked about.
 * const retry: RetryFailedEvent = { type: "RETRY_FAILED", now: "2026-04-20T15:00:00Z" };
 * ```
 * @since 0.1.0
 */
export interface RetryFailedEvent {
  readonly type: "RETRY_FAILED";
  readonly now: string;
}
/**
 * A worker starts an attempt; every attempt starts this way and counts.
 *
 * @example
 * ```ts
 * import type { DeliveryStartedEvent } from "postlife";
 * const started: DeliveryStartedEvent = {
 *   type: "DELIVERY_STARTED",
 *   destinationId: "d-x",
 *   attempt: 1,
 *   idempotencyKey: "post-1:d-x:1:0",
 *   now: "2026-04-20T14:00:01Z",
 * };
 * ```
 * @since 0.1.0
 */
export interface DeliveryStartedEvent extends AttemptIdentity {
  readonly type: "DELIVERY_STARTED";
  readonly destinationId: string;
  readonly now: string;
}
/**
 * The platform confirmed the post.
 *
 * @example
 * ```ts
 * import type { DeliverySucceededEvent } from "postlife";
 * const published: DeliverySucceededEvent = {
 *   type: "DELIVERY_SUCCEEDED",
 *   destinationId: "d-x",
 *   platformPostId: "1780123456789012345",
 *   platformUrl: "https://x.com/acme/status/1780123456789012345",
 *   now: "2026-04-20T14:00:03Z",
 * };
 * ```
 * @since 0.1.0
 */
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
 * An attempt failed. Either `error`, the PostPost error object as the worker
 * classified it, or `failure`, what the worker saw, which `apply` classifies
 * on the way in (`classifyFailure`).
 *
 * @example
 * ```ts
 * import type { DeliveryFailedEvent } from "postlife";
 * // What the worker saw: apply classifies it (here RATE_LIMITED, retried after 120 s).
 * const seen: DeliveryFailedEvent = {
 *   type: "DELIVERY_FAILED",
 *   destinationId: "d-x",
 *   now: "2026-04-20T14:00:02Z",
 *   failure: { httpStatus: 429, headers: { "retry-after": "120" } },
 * };
 * // Or an error the worker classified itself.
 * const classified: DeliveryFailedEvent = {
 *   type: "DELIVERY_FAILED",
 *   destinationId: "d-li",
 *   now: "2026-04-20T14:00:02Z",
 *   error: { code: "PLATFORM_AUTH_EXPIRED", message: "Token revoked", retryable: false },
 * };
 * ```
 * @since 0.1.0
 */
export type DeliveryFailedEvent = AttemptIdentity & {
  readonly type: "DELIVERY_FAILED";
  readonly destinationId: string;
  readonly now: string;
} & (
    | { readonly error: PublishError; readonly failure?: undefined }
    | { readonly failure: ReportedFailure; readonly error?: undefined }
  );
/**
 * A retry's `nextRetryAt` has come.
 *
 * @example
 * ```ts
 * import type { RetryDueEvent, ScheduleRetry } from "postlife";
 * // What the timer armed by a `schedule_retry` instruction sends when it fires.
 * const retryDueOf = (timer: ScheduleRetry): RetryDueEvent => ({
 *   type: "RETRY_DUE",
 *   destinationId: timer.destinationId,
 *   attempt: timer.attempt,
 *   idempotencyKey: timer.idempotencyKey,
 *   now: timer.at,
 * });
 * ```
 * @since 0.1.0
 */
export interface RetryDueEvent extends AttemptIdentity {
  readonly type: "RETRY_DUE";
  readonly destinationId: string;
  readonly now: string;
}
/**
 * The platform was asked whether an unconfirmed post exists. `found: null`
 * means it does not: the delivery is queued again under the same key while
 * attempts are left, else it fails. A post found is the platform's truth:
 * it publishes the destination whatever answered before (a look-up that
 * lagged, a failure reported by mistake).
 *
 * @example
 * ```ts
 * import type { ReconciledEvent } from "postlife";
 * const itWasPublished: ReconciledEvent = {
 *   type: "RECONCILED",
 *   destinationId: "d-x",
 *   found: { platformPostId: "1780123456789012345" },
 *   now: "2026-04-20T14:02:00Z",
 * };
 * const itWasNot: ReconciledEvent = { ...itWasPublished, found: null };
 * ```
 * @since 0.1.0
 */
export interface ReconciledEvent extends AttemptIdentity {
  readonly type: "RECONCILED";
  readonly destinationId: string;
  readonly found: FoundPost | null;
  readonly now: string;
}

/**
 * How the platform's processing of a destination's media stands: the word
 * its status endpoint answered (Instagram's `status_code`, TikTok's
 * `status`), for the container or upload `containerId`. The worker that
 * created a container sends it first; each `poll_media` then sends the
 * answer. A word that means waiting (IN_PROGRESS, PROCESSING_UPLOAD, or one
 * postlife does not know: the deadline bounds the wait) polls again; a
 * ready container (FINISHED) is handed out for its publish call; an
 * expired one is created again. A final word is a fact of its own
 * (`mediaFact` makes it): a live post is `DELIVERY_SUCCEEDED`, a failure
 * `DELIVERY_FAILED`.
 *
 * @example
 * ```ts
 * import type { MediaStatusEvent } from "postlife";
 * const stillProcessing: MediaStatusEvent = {
 *   type: "MEDIA_STATUS",
 *   destinationId: "d-ig",
 *   containerId: "17889455560051444",
 *   status: "IN_PROGRESS",
 *   now: "2026-04-20T14:00:05Z",
 * };
 * ```
 * @since 0.2.0
 */
export interface MediaStatusEvent extends AttemptIdentity {
  readonly type: "MEDIA_STATUS";
  readonly destinationId: string;
  readonly containerId: string;
  /** The platform's word, as its status endpoint wrote it. */
  readonly status: string;
  /** How long the platform asks to wait before asking again, if it says. */
  readonly retryAfterMs?: number;
  /**
   * The `poll` of the `poll_media` it answers (absent in the worker's first
   * report): only the answer to the poll awaited is news, so a poll carried
   * out twice polls again once.
   */
  readonly poll?: number;
  readonly now: string;
}

/**
 * A deadline armed by `arm_deadline` has passed: the timer sends this, echoing
 * the instruction's `jobKey`. What it means depends on what the destination
 * was waiting for: a queued delivery no worker started is handed out again
 * (then fails, `NEVER_STARTED`); an attempt with no report is a timeout after
 * sending (`unconfirmed`, looked up, never sent blindly); an unanswered
 * look-up is asked again (then fails, `OUTCOME_UNKNOWN`). A deadline the
 * destination has moved past is stale; one that fires early is refused as
 * `too_early`, with the time it is accepted from.
 *
 * @example
 * ```ts
 * import type { ArmDeadline, DeadlinePassedEvent } from "postlife";
 * // What the timer armed by an `arm_deadline` instruction sends when it fires.
 * const passed = (timer: ArmDeadline): DeadlinePassedEvent => ({
 *   type: "DEADLINE_PASSED",
 *   destinationId: timer.destinationId,
 *   jobKey: timer.jobKey,
 *   now: timer.at,
 * });
 * ```
 * @since 0.1.0
 */
export interface DeadlinePassedEvent {
  readonly type: "DEADLINE_PASSED";
  readonly destinationId: string;
  /** The `jobKey` of the `arm_deadline` instruction that armed it. */
  readonly jobKey: string;
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
  | ReconciledEvent
  | MediaStatusEvent
  | DeadlinePassedEvent;

/**
 * Every event type, in the order of the lifecycle.
 *
 * @example
 * ```ts
 * import { postEventTypes } from "postlife";
 * postEventTypes.length; // 18
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
  "MEDIA_STATUS",
  "DEADLINE_PASSED",
] as const satisfies readonly PostEvent["type"][];

/**
 * The type of one event.
 *
 * @example
 * ```ts
 * import type { PostEventType } from "postlife";
 * const buttonLabels: Partial<Record<PostEventType, string>> = {
 *   PUBLISH: "Publish now",
 *   SCHEDULE: "Schedule",
 *   SUBMIT_FOR_APPROVAL: "Ask for review",
 * };
 * ```
 * @since 0.1.0
 */
export type PostEventType = PostEvent["type"];

/**
 * The event types that are facts about one destination's delivery: the ones
 * workers, timers and webhooks send, as opposed to people's commands.
 *
 * @example
 * ```ts
 * import { deliveryFactTypes, type PostEventType } from "postlife";
 * const fromWorkers: ReadonlySet<PostEventType> = new Set(deliveryFactTypes);
 * fromWorkers.has("RETRY_DUE"); // true
 * fromWorkers.has("PUBLISH"); // false
 * ```
 * @since 0.1.0
 */
export const deliveryFactTypes = [
  "DELIVERY_STARTED",
  "DELIVERY_SUCCEEDED",
  "DELIVERY_FAILED",
  "RETRY_DUE",
  "RECONCILED",
  "MEDIA_STATUS",
  "DEADLINE_PASSED",
] as const satisfies readonly DeliveryFact["type"][];
