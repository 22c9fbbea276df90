/**
 * The lifecycle of one destination, written once: for each status, the
 * events it takes, the requirements each must meet (`requirements.ts`), the
 * transitions it may make, tried in order, and the update each runs. The
 * destination machine (`destinationMachine`) is this definition given to
 * XState; `stepDestination` and `apply` run it compiled; the destination
 * table in `spec/` is written from it.
 */
import type { DestinationStatus } from "../domain/status.js";
import type { Cell, Definition } from "../lifecycle/definition.js";
import type { DestinationEventType } from "../rules/transitions.js";
import { queueRetry, startAttempt } from "./attempt.js";
import {
  failNeverStarted,
  failUnanswered,
  handOutAgain,
  hasHandOutsLeft,
  hasLookUpsLeft,
  lookUpAgain,
  timeOutAttempt,
} from "./deadline-passed.js";
import {
  awaitReview,
  awaitSchedule,
  cancel,
  enqueue,
  retryAgain,
  returnToDraft,
} from "./editorial.js";
import type { DestinationEvent } from "./event.js";
import {
  failAttempt,
  lookUpFailed,
  mayHaveReachedPlatform,
  mayRetryInTime,
  scheduleRetry,
} from "./failure.js";
import {
  answersPollAwaited,
  awaitMedia,
  awaitsMedia,
  createAgain,
  expiresPartway,
  failExpired,
  failProcessing,
  hasExpired,
  isAwaitedContainer,
  isReady,
  isWaitingWord,
  mayCreateAgain,
  publishContainer,
  publishedBeforeProcessing,
  timeOutProcessing,
} from "./media.js";
import { failNotFound, hasAttemptsLeft, sendAgain, settleDoubt } from "./reconciled.js";
import {
  answersAttemptInDoubt,
  awaitsLookUp,
  canStart,
  concernsThisDelivery,
  failureApplies,
  happenedDuringAttempt,
  isArmedDeadline,
  isArmedRetry,
  isAttemptInFlight,
  isDeadlineDue,
  isNewFailure,
  isNewPlatformPost,
  isNextAttempt,
  isNotInFlight,
  isNotItemRecorded,
  isNotRequeued,
  isOutcomeKnown,
  isRetryDue,
  isWaitingToRetry,
  wasSent,
} from "./requirements.js";
import { reportsPostLive } from "./rules.js";
import type { DestinationContext } from "./step.js";
import { publish, publishItem, recordDuplicate, recordItem } from "./success.js";
import { hasItemsAfter, isPartlyPosted, namesEarlierItem } from "./thread.js";
import type { Moved } from "./wait.js";

type DestinationCell = Cell<DestinationStatus, DestinationContext, DestinationEvent, Moved>;
type Update = NonNullable<DestinationCell["branches"][number]["actions"]>;

const to = (target: DestinationStatus, actions: Update): DestinationCell => ({
  branches: [{ target, actions }],
});

/** The editorial moves of a destination waiting with its post. */
const waiting = {
  SCHEDULE: to("scheduled", awaitSchedule),
  ENQUEUE: to("queued", enqueue),
  CANCEL: to("cancelled", cancel),
} as const;

/**
 * Where a report that the platform has the post (or an item of its thread)
 * leads from `state`: a new post of an item delivery has moved past is a
 * double post; an item with more after it moves delivery on (`continues`:
 * from a status still delivering) or leaves the thread partly published
 * (from one that had stopped); the last item, or a post without a thread,
 * publishes the destination.
 */
const liveBranches = (
  state: DestinationStatus,
  continues: boolean,
  orNotFound = false,
): DestinationCell["branches"] => [
  // Only a status a thread can be in with items live has items behind it.
  ...(state === "failed" || state === "cancelled"
    ? []
    : [{ guard: namesEarlierItem, target: state, actions: recordDuplicate }]),
  continues
    ? { guard: hasItemsAfter, target: "queued", actions: publishItem }
    : { guard: hasItemsAfter, target: "partially_published", actions: recordItem },
  orNotFound
    ? { guard: reportsPostLive, target: "published", actions: publish }
    : { target: "published", actions: publish },
];

/** A report that the platform has the post publishes a destination that was sent. */
const reportedLive = (state: DestinationStatus, continues: boolean): DestinationCell => ({
  requires: [concernsThisDelivery, wasSent, isNotItemRecorded],
  branches: liveBranches(state, continues),
});
/** A look-up that found the post publishes it; one that found nothing is news only where awaited. */
const foundLive = (state: DestinationStatus, continues: boolean): DestinationCell => ({
  requires: [concernsThisDelivery, answersAttemptInDoubt, awaitsLookUp, wasSent, isNotItemRecorded],
  branches: liveBranches(state, continues),
});
/**
 * A destination that stopped: failed, or a thread partly published. Only a
 * manual retry sends it again (a thread from the item that stopped it); the
 * platform's word that it has the post still counts.
 */
const stopped = (state: "failed" | "partially_published") => ({
  on: {
    RETRY_FAILED: {
      requires: [isOutcomeKnown],
      branches: [{ target: "queued" as const, actions: retryAgain }],
    },
    DELIVERY_STARTED: noStart,
    DELIVERY_SUCCEEDED: reportedLive(state, false),
    DELIVERY_FAILED: oldFailure,
    RETRY_DUE: noRetry,
    MEDIA_STATUS: noMedia,
    RECONCILED: {
      requires: foundLive(state, false).requires ?? [],
      branches: [...liveBranches(state, false, true), { target: state, actions: settleDoubt }],
    },
    DEADLINE_PASSED: noDeadline,
  },
});

/** A start where no attempt can start: ignored. */
const noStart: DestinationCell = { requires: [concernsThisDelivery, canStart], branches: [] };
/** A retry timer where no retry waits: ignored. */
const noRetry: DestinationCell = {
  requires: [concernsThisDelivery, isWaitingToRetry],
  branches: [],
};
/** A failure after the attempt concluded: the same one again, or old news. */
const oldFailure: DestinationCell = {
  requires: [concernsThisDelivery, isNewFailure],
  branches: [],
};
/** A failure where none applies any more. */
const lateFailure: DestinationCell = {
  requires: [concernsThisDelivery, failureApplies],
  branches: [],
};
/**
 * How the platform's processing of the media stands: a ready container is
 * handed out for its publish call, an expired one created again while an
 * attempt is left (else failed), and any other word of the wait polls again.
 */
const mediaBranches: DestinationCell["branches"] = [
  { guard: isReady, target: "queued", actions: publishContainer },
  { guard: mayCreateAgain, target: "queued", actions: createAgain },
  { guard: expiresPartway, target: "partially_published", actions: failExpired },
  { guard: hasExpired, target: "failed", actions: failExpired },
  { target: "processing_media", actions: awaitMedia },
];
/** The first word, from the attempt that created the container. */
const firstMediaStatus: DestinationCell = {
  requires: [concernsThisDelivery, awaitsMedia, isWaitingWord],
  branches: mediaBranches,
};
/** The answer to a poll: about the container awaited, and the poll awaited. */
const polledMediaStatus: DestinationCell = {
  requires: [concernsThisDelivery, isAwaitedContainer, answersPollAwaited, isWaitingWord],
  branches: mediaBranches,
};
/** A word about media where none is awaited. */
const noMedia: DestinationCell = { requires: [concernsThisDelivery, awaitsMedia], branches: [] };

/** A deadline where none is armed. */
const noDeadline: DestinationCell = { requires: [isArmedDeadline], branches: [] };

/**
 * Stopped for good by `actions`: failed or, for a thread with live items,
 * partly published (`failForGood` and `cancel` take the same test).
 */
const stops = (
  actions: Update,
  nothingLive: DestinationStatus = "failed",
): DestinationCell["branches"] => [
  { guard: isPartlyPosted, target: "partially_published", actions },
  { target: nothingLive, actions },
];

/** Where a failed attempt goes: looked up, retried, or failed. */
const failureBranches: DestinationCell["branches"] = [
  { guard: mayHaveReachedPlatform, target: "unconfirmed", actions: lookUpFailed },
  { guard: mayRetryInTime, target: "retrying", actions: scheduleRetry },
  ...stops(failAttempt),
];

/**
 * The destination lifecycle.
 */
export const destinationLifecycle: Definition<
  DestinationStatus,
  DestinationEventType,
  DestinationContext,
  DestinationEvent,
  Moved
> = {
  id: "destination",
  states: {
    draft: {
      on: { SUBMIT_FOR_APPROVAL: to("pending_approval", awaitReview), ...waiting },
    },
    pending_approval: {
      on: { RETURN_TO_DRAFT: to("draft", returnToDraft), ...waiting },
    },
    scheduled: {
      on: { RETURN_TO_DRAFT: to("draft", returnToDraft), ...waiting },
    },
    queued: {
      on: {
        CANCEL: { branches: stops(cancel, "cancelled") },
        DELIVERY_STARTED: {
          requires: [concernsThisDelivery, isNextAttempt],
          branches: [{ target: "publishing", actions: startAttempt }],
        },
        DELIVERY_SUCCEEDED: reportedLive("queued", true),
        DELIVERY_FAILED: {
          requires: [concernsThisDelivery, isNextAttempt],
          branches: failureBranches,
        },
        RETRY_DUE: { requires: [concernsThisDelivery, isNotRequeued], branches: [] },
        RECONCILED: foundLive("queued", true),
        MEDIA_STATUS: noMedia,
        DEADLINE_PASSED: {
          requires: [isArmedDeadline, isDeadlineDue],
          branches: [
            { guard: hasHandOutsLeft, target: "queued", actions: handOutAgain },
            ...stops(failNeverStarted),
          ],
        },
      },
    },
    publishing: {
      on: {
        DELIVERY_STARTED: { requires: [concernsThisDelivery, isNotInFlight], branches: [] },
        DELIVERY_SUCCEEDED: reportedLive("publishing", true),
        DELIVERY_FAILED: {
          requires: [concernsThisDelivery, isAttemptInFlight, happenedDuringAttempt],
          branches: failureBranches,
        },
        RETRY_DUE: noRetry,
        RECONCILED: foundLive("publishing", true),
        MEDIA_STATUS: firstMediaStatus,
        DEADLINE_PASSED: {
          requires: [isArmedDeadline, isDeadlineDue],
          branches: [{ target: "unconfirmed", actions: timeOutAttempt }],
        },
      },
    },
    processing_media: {
      on: {
        DELIVERY_STARTED: noStart,
        DELIVERY_SUCCEEDED: reportedLive("processing_media", true),
        DELIVERY_FAILED: {
          requires: [concernsThisDelivery, isAttemptInFlight],
          branches: failureBranches,
        },
        RETRY_DUE: noRetry,
        RECONCILED: foundLive("processing_media", true),
        MEDIA_STATUS: polledMediaStatus,
        DEADLINE_PASSED: {
          requires: [isArmedDeadline, isDeadlineDue],
          branches: [
            { guard: publishedBeforeProcessing, target: "unconfirmed", actions: timeOutProcessing },
            ...stops(failProcessing),
          ],
        },
      },
    },
    retrying: {
      on: {
        CANCEL: { branches: stops(cancel, "cancelled") },
        DELIVERY_STARTED: noStart,
        DELIVERY_SUCCEEDED: reportedLive("retrying", true),
        DELIVERY_FAILED: oldFailure,
        RETRY_DUE: {
          requires: [concernsThisDelivery, isWaitingToRetry, isArmedRetry, isRetryDue],
          branches: [{ target: "queued", actions: queueRetry }],
        },
        RECONCILED: foundLive("retrying", true),
        MEDIA_STATUS: noMedia,
        DEADLINE_PASSED: noDeadline,
      },
    },
    unconfirmed: {
      on: {
        DELIVERY_STARTED: noStart,
        DELIVERY_SUCCEEDED: reportedLive("unconfirmed", true),
        DELIVERY_FAILED: oldFailure,
        RETRY_DUE: noRetry,
        MEDIA_STATUS: noMedia,
        RECONCILED: {
          requires: [concernsThisDelivery, answersAttemptInDoubt, wasSent, isNotItemRecorded],
          branches: [
            ...liveBranches("unconfirmed", true, true),
            { guard: hasAttemptsLeft, target: "queued", actions: sendAgain },
            ...stops(failNotFound),
          ],
        },
        DEADLINE_PASSED: {
          requires: [isArmedDeadline, isDeadlineDue],
          branches: [
            { guard: hasLookUpsLeft, target: "unconfirmed", actions: lookUpAgain },
            ...stops(failUnanswered),
          ],
        },
      },
    },
    published: {
      on: {
        DELIVERY_STARTED: noStart,
        DELIVERY_SUCCEEDED: {
          requires: [concernsThisDelivery, isNewPlatformPost],
          branches: [{ target: "published", actions: recordDuplicate }],
        },
        DELIVERY_FAILED: lateFailure,
        RETRY_DUE: noRetry,
        MEDIA_STATUS: noMedia,
        RECONCILED: {
          requires: [concernsThisDelivery, answersAttemptInDoubt, awaitsLookUp, isNewPlatformPost],
          branches: [{ target: "published", actions: recordDuplicate }],
        },
        DEADLINE_PASSED: noDeadline,
      },
    },
    partially_published: stopped("partially_published"),
    failed: stopped("failed"),
    cancelled: {
      on: {
        DELIVERY_STARTED: noStart,
        DELIVERY_SUCCEEDED: reportedLive("cancelled", false),
        DELIVERY_FAILED: lateFailure,
        RETRY_DUE: noRetry,
        RECONCILED: foundLive("cancelled", false),
        MEDIA_STATUS: noMedia,
        DEADLINE_PASSED: noDeadline,
      },
    },
  },
};
