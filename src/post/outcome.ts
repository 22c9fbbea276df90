import type { DestinationEvent } from "../destination/event.js";
import { type DestinationContext, type DestinationStep, stepJudged } from "../destination/step.js";
import type { Accepted, Decision, Rejected } from "../domain/decision.js";
import type { Destination } from "../domain/destination.js";
import type { PostEvent } from "../domain/event.js";
import type { Instruction, WebhookEvent } from "../domain/instruction.js";
import { countByStatus, type Post, type StatusCounts } from "../domain/post.js";
import type { DestinationStatus, PostStatus } from "../domain/status.js";
import { isVouched, vouch } from "../domain/vouched.js";
import { changed } from "../internal/changed.js";
import { groupStatus } from "../rules/aggregate.js";
import type { Problem } from "../rules/readiness.js";

/** A refusal of `event` by `post`, from a problem found by a rule. */
export const refuse = (post: Post, event: PostEvent, problem: Problem): Rejected => ({
  ok: false,
  rejection: changed(problem, { status: post.status, eventType: event.type }),
});

/** An event taken but ignored: the same post, nothing to do. */
export const ignore = (post: Post, kind: "duplicate" | "stale", message: string): Accepted => ({
  ok: true,
  post,
  outbox: [],
  ignored: kind,
  message,
});

const webhookOn: Partial<Record<PostStatus, WebhookEvent>> = {
  scheduled: "post.scheduled",
  published: "post.published",
  partially_published: "post.partially_published",
  failed: "post.failed",
  cancelled: "post.cancelled",
};

/**
 * The post-level webhook a change calls for: subscribers hear of every new
 * status they know a word for, and of every new time of a scheduled post.
 */
const postWebhook = (before: Post, post: Post): Instruction | undefined => {
  const moved = post.status === "scheduled" && post.scheduledAt !== before.scheduledAt;
  const event = post.status !== before.status || moved ? webhookOn[post.status] : undefined;
  if (event === undefined) return undefined;
  return {
    type: "webhook",
    event,
    postId: post.id,
    revision: post.revision,
    ...(event === "post.scheduled" && post.scheduledAt !== null ? { at: post.scheduledAt } : {}),
  };
};

/**
 * The next post: its destinations, status and counts settled together, so
 * the status shown is always the one the destinations give (`deleted` is the
 * only status a post holds on its own, and keeps). A post-level webhook
 * closes the outbox when subscribers have something to hear.
 */
export const settle = (
  before: Post,
  changes: Partial<Post> & { readonly destinations: readonly Destination[] },
  outbox: readonly Instruction[],
  made: {
    /** The one destination that moved, when only one did. */
    readonly moved?: {
      readonly from: DestinationStatus;
      readonly to: DestinationStatus;
      readonly destination: Destination;
    };
    /** The changes are a copy of a caller's data (an EDIT's): every part of them is new. */
    readonly copied?: boolean;
  } = {},
): Accepted => {
  const { moved } = made;
  // One destination moved: its post's counts move with it, and nothing else is counted again.
  const counts =
    moved === undefined ? countByStatus(changes.destinations) : recount(before.counts, moved);
  const status =
    changes.status === "deleted" || before.status === "deleted"
      ? "deleted"
      : groupStatus(counts, changes.destinations);
  const next: Post = { ...before, ...changes, status, counts };
  // A post postlife made gives one it vouches for: only what this change made is new.
  const post = !isVouched(before)
    ? next
    : made.copied === true
      ? vouch(next)
      : vouch(next, moved === undefined ? next.destinations : [moved.destination]);
  const hook = postWebhook(before, post);
  return { ok: true, post, outbox: hook === undefined ? outbox : [...outbox, hook] };
};

/** The counts once one destination moved from one status to another. */
const recount = (
  counts: StatusCounts,
  { from, to }: { readonly from: DestinationStatus; readonly to: DestinationStatus },
): StatusCounts =>
  from === to ? counts : { ...counts, [from]: counts[from] - 1, [to]: counts[to] + 1 };

/** The context a destination of `post` takes events in. */
export const contextOf = (post: Post, destination: Destination): DestinationContext => ({
  postId: post.id,
  revision: post.revision,
  // stepJudged fills the policy's defaults, once, for every path into a destination.
  retry: post.retry,
  destination,
});

/**
 * Sends `event` to the destinations `select` picks (the rest stay as they
 * are) and gathers their outboxes. Only events the destination table allows
 * are sent, so every step is accepted.
 */
export const stepAll = (
  post: Post,
  select: (d: Destination) => DestinationEvent | undefined,
): { destinations: Destination[]; outbox: Instruction[] } => {
  const destinations: Destination[] = [];
  const outbox: Instruction[] = [];
  for (const d of post.destinations) {
    const event = select(d);
    const step: DestinationStep | undefined =
      event === undefined ? undefined : stepJudged(contextOf(post, d), event);
    if (step?.kind === "accepted") {
      destinations.push(step.destination);
      outbox.push(...step.outbox);
    } else {
      destinations.push(d);
    }
  }
  return { destinations, outbox };
};

/** `true` when the decision changes the post (accepted and not ignored). */
export const takes = (decision: Decision): decision is Accepted =>
  decision.ok && decision.ignored === undefined;
