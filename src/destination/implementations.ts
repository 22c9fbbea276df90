/**
 * The functions the destination lifecycle names, by name: the requirements,
 * the tests that pick a transition, and the updates. The compiled step and
 * the XState machine both take them from here.
 */
import type { Implementations } from "../lifecycle/compile.js";
import type { Args } from "../lifecycle/definition.js";
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
import type { DestinationTest, DestinationUpdate } from "./lifecycle.js";
import { failNotFound, hasAttemptsLeft, sendAgain, settleDoubt } from "./reconciled.js";
import { type DestinationRequirement, destinationRequirements } from "./requirements.js";
import { reportedLive } from "./rules.js";
import type { DestinationContext } from "./step.js";
import { publish, recordDuplicate } from "./success.js";
import type { Moved } from "./wait.js";

type On = Args<DestinationContext, DestinationEvent>;

/** The fact reports the post live on the platform (a success, or a look-up that found it). */
const reportsPostLive = ({ event }: On): boolean => reportedLive(event) !== undefined;

export const destinationImplementations: Implementations<
  DestinationContext,
  DestinationEvent,
  DestinationRequirement,
  DestinationTest,
  DestinationUpdate,
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
