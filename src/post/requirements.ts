/**
 * What a post requires of a command or fact before it changes anything, each
 * rule named once and used by name in the post's lifecycle (`lifecycle.ts`):
 * the predicate is the machine's guard, and `apply` runs the same one. A rule
 * that does not hold says why, as a typed rejection or an ignore.
 */

import {
  isCancellable,
  isOutcomeUnknown,
  isRetryable,
  mayBeLive,
  stoppedByFailure,
} from "../destination/rules.js";
import { destinationRefusal as refusalOf } from "../destination/step.js";
import type { Destination } from "../domain/destination.js";
import type {
  DeliveryFact,
  DueEvent,
  EditEvent,
  PostEvent,
  ScheduleEvent,
} from "../domain/event.js";
import { canonicalInstant, instantMs } from "../domain/instant.js";
import type { Post } from "../domain/post.js";
import { changed } from "../internal/changed.js";
import { type Args, ignored, rejected, rulesOf } from "../lifecycle/definition.js";
import { contentProblem } from "../rules/preflight.js";
import type { Problem } from "../rules/readiness.js";
import { destinationsProblem, edited, fieldProblem, timeProblem } from "./edit.js";
import { destinationOf } from "./lookup.js";
import { contextOf } from "./outcome.js";

type On<E extends PostEvent = PostEvent> = Args<Post, E>;
const requirement = rulesOf<Post, PostEvent>();
/** The post as the event would leave it, for the rules that judge the result (content, times). */
const intended = ({ context: post, event }: On): Post =>
  event.type === "SCHEDULE"
    ? { ...post, scheduledAt: canonicalInstant(event.at) }
    : event.type === "EDIT"
      ? edited(post, event)
      : post;

/** A post that requires approval leaves the draft only through a reviewer's APPROVE. */
export const needsNoApproval = requirement(
  ({ context: post }) => !post.requiresApproval,
  ["approval_required"],
  () =>
    rejected({
      reason: "approval_required",
      message:
        "this post requires approval: SUBMIT_FOR_APPROVAL, and a reviewer's APPROVE schedules or queues it",
    }),
);

/** A post leaves the draft with at least one destination. */
export const hasDestinations = requirement(
  ({ context: post }) => post.destinations.length > 0,
  ["no_destinations"],
  () =>
    rejected({
      reason: "no_destinations",
      message: "add at least one destination before the post leaves the draft",
      path: "destinations",
    }),
);

/** The index of the first destination whose id an earlier one has, or -1. */
const firstRepeatedId = (destinations: readonly Destination[]): number => {
  const seen = new Set<string>();
  for (const [i, d] of destinations.entries()) {
    if (seen.has(d.id)) return i;
    seen.add(d.id);
  }
  return -1;
};

/** Every destination has an id of its own (an EDIT may have made two share one). */
export const hasUniqueDestinationIds = requirement(
  ({ context: post }) => firstRepeatedId(post.destinations) < 0,
  ["duplicate_destination"],
  ({ context: post }) => {
    const i = firstRepeatedId(post.destinations);
    const id = post.destinations[i]?.id as string;
    return rejected({
      reason: "duplicate_destination",
      message: `two destinations have the id "${id}"`,
      path: `destinations[${i}].id`,
      destinationId: id,
    });
  },
);

/** The planned time is after now. */
export const isInFuture = requirement<ScheduleEvent>(
  ({ event }) => instantMs(event.at) > instantMs(event.now),
  ["schedule_in_past"],
  ({ event }) =>
    rejected({
      reason: "schedule_in_past",
      message: `${event.at} is not after now (${event.now}): schedule a time ahead, or PUBLISH now`,
      path: "at",
    }),
);

/** The content, as the event would leave it, keeps every platform's rules. */
export const contentFits = requirement(
  (args) => contentProblem(intended(args)) === undefined,
  ["content_invalid"],
  (args) => rejected(contentProblem(intended(args)) as Problem),
);

/** An EDIT changes only fields that may change in the post's status. */
export const changesOnlyEditableFields = requirement<EditEvent>(
  ({ context: post, event }) => fieldProblem(post, event) === undefined,
  ["field_not_editable"],
  ({ context: post, event }) => rejected(fieldProblem(post, event) as Problem),
);

/** An EDIT of the destinations keeps their ids apart and each one's platform, account and type. */
export const editsDestinationsInPlace = requirement<EditEvent>(
  ({ context: post, event }) => destinationsProblem(post, event) === undefined,
  ["duplicate_destination", "field_not_editable"],
  ({ context: post, event }) => rejected(destinationsProblem(post, event) as Problem),
);

/** An EDIT of a scheduled post keeps a time, after now. */
export const keepsAValidTime = requirement<EditEvent>(
  ({ context: post, event }) => timeProblem(post, event) === undefined,
  ["field_not_editable", "malformed_event", "schedule_in_past"],
  ({ context: post, event }) => rejected(timeProblem(post, event) as Problem),
);

/** A scheduled post keeps at least one destination. */
export const keepsADestination = requirement<EditEvent>(
  ({ event }) => event.changes.destinations === undefined || event.changes.destinations.length > 0,
  ["no_destinations"],
  () =>
    rejected({
      reason: "no_destinations",
      message: "a scheduled post keeps at least one destination (DELETE or UNSCHEDULE it instead)",
      path: "changes.destinations",
    }),
);

/** DUE is for the revision the job was armed for: an edit since re-armed it. */
export const isArmedRevision = requirement<DueEvent>(
  ({ context: post, event }) => event.revision === undefined || event.revision === post.revision,
  ["stale"],
  ({ context: post, event }) =>
    ignored(
      "stale",
      `the job was armed for revision ${event.revision}; the post is at revision ${post.revision}`,
    ),
);

/** The scheduled time has come; a job that fires early is refused, saying from when. */
export const isDue = requirement<DueEvent>(
  ({ context: post, event }) =>
    post.scheduledAt === null || instantMs(event.now) >= instantMs(post.scheduledAt),
  ["too_early"],
  ({ context: post }) => {
    const at = post.scheduledAt as string;
    return rejected({
      reason: "too_early",
      message: `the post is scheduled for ${at}; DUE is accepted from then`,
      acceptedFrom: at,
    });
  },
);

/** Only a scheduled post waits for its time: DUE anywhere else is a job that outlived its post's schedule. */
export const awaitsItsTime = requirement(
  ({ context: post }) => post.status === "scheduled",
  ["stale"],
  ({ context: post, event }) =>
    ignored("stale", `a ${post.status} post no longer takes ${event.type}`),
);

/** Something waits to be cancelled: a destination not yet in flight. */
export const hasCancellable = requirement(
  ({ context: post }) => post.destinations.some(isCancellable),
  ["nothing_to_cancel"],
  () =>
    rejected({
      reason: "nothing_to_cancel",
      message: "every destination is in flight or done: nothing waits to be cancelled",
    }),
);

/** Nothing of the post is published, or may be: only then can it be deleted. */
export const nothingMayBeLive = requirement(
  ({ context: post }) => !post.destinations.some(mayBeLive),
  ["delivery_under_way"],
  ({ context: post }) => {
    const busy = post.destinations.find(mayBeLive) as Destination;
    return rejected({
      reason: "delivery_under_way",
      message: `${busy.id} is ${busy.status}${busy.status === "failed" ? " with its outcome unknown" : ""}: a post that is published, or may be, cannot be deleted`,
      destinationId: busy.id,
    });
  },
);

/** Some destination has failed. */
export const hasFailed = requirement(
  ({ context: post }) => post.destinations.some(stoppedByFailure),
  ["nothing_to_retry"],
  () => rejected({ reason: "nothing_to_retry", message: "no destination has failed" }),
);

/** Some failed destination is known not to be live: it may be sent again. */
export const isSafeToRetry = requirement(
  ({ context: post }) => post.destinations.some(isRetryable),
  ["outcome_unknown"],
  ({ context: post }) => {
    const unknown = post.destinations.find(isOutcomeUnknown) as Destination;
    return rejected({
      reason: "outcome_unknown",
      message: `${unknown.id} may be live on ${unknown.platform} (no look-up answered): check, and answer RECONCILED, before it is sent again`,
      destinationId: unknown.id,
    });
  },
);

/** The fact names a destination of the post. */
export const isKnownDestination = requirement<DeliveryFact>(
  ({ context: post, event }) => destinationOf(post, event.destinationId) !== undefined,
  ["unknown_destination"],
  ({ context: post, event }) =>
    rejected({
      reason: "unknown_destination",
      message: `the post has no destination "${event.destinationId}" (it has ${post.destinations.map((d) => d.id).join(", ") || "none"})`,
      path: "destinationId",
      destinationId: event.destinationId,
    }),
);

/** The destination the fact names takes it, by its own lifecycle's rules. */
export const destinationTakes = requirement<DeliveryFact>(
  ({ context: post, event }) => destinationRefusal(post, event) === undefined,
  [],
  ({ context: post, event }) => {
    const refusal = destinationRefusal(post, event);
    if (refusal === undefined || refusal.kind === "ignored") return refusal as never;
    return rejected(changed(refusal.problem, { destinationId: event.destinationId }));
  },
);

const destinationRefusal = (post: Post, fact: DeliveryFact) => {
  const d = destinationOf(post, fact.destinationId) as Destination;
  return refusalOf(contextOf(post, d), fact);
};
