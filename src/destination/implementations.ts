/**
 * The functions of the destination lifecycle, by name: the requirements, the
 * tests that pick a transition, and the updates. The XState machine knows
 * them by these names (its guards and actions); `stepDestination` runs them
 * from the definition itself.
 */
import type { Implementations } from "../lifecycle/compile.js";
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
import { destinationRequirements } from "./requirements.js";
import { reportsPostLive } from "./rules.js";
import type { DestinationContext } from "./step.js";
import { publish, recordDuplicate } from "./success.js";
import type { Moved } from "./wait.js";

export const destinationImplementations: Implementations<
  DestinationContext,
  DestinationEvent,
  Moved
> = {
  rules: destinationRequirements,
  tests: {
    mayHaveReachedPlatform,
    mayRetryInTime,
    asksTooLongAWait,
    reportsPostLive,
    hasAttemptsLeft,
    hasHandOutsLeft,
    hasLookUpsLeft,
  },
  actions: {
    awaitReview,
    awaitSchedule,
    returnToDraft,
    enqueue,
    cancel,
    retryAgain,
    startAttempt,
    queueRetry,
    publish,
    recordDuplicate,
    lookUpFailed,
    scheduleRetry,
    failWaitTooLong,
    failAttempt,
    sendAgain,
    failNotFound,
    settleDoubt,
    handOutAgain,
    failNeverStarted,
    timeOutAttempt,
    lookUpAgain,
    failUnanswered,
  },
};
