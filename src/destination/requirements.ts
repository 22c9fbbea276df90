/**
 * What a destination requires of an event before it changes anything, each
 * rule named once and used by name in the destination's lifecycle
 * (`lifecycle.ts`): the predicate is the machine's guard, and `apply` runs
 * the same one. A rule that does not hold says why: the event is stale
 * (about another delivery, attempt or deadline), a duplicate (already
 * recorded), or refused.
 */
import type {
  DeadlinePassedEvent,
  DeliveryFailedEvent,
  DeliveryStartedEvent,
  ReconciledEvent,
  RetryDueEvent,
} from "../domain/event.js";
import { instantMs } from "../domain/instant.js";
import { ignored, rejected, rulesOf } from "../lifecycle/definition.js";
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
import { cursorOf, isItemReached, itemNamed, namesNoItem } from "./thread.js";
import { armedJobKey } from "./wait.js";

const requirement = rulesOf<DestinationContext, DestinationEvent>();

const keyOf = (event: DestinationEvent): string | undefined =>
  "idempotencyKey" in event ? event.idempotencyKey : undefined;

/**
 * The fact concerns the delivery this destination follows. A report that the
 * post is live concerns it when it names no key, the current one, or an
 * earlier generation's (the platform is the truth, whichever delivery put it
 * there), and an item delivery has reached; any other fact only when it
 * names no key or the current one, and no item or the one being delivered.
 */
export const concernsThisDelivery = requirement(
  ({ context, event }) => {
    const d = context.destination;
    return reportedLive(event) !== undefined
      ? isOwnDelivery(context, keyOf(event)) &&
          isItemReached(d, itemNamed(event, d)) &&
          !namesNoItem(event, d)
      : !speaksOfAnotherDelivery(d, keyOf(event)) && itemNamed(event, d) === cursorOf(d);
  },
  ["stale"],
  ({ context, event }) => {
    const d = context.destination;
    const key = keyOf(event);
    const live = reportedLive(event) !== undefined;
    return ignored(
      "stale",
      live && !isOwnDelivery(context, key)
        ? `the report speaks of delivery ${key}, which postlife never gave ${d.id}`
        : !live && speaksOfAnotherDelivery(d, key)
          ? `${event.type} speaks of delivery ${key}; ${d.id} is now delivering as ${d.idempotencyKey}`
          : live && namesNoItem(event, d)
            ? `the report names no item of ${d.id}'s thread, whose first ${cursorOf(d)} are live: it could be about any of them`
            : `${event.type} speaks of item ${itemNamed(event, d)} of ${d.id}'s thread; delivery is at item ${cursorOf(d)}`,
    );
  },
);

/** Only a destination handed to delivery can be live on the platform: nothing of it was sent otherwise. */
export const wasSent = requirement(
  ({ context }) => wasHandedOut(context.destination),
  ["stale"],
  ({ context: { destination: d } }) =>
    ignored(
      "stale",
      `${d.id} is ${d.status} and was never handed to delivery: nothing of it was sent`,
    ),
);

/** The platform post reported is neither the one recorded nor a duplicate already known. */
export const isNewPlatformPost = requirement(
  ({ context, event }) => {
    const live = reportedLive(event);
    return live === undefined || !isKnownPost(context.destination, live);
  },
  ["duplicate"],
  ({ context: { destination: d }, event }) =>
    ignored("duplicate", `${d.id} already knows ${reportedLive(event)}`),
);

/**
 * A thread's report is news only when its post is not an item already
 * recorded live: a copy of the report of an item delivery has moved past.
 */
export const isNotItemRecorded = requirement(
  ({ context: { destination: d }, event }) => {
    const live = reportedLive(event);
    return live === undefined || !(d.items?.some((item) => item.platformPostId === live) ?? false);
  },
  ["stale"],
  ({ context: { destination: d }, event }) =>
    ignored(
      "stale",
      `${reportedLive(event)} is already recorded as an item of ${d.id}'s thread, which has moved past it`,
    ),
);

/** A look-up that found nothing is news only where one is awaited or the outcome is in doubt. */
export const awaitsLookUp = requirement(
  ({ context: { destination: d }, event }) =>
    reportedLive(event) !== undefined || d.status === "unconfirmed" || isOutcomeUnknown(d),
  ["stale"],
  ({ context: { destination: d } }) =>
    ignored("stale", `${d.id} is ${d.status}: nothing waits for a reconciliation`),
);

/**
 * A look-up answers for the attempt it was asked about: a late "not found"
 * about an earlier attempt (sent again since) says nothing about the one in
 * doubt. A post found is news whatever attempt it was asked about.
 */
export const answersAttemptInDoubt = requirement<ReconciledEvent>(
  ({ context: { destination: d }, event }) =>
    event.found !== null || event.attempt === undefined || event.attempt === d.attempts,
  ["stale"],
  ({ context: { destination: d }, event }) =>
    ignored(
      "stale",
      `the look-up of attempt ${event.attempt} of ${d.id} is not the one awaited (${d.attempts})`,
    ),
);

/** A start or failure of the attempt the queue hands out next, not a late copy of one concluded. */
export const isNextAttempt = requirement<DeliveryStartedEvent | DeliveryFailedEvent>(
  ({ context: { destination: d }, event }) => !isLateCopy(d, event.attempt),
  ["stale"],
  ({ context: { destination: d }, event }) =>
    ignored(
      "stale",
      event.type === "DELIVERY_FAILED"
        ? `the failure of attempt ${event.attempt ?? d.attempts} of ${d.id} was already handled`
        : event.attempt === undefined
          ? `a start that names no attempt is a late copy: ${d.id} has made ${d.attempts} attempts in generation ${d.generation}`
          : `attempt ${event.attempt} of ${d.id} has already concluded`,
    ),
);

/** Only a queued destination starts an attempt. */
export const canStart = requirement(
  ({ context: { destination: d } }) => d.status === "queued",
  ["stale"],
  ({ context: { destination: d } }) =>
    ignored("stale", `${d.id} is ${d.status}: no attempt can start`),
);

/** An attempt in flight has started: a second start of it is a duplicate, of another one stale. */
export const isNotInFlight = requirement<DeliveryStartedEvent>(
  ({ context: { destination: d } }) => d.status !== "publishing",
  ["duplicate", "stale"],
  ({ context: { destination: d }, event }) =>
    event.attempt === undefined || event.attempt === d.attempts
      ? ignored("duplicate", `attempt ${d.attempts} of ${d.id} has already started`)
      : ignored(
          "stale",
          `attempt ${event.attempt} of ${d.id} is not the one in flight (${d.attempts})`,
        ),
);

/** The fact names the attempt in flight, or none. */
export const isAttemptInFlight = requirement<DeliveryFailedEvent>(
  ({ context: { destination: d }, event }) =>
    event.attempt === undefined || event.attempt === d.attempts,
  ["stale"],
  ({ context: { destination: d }, event }) =>
    ignored(
      "stale",
      `attempt ${event.attempt} of ${d.id} is not the one in flight (${d.attempts})`,
    ),
);

/** A failure that names no attempt happened after the attempt in flight started, not before it. */
export const happenedDuringAttempt = requirement<DeliveryFailedEvent>(
  ({ context: { destination: d }, event }) =>
    event.attempt !== undefined || !happenedBeforeAttempt(d, occurredAt(event, errorOf(event, d))),
  ["stale"],
  ({ context: { destination: d }, event }) =>
    ignored(
      "stale",
      `the failure happened at ${occurredAt(event, errorOf(event, d))}, before attempt ${d.attempts} of ${d.id} started (${d.startedAt})`,
    ),
);

/** A failure report is news only while its attempt is out; after, it is the one recorded again, or old. */
export const isNewFailure = requirement<DeliveryFailedEvent>(
  // Only while an attempt is handed out or in flight; past it, a failure repeats or is old.
  ({ context: { destination: d } }) => d.status === "queued" || d.status === "publishing",
  ["duplicate", "stale"],
  ({ context: { destination: d }, event }) => {
    const error = errorOf(event, d);
    return isSameFailure(d, error, event.attempt)
      ? ignored("duplicate", `${d.id} already recorded ${error.code} for attempt ${d.attempts}`)
      : ignored("stale", `${d.id} is ${d.status}: this failure is not the one recorded`);
  },
);

/** A failure report where no failure applies any more (published, cancelled). */
export const failureApplies = requirement(
  ({ context: { destination: d } }) => d.status !== "published" && d.status !== "cancelled",
  ["stale"],
  ({ context: { destination: d } }) =>
    ignored("stale", `${d.id} is ${d.status}: a failure no longer applies`),
);

/** RETRY_DUE finds the destination waiting for a retry. */
export const isWaitingToRetry = requirement(
  ({ context: { destination: d } }) => d.status === "retrying",
  ["stale"],
  ({ context: { destination: d } }) =>
    ignored("stale", `${d.id} is ${d.status}: it is not waiting for a retry`),
);

/** A queued destination that made an attempt was re-queued by its retry: a second RETRY_DUE is a duplicate. */
export const isNotRequeued = requirement(
  ({ context: { destination: d } }) => d.status !== "queued",
  ["duplicate", "stale"],
  ({ context: { destination: d } }) =>
    d.attempts > 0
      ? ignored("duplicate", `${d.id} was already re-queued`)
      : ignored("stale", `${d.id} is ${d.status}: it is not waiting for a retry`),
);

/** The retry timer is the one armed: it names the next attempt, or none. */
export const isArmedRetry = requirement<RetryDueEvent>(
  ({ context: { destination: d }, event }) =>
    event.attempt === undefined || event.attempt === d.attempts + 1,
  ["stale"],
  ({ event }) =>
    ignored("stale", `the retry timer of attempt ${event.attempt} is not the one armed`),
);

/** The retry's time has come; a timer that fires early is refused, saying from when. */
export const isRetryDue = requirement<RetryDueEvent>(
  ({ context: { destination: d }, event }) =>
    d.nextRetryAt === undefined || instantMs(event.now) >= instantMs(d.nextRetryAt),
  ["too_early"],
  ({ context: { destination: d } }) => {
    const due = d.nextRetryAt as string;
    return rejected({
      reason: "too_early",
      message: `${d.id} retries at ${due}; RETRY_DUE is accepted from then`,
      acceptedFrom: due,
    });
  },
);

/** The deadline is the one the destination waits on now. */
export const isArmedDeadline = requirement<DeadlinePassedEvent>(
  ({ context: { destination: d }, event }) => armedJobKey(d) === event.jobKey,
  ["stale"],
  ({ context: { destination: d }, event }) => {
    const armed = armedJobKey(d);
    return ignored(
      "stale",
      armed === undefined
        ? `${d.id} is ${d.status}: it waits under no deadline`
        : `${event.jobKey} is not the deadline ${d.id} waits on (${armed})`,
    );
  },
);

/** The deadline's time has come; a timer that fires early is refused, saying from when. */
export const isDeadlineDue = requirement<DeadlinePassedEvent>(
  ({ context: { destination: d }, event }) =>
    instantMs(event.now) >= instantMs(d.deadlineAt as string),
  ["too_early"],
  ({ context: { destination: d } }) => {
    const at = d.deadlineAt as string;
    return rejected({
      reason: "too_early",
      message: `${d.id}'s deadline is ${at}; DEADLINE_PASSED is accepted from then`,
      acceptedFrom: at,
    });
  },
);

/**
 * A failed destination whose request may have reached the platform is never
 * sent again until a look-up answers (RECONCILED).
 */
export const isOutcomeKnown = requirement(
  ({ context }) => !isOutcomeUnknown(context.destination),
  ["outcome_unknown"],
  ({ context: { destination: d } }) =>
    rejected({
      reason: "outcome_unknown",
      message: `${d.id}'s last attempt may have reached the platform: look it up and answer RECONCILED before it is sent again`,
    }),
);
