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
import type { DestinationRequirement } from "./requirements.js";

/** The name of a test that picks one of a cell's transitions. */
export type DestinationTest =
  | "mayHaveReachedPlatform"
  | "mayRetryInTime"
  | "asksTooLongAWait"
  | "reportsPostLive"
  | "hasAttemptsLeft"
  | "hasHandOutsLeft"
  | "hasLookUpsLeft";

/** The name of an update a transition runs. */
export type DestinationUpdate =
  | "awaitReview"
  | "awaitSchedule"
  | "returnToDraft"
  | "enqueue"
  | "cancel"
  | "retryAgain"
  | "startAttempt"
  | "queueRetry"
  | "publish"
  | "recordDuplicate"
  | "lookUpFailed"
  | "scheduleRetry"
  | "failWaitTooLong"
  | "failAttempt"
  | "sendAgain"
  | "failNotFound"
  | "settleDoubt"
  | "handOutAgain"
  | "failNeverStarted"
  | "timeOutAttempt"
  | "lookUpAgain"
  | "failUnanswered";

type DestinationCell = Cell<
  DestinationStatus,
  DestinationRequirement,
  DestinationTest,
  DestinationUpdate
>;

const to = (target: DestinationStatus, actions: DestinationUpdate): DestinationCell => ({
  branches: [{ target, actions }],
});

/** The editorial moves of a destination waiting with its post. */
const waiting = {
  SCHEDULE: to("scheduled", "awaitSchedule"),
  ENQUEUE: to("queued", "enqueue"),
  CANCEL: to("cancelled", "cancel"),
} as const;

/** A report that the platform has the post publishes a destination that was sent. */
const reportedLive: DestinationCell = {
  requires: ["concernsThisDelivery", "wasSent"],
  branches: [{ target: "published", actions: "publish" }],
};
/** A look-up that found the post publishes it; one that found nothing is news only where awaited. */
const foundLive: DestinationCell = {
  requires: ["concernsThisDelivery", "answersAttemptInDoubt", "awaitsLookUp", "wasSent"],
  branches: [{ target: "published", actions: "publish" }],
};
/** A start where no attempt can start: ignored. */
const noStart: DestinationCell = { requires: ["concernsThisDelivery", "canStart"], branches: [] };
/** A retry timer where no retry waits: ignored. */
const noRetry: DestinationCell = {
  requires: ["concernsThisDelivery", "isWaitingToRetry"],
  branches: [],
};
/** A failure after the attempt concluded: the same one again, or old news. */
const oldFailure: DestinationCell = {
  requires: ["concernsThisDelivery", "isNewFailure"],
  branches: [],
};
/** A failure where none applies any more. */
const lateFailure: DestinationCell = {
  requires: ["concernsThisDelivery", "failureApplies"],
  branches: [],
};
/** A deadline where none is armed. */
const noDeadline: DestinationCell = { requires: ["isArmedDeadline"], branches: [] };

/** Where a failed attempt goes: looked up, retried, or failed. */
const failureBranches: DestinationCell["branches"] = [
  { guard: "mayHaveReachedPlatform", target: "unconfirmed", actions: "lookUpFailed" },
  { guard: "mayRetryInTime", target: "retrying", actions: "scheduleRetry" },
  { guard: "asksTooLongAWait", target: "failed", actions: "failWaitTooLong" },
  { target: "failed", actions: "failAttempt" },
];

/**
 * The destination lifecycle.
 */
export const destinationLifecycle: Definition<
  DestinationStatus,
  DestinationEventType,
  DestinationRequirement,
  DestinationTest,
  DestinationUpdate
> = {
  id: "destination",
  description: "One platform account a post goes to, from draft to published, failed or cancelled.",
  states: {
    draft: {
      description: "Saved with its post, not queued.",
      on: { SUBMIT_FOR_APPROVAL: to("pending_approval", "awaitReview"), ...waiting },
    },
    pending_approval: {
      description: "Its post waits on a reviewer.",
      on: { RETURN_TO_DRAFT: to("draft", "returnToDraft"), ...waiting },
    },
    scheduled: {
      description: "Its post waits for scheduledAt.",
      on: { RETURN_TO_DRAFT: to("draft", "returnToDraft"), ...waiting },
    },
    queued: {
      description:
        "Handed to delivery under its idempotency key; no attempt is in flight. A worker must start it before its deadline, or it is handed out again, then fails (NEVER_STARTED).",
      on: {
        CANCEL: to("cancelled", "cancel"),
        DELIVERY_STARTED: {
          requires: ["concernsThisDelivery", "isNextAttempt"],
          branches: [{ target: "publishing", actions: "startAttempt" }],
        },
        DELIVERY_SUCCEEDED: reportedLive,
        DELIVERY_FAILED: {
          requires: ["concernsThisDelivery", "isNextAttempt"],
          branches: failureBranches,
        },
        RETRY_DUE: { requires: ["concernsThisDelivery", "isNotRequeued"], branches: [] },
        RECONCILED: foundLive,
        DEADLINE_PASSED: {
          requires: ["isArmedDeadline", "isDeadlineDue"],
          branches: [
            { guard: "hasHandOutsLeft", target: "queued", actions: "handOutAgain" },
            { target: "failed", actions: "failNeverStarted" },
          ],
        },
      },
    },
    publishing: {
      description:
        "An attempt is in flight. It cannot be cancelled: the request may already be on its way. With no report by its deadline it counts as a timeout after sending (unconfirmed).",
      on: {
        DELIVERY_STARTED: { requires: ["concernsThisDelivery", "isNotInFlight"], branches: [] },
        DELIVERY_SUCCEEDED: reportedLive,
        DELIVERY_FAILED: {
          requires: ["concernsThisDelivery", "isAttemptInFlight", "happenedDuringAttempt"],
          branches: failureBranches,
        },
        RETRY_DUE: noRetry,
        RECONCILED: foundLive,
        DEADLINE_PASSED: {
          requires: ["isArmedDeadline", "isDeadlineDue"],
          branches: [{ target: "unconfirmed", actions: "timeOutAttempt" }],
        },
      },
    },
    retrying: {
      description:
        "An attempt failed retryably; waits for nextRetryAt, then is re-queued under the same key.",
      on: {
        CANCEL: to("cancelled", "cancel"),
        DELIVERY_STARTED: noStart,
        DELIVERY_SUCCEEDED: reportedLive,
        DELIVERY_FAILED: oldFailure,
        RETRY_DUE: {
          requires: ["concernsThisDelivery", "isWaitingToRetry", "isArmedRetry", "isRetryDue"],
          branches: [{ target: "queued", actions: "queueRetry" }],
        },
        RECONCILED: foundLive,
        DEADLINE_PASSED: noDeadline,
      },
    },
    unconfirmed: {
      description:
        "Sent, outcome unknown (timed out after sending). Never retried blindly: a reconciliation looks the post up on the platform, asked again while it goes unanswered, then failed (OUTCOME_UNKNOWN) for a person to check.",
      on: {
        DELIVERY_STARTED: noStart,
        DELIVERY_SUCCEEDED: reportedLive,
        DELIVERY_FAILED: oldFailure,
        RETRY_DUE: noRetry,
        RECONCILED: {
          requires: ["concernsThisDelivery", "answersAttemptInDoubt", "wasSent"],
          branches: [
            { guard: "reportsPostLive", target: "published", actions: "publish" },
            { guard: "hasAttemptsLeft", target: "queued", actions: "sendAgain" },
            { target: "failed", actions: "failNotFound" },
          ],
        },
        DEADLINE_PASSED: {
          requires: ["isArmedDeadline", "isDeadlineDue"],
          branches: [
            { guard: "hasLookUpsLeft", target: "unconfirmed", actions: "lookUpAgain" },
            { target: "failed", actions: "failUnanswered" },
          ],
        },
      },
    },
    published: {
      description:
        "The platform confirmed it; it has a platformPostId. It is never sent again; a second, different post the platform reports is recorded and surfaced as a duplicate.",
      on: {
        DELIVERY_STARTED: noStart,
        DELIVERY_SUCCEEDED: {
          requires: ["concernsThisDelivery", "isNewPlatformPost"],
          branches: [{ target: "published", actions: "recordDuplicate" }],
        },
        DELIVERY_FAILED: lateFailure,
        RETRY_DUE: noRetry,
        RECONCILED: {
          requires: [
            "concernsThisDelivery",
            "answersAttemptInDoubt",
            "awaitsLookUp",
            "isNewPlatformPost",
          ],
          branches: [{ target: "published", actions: "recordDuplicate" }],
        },
        DEADLINE_PASSED: noDeadline,
      },
    },
    failed: {
      description:
        "Failed for good, or out of attempts. Only a manual RETRY_FAILED re-queues it, under a new key, and not while its outcome is unknown; a late success of its own delivery publishes it, since the platform is the truth about what is live.",
      on: {
        RETRY_FAILED: {
          requires: ["isOutcomeKnown"],
          branches: [{ target: "queued", actions: "retryAgain" }],
        },
        DELIVERY_STARTED: noStart,
        DELIVERY_SUCCEEDED: reportedLive,
        DELIVERY_FAILED: oldFailure,
        RETRY_DUE: noRetry,
        RECONCILED: {
          requires: foundLive.requires ?? [],
          branches: [
            { guard: "reportsPostLive", target: "published", actions: "publish" },
            { target: "failed", actions: "settleDoubt" },
          ],
        },
        DEADLINE_PASSED: noDeadline,
      },
    },
    cancelled: {
      description:
        "Stopped before delivery. If it had been handed out and the platform reports it live after all, it is published.",
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
