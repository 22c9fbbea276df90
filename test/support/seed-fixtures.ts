/**
 * Fixtures for `test/seeds.test.ts`: a realistic three-platform post (the
 * Twitter/X, LinkedIn and Threads group of seed 001), event builders, and
 * helpers that unwrap a decision and fail loudly when it is not the expected kind.
 */
import { expect } from "vitest";
import {
  type Accepted,
  apply,
  type Decision,
  type Destination,
  type DestinationInput,
  type Instruction,
  type Post,
  type PostEvent,
  type PostInput,
  type PostStatus,
  type PublishError,
  type Rejection,
} from "../../src/index.js";
import { draftOf } from "./draft.js";

export const POST_ID = "pst_01HZX3K8Q4W7";

/** Twitter (X), LinkedIn and Threads accounts, as in seed 001's group. */
export const X: DestinationInput = { id: "d-x", platform: "x", accountId: "123456789" };
export const LINKEDIN: DestinationInput = {
  id: "d-li",
  platform: "linkedin",
  accountId: "urn:li:person:ABC123",
};
export const THREADS: DestinationInput = {
  id: "d-threads",
  platform: "threads",
  accountId: "17841412345678",
};

export const CONTENT = "Excited to share our new product launch! 🚀";

/** A draft going to X, LinkedIn and Threads (unless told otherwise). */
export const launchDraft = (overrides: Partial<PostInput> = {}): Post =>
  draftOf({ id: POST_ID, content: CONTENT, destinations: [X, LINKEDIN, THREADS], ...overrides });

/** Unwraps an accepted, not ignored, decision; fails the test with the rejection otherwise. */
export const accept = (decision: Decision): Accepted => {
  if (!decision.ok) {
    throw new Error(
      `expected the event to be accepted, got ${decision.rejection.reason}: ${decision.rejection.message}`,
    );
  }
  expect(decision.ignored, decision.message).toBeUndefined();
  return decision;
};

/** Unwraps a rejection; fails the test if the event was accepted. */
export const reject = (decision: Decision): Rejection => {
  if (decision.ok) {
    throw new Error(
      `expected a rejection, got status ${decision.post.status}${decision.ignored === undefined ? "" : ` (ignored: ${decision.ignored})`}`,
    );
  }
  return decision.rejection;
};

/** Applies every event in turn, each of which must be accepted. */
export const run = (post: Post, ...events: readonly PostEvent[]): Post =>
  events.reduce((p, e) => accept(apply(p, e)).post, post);

/** The destination with this id (fails the test when there is none). */
export const dest = (post: Post, id: string): Destination => {
  const found = post.destinations.find((d) => d.id === id);
  if (found === undefined) throw new Error(`post has no destination ${id}`);
  return found;
};

/** The outbox as short words: instruction types, webhooks with their event. */
export const kinds = (outbox: readonly Instruction[]): string[] =>
  outbox.map((i) => (i.type === "webhook" ? `webhook:${i.event}` : i.type));

/**
 * The outbox without its deadline bookkeeping (`arm_deadline`,
 * `disarm_deadline`): what a seed sentence speaks of. The deadlines are
 * proven on their own (test/deadlines.test.ts).
 */
export const withoutDeadlines = (outbox: readonly Instruction[]): Instruction[] =>
  outbox.filter((i) => i.type !== "arm_deadline" && i.type !== "disarm_deadline");

/** The instructions of one type, narrowed. */
export const ofType = <T extends Instruction["type"]>(
  outbox: readonly Instruction[],
  type: T,
): Extract<Instruction, { type: T }>[] =>
  outbox.filter((i): i is Extract<Instruction, { type: T }> => i.type === type);

/** A worker's start; after a first attempt it must name its attempt (one that does not is a late copy). */
export const started = (destinationId: string, now: string, attempt?: number): PostEvent => ({
  type: "DELIVERY_STARTED",
  destinationId,
  now,
  ...(attempt === undefined ? {} : { attempt }),
});

export const succeeded = (
  destinationId: string,
  platformPostId: string,
  now: string,
  platformUrl?: string,
): PostEvent => ({
  type: "DELIVERY_SUCCEEDED",
  destinationId,
  platformPostId,
  now,
  ...(platformUrl === undefined ? {} : { platformUrl }),
});

export const failed = (destinationId: string, error: PublishError, now: string): PostEvent => ({
  type: "DELIVERY_FAILED",
  destinationId,
  error,
  now,
});

/** A 5xx from the platform: retryable in seed 001's table. */
export const serverError: PublishError = {
  code: "PLATFORM_SERVER_ERROR",
  message: "Platform API returned 503 Service Unavailable",
  platformStatusCode: 503,
  platformError: "Service Unavailable",
  retryable: true,
};

/** Content the platform refused: not retryable in seed 001's table. */
export const invalidContent: PublishError = {
  code: "INVALID_CONTENT",
  message: "Content rejected by platform",
  platformStatusCode: 400,
  platformError: "Status is a duplicate.",
  retryable: false,
};

/** The day before launch: when people edit, schedule and publish. */
export const NOW = "2026-04-19T09:00:00.000Z";
/** The launch time (seed 002's reschedule example). */
export const AT = "2026-04-20T14:00:00.000Z";

const publishNow: PostEvent = { type: "PUBLISH", now: NOW };

/**
 * The launch post brought to `status` through `apply` alone (the status is
 * checked, so a fixture that no longer reaches it fails loudly).
 */
export const postIn = (status: PostStatus): Post => {
  const draft = launchDraft();
  const post = ((): Post => {
    switch (status) {
      case "draft":
        return draft;
      case "scheduled":
        return run(draft, { type: "SCHEDULE", at: AT, now: NOW });
      case "pending_approval":
        return run(launchDraft({ requiresApproval: true }), {
          type: "SUBMIT_FOR_APPROVAL",
          now: NOW,
        });
      case "queued":
        return run(draft, publishNow);
      case "publishing":
        return run(draft, publishNow, started("d-x", "2026-04-19T09:00:01.000Z"));
      case "published":
        return run(
          draft,
          publishNow,
          succeeded("d-x", "1780123456789012345", "2026-04-19T09:00:03.000Z"),
          succeeded("d-li", "urn:li:share:7654321", "2026-04-19T09:00:04.000Z"),
          succeeded("d-threads", "18054123456789012", "2026-04-19T09:00:05.000Z"),
        );
      case "partially_published":
        return run(
          draft,
          publishNow,
          succeeded("d-x", "1780123456789012345", "2026-04-19T09:00:03.000Z"),
          succeeded("d-li", "urn:li:share:7654321", "2026-04-19T09:00:04.000Z"),
          failed("d-threads", invalidContent, "2026-04-19T09:00:05.000Z"),
        );
      case "failed":
        return run(
          draft,
          publishNow,
          failed("d-x", invalidContent, "2026-04-19T09:00:03.000Z"),
          failed("d-li", invalidContent, "2026-04-19T09:00:04.000Z"),
          failed("d-threads", invalidContent, "2026-04-19T09:00:05.000Z"),
        );
      case "cancelled":
        return run(draft, publishNow, { type: "CANCEL" });
      case "deleted":
        return run(draft, { type: "DELETE" });
    }
  })();
  expect(post.status, `fixture for ${status}`).toBe(status);
  return post;
};
