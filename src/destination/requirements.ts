/**
 * What a destination requires of an event before it changes anything, each
 * rule named once and used by name in the destination's lifecycle
 * (`lifecycle.ts`), by the machine's guards and by `apply`. A rule that fails
 * says why: the event is stale (about another delivery, attempt or deadline),
 * a duplicate (already recorded), or refused.
 */
import type {
  DeadlinePassedEvent,
  DeliveryFailedEvent,
  DeliveryStartedEvent,
  ReconciledEvent,
  RetryDueEvent,
} from "../domain/event.js";
import { instantMs } from "../domain/instant.js";
import { ignored, rejected, rule } from "../lifecycle/definition.js";
import type { DestinationEvent } from "./event.js";
import {
  errorOf,
  happenedBeforeAttempt,
  isKnownPost,
  isLateCopy,
  isOutcomeUnknown,
  isOwnDelivery,
  isSameFailure,
  occurredAt,
  reportedLive,
  speaksOfAnotherDelivery,
  wasHandedOut,
} from "./rules.js";
import type { DestinationContext } from "./step.js";
import { armedJobKey } from "./wait.js";

type Requirement = ReturnType<typeof rule<DestinationContext, DestinationEvent>>;
const requirement = rule<DestinationContext, DestinationEvent>;

const keyOf = (event: DestinationEvent): string | undefined =>
  "idempotencyKey" in event ? event.idempotencyKey : undefined;

/**
 * The fact concerns the delivery this destination follows. A report that the
 * post is live concerns it when it names no key, the current one, or an
 * earlier generation's (the platform is the truth, whichever delivery put it
 * there); any other fact only when it names no key or the current one.
 */
export const concernsThisDelivery: Requirement = requirement(["stale"], (ctx, event) => {
  const d = ctx.destination;
  const key = keyOf(event);
  if (reportedLive(event) !== undefined) {
    return isOwnDelivery(ctx, key)
      ? undefined
      : ignored("stale", `the report speaks of delivery ${key}, which postlife never gave ${d.id}`);
  }
  return speaksOfAnotherDelivery(d, key)
    ? ignored(
        "stale",
        `${event.type} speaks of delivery ${key}; ${d.id} is now delivering as ${d.idempotencyKey}`,
      )
    : undefined;
});

/** Only a destination handed to delivery can be live on the platform: nothing of it was sent otherwise. */
export const wasSent: Requirement = requirement(["stale"], ({ destination: d }) =>
  wasHandedOut(d)
    ? undefined
    : ignored(
        "stale",
        `${d.id} is ${d.status} and was never handed to delivery: nothing of it was sent`,
      ),
);

/** A report of a platform post that is neither the one recorded nor a duplicate already known. */
export const isNewPlatformPost: Requirement = requirement(
  ["duplicate"],
  ({ destination: d }, event) => {
    const live = reportedLive(event);
    return live !== undefined && isKnownPost(d, live)
      ? ignored("duplicate", `${d.id} already knows ${live}`)
      : undefined;
  },
);

/** A look-up that found nothing is news only where one is awaited or the outcome is in doubt. */
export const awaitsLookUp: Requirement = requirement(["stale"], ({ destination: d }, event) =>
  reportedLive(event) !== undefined || d.status === "unconfirmed" || isOutcomeUnknown(d)
    ? undefined
    : ignored("stale", `${d.id} is ${d.status}: nothing waits for a reconciliation`),
);

/**
 * A look-up answers for the attempt it was asked about: a late "not found"
 * about an earlier attempt (sent again since) says nothing about the one in
 * doubt. A post found is news whatever attempt it was asked about.
 */
export const answersAttemptInDoubt: Requirement = requirement(
  ["stale"],
  ({ destination: d }, event) => {
    const fact = event as ReconciledEvent;
    return fact.found !== null || fact.attempt === undefined || fact.attempt === d.attempts
      ? undefined
      : ignored(
          "stale",
          `the look-up of attempt ${fact.attempt} of ${d.id} is not the one awaited (${d.attempts})`,
        );
  },
);

/**
 * A start or failure of the attempt the queue hands out next, not a late copy
 * of one already concluded.
 */
export const isNextAttempt: Requirement = requirement(["stale"], ({ destination: d }, event) => {
  const fact = event as DeliveryStartedEvent | DeliveryFailedEvent;
  if (!isLateCopy(d, fact.attempt)) return undefined;
  if (fact.type === "DELIVERY_FAILED") {
    return ignored(
      "stale",
      `the failure of attempt ${fact.attempt ?? d.attempts} of ${d.id} was already handled`,
    );
  }
  return ignored(
    "stale",
    fact.attempt === undefined
      ? `a start that names no attempt is a late copy: ${d.id} has made ${d.attempts} attempts in generation ${d.generation}`
      : `attempt ${fact.attempt} of ${d.id} has already concluded`,
  );
});

/** Only a queued destination starts an attempt; a second start of the one in flight is a duplicate. */
export const canStart: Requirement = requirement(
  ["duplicate", "stale"],
  ({ destination: d }, event) => {
    const fact = event as DeliveryStartedEvent;
    if (d.status === "queued") return undefined;
    if (d.status !== "publishing")
      return ignored("stale", `${d.id} is ${d.status}: no attempt can start`);
    return fact.attempt === undefined || fact.attempt === d.attempts
      ? ignored("duplicate", `attempt ${d.attempts} of ${d.id} has already started`)
      : ignored(
          "stale",
          `attempt ${fact.attempt} of ${d.id} is not the one in flight (${d.attempts})`,
        );
  },
);

/** The fact names the attempt in flight, or none. */
export const isAttemptInFlight: Requirement = requirement(
  ["stale"],
  ({ destination: d }, event) => {
    const fact = event as DeliveryFailedEvent;
    return fact.attempt === undefined || fact.attempt === d.attempts
      ? undefined
      : ignored(
          "stale",
          `attempt ${fact.attempt} of ${d.id} is not the one in flight (${d.attempts})`,
        );
  },
);

/** A failure that names no attempt happened after the attempt in flight started, not before it. */
export const happenedDuringAttempt: Requirement = requirement(
  ["stale"],
  ({ destination: d }, event) => {
    const fact = event as DeliveryFailedEvent;
    if (fact.attempt !== undefined) return undefined;
    const at = occurredAt(fact, errorOf(fact, d));
    return happenedBeforeAttempt(d, at)
      ? ignored(
          "stale",
          `the failure happened at ${at}, before attempt ${d.attempts} of ${d.id} started (${d.startedAt})`,
        )
      : undefined;
  },
);

/** A failure report for a destination past its attempt: the one recorded again, or old news. */
export const isNewFailure: Requirement = requirement(
  ["duplicate", "stale"],
  ({ destination: d }, event) => {
    const fact = event as DeliveryFailedEvent;
    const error = errorOf(fact, d);
    return isSameFailure(d, error, fact.attempt)
      ? ignored("duplicate", `${d.id} already recorded ${error.code} for attempt ${d.attempts}`)
      : ignored("stale", `${d.id} is ${d.status}: this failure is not the one recorded`);
  },
);

/** A failure report where no failure can apply any more (published, cancelled). */
export const failureApplies: Requirement = requirement(["stale"], ({ destination: d }) =>
  ignored("stale", `${d.id} is ${d.status}: a failure no longer applies`),
);

/** RETRY_DUE finds the destination waiting for that retry; a second one after it was re-queued is a duplicate. */
export const isWaitingToRetry: Requirement = requirement(
  ["duplicate", "stale"],
  ({ destination: d }) => {
    if (d.status === "retrying") return undefined;
    return d.status === "queued" && d.attempts > 0
      ? ignored("duplicate", `${d.id} was already re-queued`)
      : ignored("stale", `${d.id} is ${d.status}: it is not waiting for a retry`);
  },
);

/** The retry timer is the one armed: it names the next attempt, or none. */
export const isArmedRetry: Requirement = requirement(["stale"], ({ destination: d }, event) => {
  const fact = event as RetryDueEvent;
  return fact.attempt === undefined || fact.attempt === d.attempts + 1
    ? undefined
    : ignored("stale", `the retry timer of attempt ${fact.attempt} is not the one armed`);
});

/** The retry's time has come; a timer that fires early is refused, saying from when. */
export const isRetryDue: Requirement = requirement(["too_early"], ({ destination: d }, event) => {
  const now = (event as RetryDueEvent).now;
  const due = d.nextRetryAt ?? now;
  return instantMs(now) < instantMs(due)
    ? rejected({
        reason: "too_early",
        message: `${d.id} retries at ${due}; RETRY_DUE is accepted from then`,
        acceptedFrom: due,
      })
    : undefined;
});

/** The deadline is the one the destination waits on now. */
export const isArmedDeadline: Requirement = requirement(["stale"], ({ destination: d }, event) => {
  const fact = event as DeadlinePassedEvent;
  const armed = armedJobKey(d);
  if (armed === fact.jobKey) return undefined;
  return ignored(
    "stale",
    armed === undefined
      ? `${d.id} is ${d.status}: it waits under no deadline`
      : `${fact.jobKey} is not the deadline ${d.id} waits on (${armed})`,
  );
});

/** The deadline's time has come; a timer that fires early is refused, saying from when. */
export const isDeadlineDue: Requirement = requirement(
  ["too_early"],
  ({ destination: d }, event) => {
    const at = d.deadlineAt as string;
    return instantMs((event as DeadlinePassedEvent).now) < instantMs(at)
      ? rejected({
          reason: "too_early",
          message: `${d.id}'s deadline is ${at}; DEADLINE_PASSED is accepted from then`,
          acceptedFrom: at,
        })
      : undefined;
  },
);

/**
 * A failed destination whose request may have reached the platform is never
 * sent again until a look-up answers (RECONCILED).
 */
export const isOutcomeKnown: Requirement = requirement(["outcome_unknown"], ({ destination: d }) =>
  isOutcomeUnknown(d)
    ? rejected({
        reason: "outcome_unknown",
        message: `${d.id}'s last attempt may have reached the platform: look it up and answer RECONCILED before it is sent again`,
      })
    : undefined,
);

/** The destination requirements, by name. */
export const destinationRequirements = {
  concernsThisDelivery,
  wasSent,
  isNewPlatformPost,
  awaitsLookUp,
  answersAttemptInDoubt,
  isNextAttempt,
  canStart,
  isAttemptInFlight,
  happenedDuringAttempt,
  isNewFailure,
  failureApplies,
  isWaitingToRetry,
  isArmedRetry,
  isRetryDue,
  isArmedDeadline,
  isDeadlineDue,
  isOutcomeKnown,
} as const;

/** The name of a destination requirement. */
export type DestinationRequirement = keyof typeof destinationRequirements;
