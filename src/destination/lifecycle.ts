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
  asksTooLongAWait,
  failAttempt,
  failWaitTooLong,
  lookUpFailed,
  mayHaveReachedPlatform,
  mayRetryInTime,
  scheduleRetry,
} from "./failure.js";
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
  isNotRequeued,
  isOutcomeKnown,
  isRetryDue,
  isWaitingToRetry,
  wasSent,
} from "./requirements.js";
import { reportsPostLive } from "./rules.js";
import type { DestinationContext } from "./step.js";
import { publish, recordDuplicate } from "./success.js";
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

/** A report that the platform has the post publishes a destination that was sent. */
const reportedLive: DestinationCell = {
  requires: [concernsThisDelivery, wasSent],
  branches: [{ target: "published", actions: publish }],
};
/** A look-up that found the post publishes it; one that found nothing is news only where awaited. */
const foundLive: DestinationCell = {
  requires: [concernsThisDelivery, answersAttemptInDoubt, awaitsLookUp, wasSent],
  branches: [{ target: "published", actions: publish }],
};
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
/** A deadline where none is armed. */
const noDeadline: DestinationCell = { requires: [isArmedDeadline], branches: [] };

/** Where a failed attempt goes: looked up, retried, or failed. */
const failureBranches: DestinationCell["branches"] = [
  { guard: mayHaveReachedPlatform, target: "unconfirmed", actions: lookUpFailed },
  { guard: mayRetryInTime, target: "retrying", actions: scheduleRetry },
  { guard: asksTooLongAWait, target: "failed", actions: failWaitTooLong },
  { target: "failed", actions: failAttempt },
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
        CANCEL: to("cancelled", cancel),
        DELIVERY_STARTED: {
          requires: [concernsThisDelivery, isNextAttempt],
          branches: [{ target: "publishing", actions: startAttempt }],
        },
        DELIVERY_SUCCEEDED: reportedLive,
        DELIVERY_FAILED: {
          requires: [concernsThisDelivery, isNextAttempt],
          branches: failureBranches,
        },
        RETRY_DUE: { requires: [concernsThisDelivery, isNotRequeued], branches: [] },
        RECONCILED: foundLive,
        DEADLINE_PASSED: {
          requires: [isArmedDeadline, isDeadlineDue],
          branches: [
            { guard: hasHandOutsLeft, target: "queued", actions: handOutAgain },
            { target: "failed", actions: failNeverStarted },
          ],
        },
      },
    },
    publishing: {
      on: {
        DELIVERY_STARTED: { requires: [concernsThisDelivery, isNotInFlight], branches: [] },
        DELIVERY_SUCCEEDED: reportedLive,
        DELIVERY_FAILED: {
          requires: [concernsThisDelivery, isAttemptInFlight, happenedDuringAttempt],
          branches: failureBranches,
        },
        RETRY_DUE: noRetry,
        RECONCILED: foundLive,
        DEADLINE_PASSED: {
          requires: [isArmedDeadline, isDeadlineDue],
          branches: [{ target: "unconfirmed", actions: timeOutAttempt }],
        },
      },
    },
    retrying: {
      on: {
        CANCEL: to("cancelled", cancel),
        DELIVERY_STARTED: noStart,
        DELIVERY_SUCCEEDED: reportedLive,
        DELIVERY_FAILED: oldFailure,
        RETRY_DUE: {
          requires: [concernsThisDelivery, isWaitingToRetry, isArmedRetry, isRetryDue],
          branches: [{ target: "queued", actions: queueRetry }],
        },
        RECONCILED: foundLive,
        DEADLINE_PASSED: noDeadline,
      },
    },
    unconfirmed: {
      on: {
        DELIVERY_STARTED: noStart,
        DELIVERY_SUCCEEDED: reportedLive,
        DELIVERY_FAILED: oldFailure,
        RETRY_DUE: noRetry,
        RECONCILED: {
          requires: [concernsThisDelivery, answersAttemptInDoubt, wasSent],
          branches: [
            { guard: reportsPostLive, target: "published", actions: publish },
            { guard: hasAttemptsLeft, target: "queued", actions: sendAgain },
            { target: "failed", actions: failNotFound },
          ],
        },
        DEADLINE_PASSED: {
          requires: [isArmedDeadline, isDeadlineDue],
          branches: [
            { guard: hasLookUpsLeft, target: "unconfirmed", actions: lookUpAgain },
            { target: "failed", actions: failUnanswered },
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
        RECONCILED: {
          requires: [concernsThisDelivery, answersAttemptInDoubt, awaitsLookUp, isNewPlatformPost],
          branches: [{ target: "published", actions: recordDuplicate }],
        },
        DEADLINE_PASSED: noDeadline,
      },
    },
    failed: {
      on: {
        RETRY_FAILED: {
          requires: [isOutcomeKnown],
          branches: [{ target: "queued", actions: retryAgain }],
        },
        DELIVERY_STARTED: noStart,
        DELIVERY_SUCCEEDED: reportedLive,
        DELIVERY_FAILED: oldFailure,
        RETRY_DUE: noRetry,
        RECONCILED: {
          requires: foundLive.requires ?? [],
          branches: [
            { guard: reportsPostLive, target: "published", actions: publish },
            { target: "failed", actions: settleDoubt },
          ],
        },
        DEADLINE_PASSED: noDeadline,
      },
    },
    cancelled: {
      on: {
        DELIVERY_STARTED: noStart,
        DELIVERY_SUCCEEDED: reportedLive,
        DELIVERY_FAILED: lateFailure,
        RETRY_DUE: noRetry,
        RECONCILED: foundLive,
        DEADLINE_PASSED: noDeadline,
      },
    },
  },
};
