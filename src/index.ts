/**
 * postlife: the functional core of multi-platform social publishing.
 *
 * The public surface, name by name, grouped by what a service does with it.
 * Everything else is internal.
 *
 * @packageDocumentation
 */
// biome-ignore-all assist/source/organizeImports: the exports are grouped by concept under their section comments, each group sorted by hand

// ---------------------------------------------------------------------------
// The pure API over plain values: make a post, decide an event, ask what it can do
export { apply } from "./post/apply.js";
export { createPost } from "./post/create.js";
export { allowedEvents, can, failuresOf, statusOf } from "./post/queries.js";
export { aggregateStatus } from "./rules/aggregate.js";
export { maxIdLength, maxTextLength } from "./rules/checks.js";
export type { EditableField } from "./rules/editable.js";
export { editableFields } from "./rules/editable.js";
export type { PreflightReport } from "./rules/preflight.js";
export { preflight } from "./rules/preflight.js";
export type { Post, PostInput, StatusCounts } from "./domain/post.js";
export { countByStatus } from "./domain/post.js";
export type { Destination, DestinationInput } from "./domain/destination.js";
export { attemptsMade } from "./domain/destination.js";
export type { ThreadItem, ThreadItemStatus } from "./domain/thread.js";
export type { MediaAnswer, MediaQuestion } from "./destination/media-fact.js";
export { mediaFact } from "./destination/media-fact.js";
export { mediaStateOf } from "./platforms/media-processing.js";
export type { MediaProcessing, MediaState } from "./platforms/platform.js";
export { threadItemStatuses } from "./domain/thread.js";
export type { Media, MediaKind } from "./domain/media.js";
export { mediaKinds } from "./domain/media.js";

// ---------------------------------------------------------------------------
// Events, decisions and the outbox
export type {
  ApproveEvent,
  AttemptIdentity,
  CancelEvent,
  DeadlinePassedEvent,
  DeleteEvent,
  DeliveryFact,
  DeliveryFailedEvent,
  DeliveryStartedEvent,
  DeliverySucceededEvent,
  DueEvent,
  EditEvent,
  FoundPost,
  MediaStatusEvent,
  PostChanges,
  PostEvent,
  PostEventType,
  PublishEvent,
  ReconciledEvent,
  RejectEvent,
  ReportedFailure,
  RetryDueEvent,
  RetryFailedEvent,
  ScheduleEvent,
  SubmitForApprovalEvent,
  UnscheduleEvent,
} from "./domain/event.js";
export { deliveryFactTypes, postEventTypes } from "./domain/event.js";
export { eventShapes } from "./rules/event-shape.js";
export type {
  Accepted,
  Decision,
  PlainReason,
  Rejected,
  Rejection,
  RejectionBase,
  RejectionDetails,
  RejectionReason,
  Violation,
} from "./domain/decision.js";
export { rejectionReasons } from "./domain/decision.js";
export type {
  ArmDeadline,
  ArmSchedule,
  CancelDelivery,
  DisarmDeadline,
  DisarmSchedule,
  EmitWebhook,
  EnqueueDelivery,
  Instruction,
  PollMedia,
  ReportDuplicate,
  RequestReconciliation,
  RequestReconnect,
  ScheduleRetry,
  ThreadPlace,
  WebhookEvent,
} from "./domain/instruction.js";
export { webhookEvents } from "./domain/instruction.js";
export type { Wait } from "./domain/idempotency.js";
export { deadlineJobKey, idempotencyKey, itemKey, scheduleJobKey } from "./domain/idempotency.js";

// ---------------------------------------------------------------------------
// Statuses
export type { DestinationStatus, EditorialStatus, PostStatus } from "./domain/status.js";
export {
  destinationStatuses,
  isDestinationStatus,
  isEditorial,
  isPostStatus,
  isTerminal,
  postStatuses,
} from "./domain/status.js";

// ---------------------------------------------------------------------------
// Destinations, one at a time
export type { DestinationEvent } from "./destination/event.js";
export type { DestinationContext, DestinationStep } from "./destination/step.js";
export { stepDestination } from "./destination/step.js";

// ---------------------------------------------------------------------------
// The machines and the tables they are held to
export { postMachine } from "./machines/post.machine.js";
export type { PostMachineTypes } from "./machines/post.types.js";
export { destinationMachine } from "./machines/destination.machine.js";
export type {
  DestinationMachineInput,
  DestinationMachineTypes,
} from "./machines/destination.types.js";
export type { DestinationEventType, TransitionCell } from "./rules/transitions.js";
export { destinationTransitions, postTransitions } from "./rules/transitions.js";

// ---------------------------------------------------------------------------
// Failures and retries
export { classifyFailure } from "./errors/classify.js";
export type {
  ErrorCode,
  ErrorCodeRow,
  KnownErrorCode,
  PublishError,
  RawFailure,
  WireErrorCode,
} from "./errors/publish-error.js";
export { errorCodeRow, errorCodeTable, wireCode, wireErrorCodes } from "./errors/publish-error.js";
export type { RetryPolicy } from "./errors/retry-policy.js";
export {
  attemptsAllowed,
  defaultRetryPolicy,
  failureOutcome,
  jitterOf,
  retryDelay,
} from "./errors/retry-policy.js";

// ---------------------------------------------------------------------------
// Platforms: what each accepts, and how each counts text
export type {
  ContentRules,
  CountRule,
  ErrorSignals,
  MediaSet,
  Platform,
  PostTypeRule,
  ResetFormat,
} from "./platforms/platform.js";
export { platformOf, platforms } from "./platforms/registry.js";
export type { TextCounting } from "./platforms/text-length.js";
export {
  codePointLength,
  graphemeLength,
  mastodonLength,
  textLength,
  textLengthWithin,
  threadsLength,
  urlSpans,
  utf8Length,
  xWeightedLength,
} from "./platforms/text-length.js";

// ---------------------------------------------------------------------------
// Vendor vocabularies: every publishing API's status words in postlife's
export type { Normalized, NormalizeOptions, Vendor } from "./wire/vocabulary.js";
export { normalizeStatus, vendors } from "./wire/vocabulary.js";

// ---------------------------------------------------------------------------
// The Effect face: tagged errors, Effect forms of the decisions, the retry Schedule
export type {
  PublishFailure,
  PublishFailureFields,
  PublishFailureInput,
  PublishFailureTag,
} from "./effect/errors.js";
export {
  AccountRestricted,
  ContentInvalid,
  ContentTooLarge,
  DuplicateContent,
  InvalidContent,
  isPublishFailure,
  NetworkError,
  NeverStarted,
  OutcomeUnknown,
  PermissionDenied,
  PlatformAuthExpired,
  PlatformServerError,
  PostRejected,
  publishErrorOf,
  QuotaExhausted,
  RateLimited,
  TimeoutError,
  toPublishFailure,
  UnknownError,
  WaitTooLong,
} from "./effect/errors.js";
export { applyEffect, classify, preflightEffect } from "./effect/post.js";
export { DestinationRejected, stepDestinationEffect } from "./effect/destination.js";
export { retrySchedule } from "./effect/retry-schedule.js";
