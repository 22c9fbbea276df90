/**
 * Media the platform processes in a step of its own: Instagram's and
 * Threads' containers are created, processed, then published by a call of
 * their own; TikTok and YouTube process an upload after the call that
 * publishes it. The waiting is a status of its own (`processing_media`),
 * polled at the times the platform's guidance and per-token budget allow
 * (`poll_media`), never read as a failure: a container IN_PROGRESS is not an
 * error (postiz #1562), and only the publish call may have published
 * (postiz PR #1813), so only its timeout makes a destination unconfirmed.
 */

import type { Destination } from "../domain/destination.js";
import type { MediaStatusEvent } from "../domain/event.js";
import { canonicalInstant, instantAfter } from "../domain/instant.js";
import type { Instruction } from "../domain/instruction.js";
import { partlyPosted } from "../domain/thread.js";
import type { PublishError } from "../errors/publish-error.js";
import { changed, reshaped } from "../internal/changed.js";
import { type Args, ignored, rejected, rulesOf } from "../lifecycle/definition.js";
import { maxPollsOf, mediaProcessingOf, mediaStateOf } from "../platforms/media-processing.js";
import type { MediaState } from "../platforms/platform.js";
import { passedAt } from "./deadline-passed.js";
import type { DestinationEvent } from "./event.js";
import { awaitLookup, failForGood } from "./failure.js";
import { inWords } from "./internal/duration.js";
import { enqueueDelivery } from "./internal/instructions.js";
import { platformName } from "./internal/platform-name.js";
import type { DestinationContext } from "./step.js";
import { type Moved, moveTo } from "./wait.js";

type On = Args<DestinationContext, DestinationEvent>;

const requirement = rulesOf<DestinationContext, DestinationEvent>();

const stateOf = ({ context: { destination: d }, event }: On): MediaState =>
  mediaStateOf(d.platform, (event as MediaStatusEvent).status);

/** MEDIA_STATUS carries a word of the wait; a final word is a fact of its own. */
export const isWaitingWord = requirement<MediaStatusEvent>(
  (args) => {
    const state = stateOf(args);
    return state !== "live" && state !== "failed";
  },
  ["malformed_event"],
  ({ context: { destination: d }, event }) => {
    const state = mediaStateOf(d.platform, event.status);
    return rejected({
      reason: "malformed_event",
      message: `${event.status} is ${platformName(d)}'s word for a post that is ${state}: report it as ${state === "live" ? "DELIVERY_SUCCEEDED" : "DELIVERY_FAILED"} (mediaFact makes it)`,
    });
  },
);

/** While media is processed, a word about another container is about an earlier wait. */
export const isAwaitedContainer = requirement<MediaStatusEvent>(
  ({ context: { destination: d }, event }) => event.containerId === d.containerId,
  ["stale"],
  ({ context: { destination: d }, event }) =>
    ignored("stale", `${d.id} waits on container ${d.containerId}, not ${event.containerId}`),
);

/**
 * While media is processed, only the answer to the poll awaited is news: a
 * poll carried out twice, or the worker's first report again, polls again
 * once, not twice.
 */
export const answersPollAwaited = requirement<MediaStatusEvent>(
  ({ context: { destination: d }, event }) => event.poll === d.polls,
  ["duplicate", "stale"],
  ({ context: { destination: d }, event }) =>
    event.poll === undefined
      ? ignored(
          "stale",
          `${d.id} waits on poll ${d.polls}; a word that names no poll is the first report again`,
        )
      : ignored(
          event.poll < (d.polls ?? 0) ? "duplicate" : "stale",
          `${d.id} waits on the answer to poll ${d.polls}, not ${event.poll}`,
        ),
);

/**
 * The first word comes from the attempt that creates the container (one in
 * flight with none yet): the publish call of a ready container, and every
 * other status, waits on no media.
 */
export const awaitsMedia = requirement(
  ({ context: { destination: d } }) => d.status === "publishing" && d.containerId === undefined,
  ["stale"],
  ({ context: { destination: d } }) =>
    ignored(
      "stale",
      d.status === "publishing"
        ? `${d.id} is publishing ${d.containerId}: it waits on no media`
        : `${d.id} is ${d.status}: it waits on no media`,
    ),
);

/** Test: the container is processed and ready for its publish call. */
export const isReady = (args: On): boolean => stateOf(args) === "ready";

/** Test: the container expired before it was published (Instagram: 24 hours). */
export const hasExpired = (args: On): boolean => stateOf(args) === "expired";

/** Test: the container expired, and an attempt is left to create another (each creation counts). */
export const mayCreateAgain = (args: On): boolean =>
  hasExpired(args) && args.context.destination.attempts < args.context.retry.maxAttempts;

/** Test: the container expired with no attempt left, in a thread with live items. */
export const expiresPartway = (args: On): boolean =>
  hasExpired(args) && partlyPosted(args.context.destination);

/** Test: the platform processes media after the call that publishes it (TikTok, YouTube). */
export const publishedBeforeProcessing = ({ context: { destination: d } }: On): boolean =>
  mediaProcessingOf(d.platform).phase === "after_publish";

/**
 * When to poll next: the platform's first interval, doubled each poll up to
 * ten times it, never sooner than the platform asks, nor than the
 * per-token budget allows for one delivery.
 */
const nextPollAt = (d: Destination, polls: number, event: MediaStatusEvent): string => {
  const { pollEveryMs, budget } = mediaProcessingOf(d.platform);
  const wait = Math.max(
    Math.min(pollEveryMs * 2 ** Math.min(polls - 1, 10), 10 * pollEveryMs),
    event.retryAfterMs ?? 0,
    budget === undefined ? 0 : Math.ceil(budget.perMs / budget.requests),
  );
  return instantAfter(event.now, wait) ?? canonicalInstant(event.now);
};

const pollMedia = (ctx: DestinationContext, d: Destination, event: MediaStatusEvent) =>
  ({
    type: "poll_media",
    postId: ctx.postId,
    destinationId: d.id,
    platform: d.platform,
    accountId: d.accountId,
    idempotencyKey: d.idempotencyKey as string, // handed out: it has its key
    attempt: d.attempts,
    containerId: d.containerId as string,
    poll: d.polls as number,
    at: nextPollAt(d, d.polls as number, event),
  }) satisfies Instruction;

/** Still processing: the wait goes on (its deadline unchanged), and the platform is asked again. */
export const awaitMedia = ({ context: ctx, event }: On): Moved => {
  const d = ctx.destination;
  const fact = event as MediaStatusEvent;
  if (d.status === "processing_media") {
    const to = changed(d, { polls: (d.polls ?? 0) + 1 });
    // Past the most polls a wait asks, only its deadline ends it.
    const more = (d.polls ?? 0) < maxPollsOf(d.platform);
    return { destination: to, outbox: more ? [pollMedia(ctx, to, fact)] : [] };
  }
  const to: Destination = changed(d, {
    status: "processing_media" as const,
    containerId: fact.containerId,
    polls: 1,
  });
  const moved = moveTo(ctx, d, to, [], { now: fact.now });
  return { ...moved, outbox: [...moved.outbox, pollMedia(ctx, moved.destination, fact)] };
};

/** The container is ready: handed out for its publish call, the one step that may publish. */
export const publishContainer = ({ context: ctx, event }: On): Moved => {
  const d = ctx.destination;
  const fact = event as MediaStatusEvent;
  const to: Destination = reshaped(d, ["polls"], {
    status: "queued" as const,
    containerId: fact.containerId,
    handOuts: 1,
  });
  return moveTo(ctx, d, to, [enqueueDelivery(ctx, to)], { now: fact.now });
};

/** The container expired unpublished: nothing went out, so it is created again. */
export const createAgain = ({ context: ctx, event }: On): Moved => {
  const d = ctx.destination;
  const to: Destination = reshaped(d, ["polls", "containerId"], {
    status: "queued" as const,
    handOuts: 1,
  });
  return moveTo(ctx, d, to, [enqueueDelivery(ctx, to)], { now: (event as MediaStatusEvent).now });
};

/** Processing outlived its wait after the publish call: the post may be live, so it is looked up. */
export const timeOutProcessing = ({ context: ctx, event }: On): Moved => {
  const d = ctx.destination;
  const { now, passed } = passedAt(event);
  const error: PublishError = {
    code: "TIMEOUT_ERROR",
    message: `${platformName(d)} was still processing ${d.containerId} after ${inWords(mediaProcessingOf(d.platform).processingWithinMs)}: the post may be live`,
    retryable: true,
    outcomeUnknown: true,
    failedAt: now,
  };
  return awaitLookup(ctx, reshaped(d, ["polls"], {}), error, now, passed);
};

/** The container expired and no attempt is left to create another: failed, nothing published. */
export const failExpired = ({ context: ctx, event }: On): Moved => {
  const d = ctx.destination;
  const fact = event as MediaStatusEvent;
  const error: PublishError = {
    code: "WAIT_TOO_LONG",
    message: `${platformName(d)} let ${d.containerId} expire before it was published, after ${d.attempts} attempts: nothing was published`,
    retryable: false,
    failedAt: canonicalInstant(fact.now),
  };
  return failForGood(ctx, d, reshaped(d, ["polls", "containerId"], { error }), []);
};

/** A container never ready in the wait allowed: failed, nothing published (no publish call was made). */
export const failProcessing = ({ context: ctx, event }: On): Moved => {
  const d = ctx.destination;
  const { now, passed } = passedAt(event);
  const error: PublishError = {
    code: "WAIT_TOO_LONG",
    message: `${platformName(d)} did not finish processing ${d.containerId} within ${inWords(mediaProcessingOf(d.platform).processingWithinMs)}: nothing was published`,
    retryable: false,
    failedAt: now,
  };
  return failForGood(ctx, d, reshaped(d, ["polls", "containerId"], { error }), [], passed);
};
