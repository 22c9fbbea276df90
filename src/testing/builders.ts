/**
 * Builders that read like the domain, for a service's tests: `aPost()` to
 * describe a post, `postIn(status)` for a real post in any status. Every post
 * they give was produced by `apply` from real events. A builder's `build()`
 * that cannot get there throws, with postlife's own reason: it is an
 * assertion inside a test. `postIn` answers `undefined` instead.
 */
import type { Decision } from "../domain/decision.js";
import type { DestinationInput } from "../domain/destination.js";
import type { PostEvent } from "../domain/event.js";
import { formatInstant, instantMs } from "../domain/instant.js";
import type { Media } from "../domain/media.js";
import type { Post, PostInput } from "../domain/post.js";
import type { PostStatus } from "../domain/status.js";
import type { RetryPolicy } from "../errors/retry-policy.js";
import { apply } from "../post/apply.js";
import { createPost } from "../post/create.js";
import { postPaths } from "./model-paths.js";

const DAY = 86_400_000;

/** Applies `events` in order; throws with postlife's reason at the first refusal. */
const drive = (post: Post, events: readonly PostEvent[]): Post =>
  events.reduce((current, event) => {
    const decision: Decision = apply(current, event);
    if (!decision.ok) {
      throw new Error(
        `postlife refused ${event.type} on a ${current.status} post: ${decision.rejection.reason}: ${decision.rejection.message}`,
      );
    }
    return decision.post;
  }, post);

/**
 * A post under construction: each method returns a new builder, `build()`
 * gives the post. `build()` throws, with postlife's own reason, when
 * `createPost` refuses the input or `apply` an event on the way: it is an
 * assertion inside a test, where a throw is the failure you want to read.
 *
 * @example
 * ```ts
 * import { aPost } from "postlife/testing";
 * const post = aPost().to("x", "linkedin").withContent("Launch day").scheduledFor("2026-04-20T14:00:00Z").build();
 * post.status; // "scheduled"
 * ```
 * @since 0.1.0
 */
export interface PostBuilder {
  /** The post's id (default "post-1"). */
  withId(id: string): PostBuilder;
  /** The post's text (default "Hello from postlife"). */
  withContent(content: string): PostBuilder;
  /** One destination per platform, ids `d-<platform>`, accounts `acct-<platform>`. */
  to(...platforms: readonly string[]): PostBuilder;
  /** One destination, named in full. */
  toDestination(destination: DestinationInput): PostBuilder;
  /** Media items attached to the post, after those it has. */
  withMedia(...media: readonly Media[]): PostBuilder;
  /** The post must be approved before it is scheduled or published. */
  requiringApproval(): PostBuilder;
  /** The retry policy, over the default's fields (e.g. `{ maxAttempts: 5 }`). */
  withRetry(retry: Partial<RetryPolicy>): PostBuilder;
  /** Scheduled for `at` (a day before it is `now`, unless given); approved first when it must be. */
  scheduledFor(at: string, options?: { readonly now?: string }): PostBuilder;
  /** What `createPost` is given. */
  input(): PostInput;
  /** The events `build()` applies after `createPost`. */
  events(): readonly PostEvent[];
  /** The post: created, then driven through `events()`; throws with postlife's reason at a refusal. */
  build(): Post;
}

interface Draft {
  readonly input: PostInput;
  readonly schedule?: { readonly at: string; readonly now: string };
}

const builder = (draft: Draft): PostBuilder => {
  const withInput = (changes: Partial<PostInput>): PostBuilder =>
    builder({ ...draft, input: { ...draft.input, ...changes } });
  const events = (): readonly PostEvent[] => {
    const s = draft.schedule;
    if (s === undefined) return [];
    return draft.input.requiresApproval === true
      ? [
          { type: "EDIT", changes: { scheduledAt: s.at } },
          { type: "SUBMIT_FOR_APPROVAL", now: s.now },
          { type: "APPROVE", now: s.now },
        ]
      : [{ type: "SCHEDULE", at: s.at, now: s.now }];
  };
  return {
    withId: (id) => withInput({ id }),
    withContent: (content) => withInput({ content }),
    to: (...platforms) =>
      withInput({
        destinations: [
          ...draft.input.destinations,
          ...platforms.map((platform) => ({
            id: `d-${platform}`,
            platform,
            accountId: `acct-${platform}`,
          })),
        ],
      }),
    toDestination: (destination) =>
      withInput({ destinations: [...draft.input.destinations, destination] }),
    withMedia: (...media) => withInput({ media: [...(draft.input.media ?? []), ...media] }),
    requiringApproval: () => withInput({ requiresApproval: true }),
    withRetry: (retry) => withInput({ retry: { ...draft.input.retry, ...retry } }),
    scheduledFor: (at, options = {}) =>
      builder({
        ...draft,
        schedule: { at, now: options.now ?? formatInstant(instantMs(at) - DAY) },
      }),
    input: () => draft.input,
    events,
    build: () => {
      const created = createPost(draft.input);
      if (!created.ok) {
        throw new Error(
          `postlife refused the post's input: ${created.rejection.reason}: ${created.rejection.message}`,
        );
      }
      return drive(created.post, events());
    },
  };
};

/**
 * A post to describe in the domain's words: nothing but an id and a text
 * until you say where it goes. Its `build()` throws when postlife refuses
 * what it describes (see `PostBuilder`): it is meant for tests.
 *
 * @example
 * ```ts
 * import { aPost } from "postlife/testing";
 * const draft = aPost().to("x").build();
 * draft.destinations[0]?.platform; // "x"
 * ```
 * @since 0.1.0
 */
export const aPost = (): PostBuilder =>
  builder({ input: { id: "post-1", content: "Hello from postlife", destinations: [] } });

/**
 * A real post in `status`, reached from `input` (the default: X and
 * LinkedIn, `defaultModelInput`) by a shortest path of real events, with
 * that path, so a test can show how it got there.
 *
 * From the default input every status is reached, so `postIn(status)` is
 * typed to always answer. With an input, `undefined` when no path of
 * accepted events reaches the status from it (a post with no destination
 * never leaves the draft) or when `createPost` refuses the input. A value
 * that is not a status is reached by no path: `undefined` too.
 *
 * @example
 * ```ts
 * import { postIn } from "postlife/testing";
 * const { post, path } = postIn("partially_published");
 * post.status; // "partially_published"
 * path.map((e) => e.type); // ["PUBLISH", "DELIVERY_SUCCEEDED", "CANCEL"]
 *
 * const bare = { id: "p", content: "", destinations: [] };
 * postIn("scheduled", bare); // undefined: nothing to schedule
 * postIn("draft", bare)?.post.status; // "draft"
 * ```
 * @since 0.1.0
 */
export const postIn = ((
  status: PostStatus,
  input?: PostInput,
): { readonly post: Post; readonly path: readonly PostEvent[] } | undefined => {
  const path = postPaths(input).get(status);
  return path === undefined ? undefined : { post: path.value, path: path.events };
}) as {
  // From the default input every status has a path (test/testing-kit.test.ts proves it).
  (status: PostStatus): { readonly post: Post; readonly path: readonly PostEvent[] };
  (
    status: PostStatus,
    input: PostInput,
  ): { readonly post: Post; readonly path: readonly PostEvent[] } | undefined;
};
