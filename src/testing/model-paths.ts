/**
 * Model paths: for each status, the shortest sequence of events that brings
 * a post (or a destination) there, found by `xstate/graph` walking the real
 * machines. A service tests its own handlers for every state with them.
 */
import { getShortestPaths } from "xstate/graph";
import type { DestinationEvent } from "../destination/event.js";
import { type DestinationContext, stepDestination } from "../destination/step.js";
import type { Destination } from "../domain/destination.js";
import type { PostEvent } from "../domain/event.js";
import type { Post, PostInput } from "../domain/post.js";
import {
  type DestinationStatus,
  destinationStatuses,
  type PostStatus,
  postStatuses,
} from "../domain/status.js";
import { defaultRetryPolicy } from "../errors/retry-policy.js";
import { destinationMachine } from "../machines/destination.machine.js";
import { postMachine } from "../machines/post.machine.js";
import { apply } from "../post/apply.js";
import { createPost } from "../post/create.js";
import { acceptedEvents } from "./accepted-events.js";
import { destinationCommands, factsFor } from "./alphabet.js";

/**
 * The post `postPaths` starts from when none is given: a post to X and
 * LinkedIn, two attempts each.
 *
 * @example
 * ```ts
 * import { defaultModelInput } from "postlife/testing";
 * defaultModelInput.destinations.length; // 2
 * ```
 * @since 0.1.0
 */
export const defaultModelInput: PostInput = {
  id: "post-1",
  content: "Hello from postlife",
  destinations: [
    { id: "d-x", platform: "x", accountId: "acct-x" },
    { id: "d-linkedin", platform: "linkedin", accountId: "acct-linkedin" },
  ],
  retry: { maxAttempts: 2 },
};

/**
 * A shortest way to a status: the events, in order, and the post (or
 * destination) they lead to.
 *
 * @example
 * ```ts
 * import type { Post, PostEvent } from "postlife";
 * import type { ModelPath } from "postlife/testing";
 * const describe = (path: ModelPath<Post, PostEvent>) => path.events.map((e) => e.type).join(" → ");
 * ```
 * @since 0.1.0
 */
export interface ModelPath<Value, Event> {
  readonly events: readonly Event[];
  readonly value: Value;
}

/** What decides where a post can go next: its status and its destinations'. */
const postKey = (post: Post): string =>
  `${post.status}|${post.destinations.map((d) => `${d.status}/${d.attempts}`).join(",")}`;

/**
 * The shortest of `paths` to each status, in `statuses`' order, with the
 * value its events lead to. The value is found by replaying the events, not
 * read from the graph: xstate/graph keeps one snapshot per serialized key,
 * and another path may have reached that key first with other details
 * (a later `scheduledAt`, another platform post id).
 */
const shortestByStatus = <Value, Event, Status extends string>(
  paths: readonly { steps: readonly { event: unknown }[]; state: { value: unknown } }[],
  statuses: readonly Status[],
  replay: (events: readonly Event[]) => Value,
): ReadonlyMap<Status, ModelPath<Value, Event>> => {
  const best = new Map<Status, readonly Event[]>();
  for (const path of paths) {
    const status = String(path.state.value) as Status;
    const events = path.steps.slice(1).map((s) => s.event) as Event[];
    const known = best.get(status);
    if (known === undefined || events.length < known.length) best.set(status, events);
  }
  return new Map(
    statuses.flatMap((status) => {
      const events = best.get(status);
      return events === undefined ? [] : [[status, { events, value: replay(events) }] as const];
    }),
  );
};

const postCache = new Map<string, ReadonlyMap<PostStatus, ModelPath<Post, PostEvent>>>();

/**
 * For each post status, a shortest path to it from a new post: xstate/graph
 * walks `postMachine` through the events the post takes at each step
 * (`acceptedEvents`). Every status is reached, from the default input and
 * from any other (where one destination is not enough, the path begins
 * with an EDIT that adds one). Computed once per input and kept: the
 * default input's walk takes seconds (about ten on a busy two-core machine),
 * so call it inside a test, never when a test file is loaded. Empty for an
 * input `createPost` refuses: there is no post to start from.
 *
 * @example
 * ```ts
 * import { postPaths } from "postlife/testing";
 * const toPartial = postPaths().get("partially_published");
 * toPartial?.events.map((e) => e.type); // ["PUBLISH", "DELIVERY_SUCCEEDED", "CANCEL"]
 * ```
 * @since 0.1.0
 */
export const postPaths = (
  input: PostInput = defaultModelInput,
): ReadonlyMap<PostStatus, ModelPath<Post, PostEvent>> => {
  const created = createPost(input);
  if (!created.ok) return new Map();
  const start = created.post;
  // An input createPost takes is plain JSON (it refuses any field it does not know).
  const cacheKey = JSON.stringify(input);
  const cached = postCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const paths = getShortestPaths(postMachine, {
    input,
    events: (snapshot) => [...acceptedEvents(snapshot.context)],
    serializeState: (snapshot) => postKey(snapshot.context),
  });
  const shortest = shortestByStatus<Post, PostEvent, PostStatus>(paths, postStatuses, (events) =>
    events.reduce((post, event) => {
      const decision = apply(post, event);
      return decision.ok ? decision.post : post;
    }, start),
  );
  postCache.set(cacheKey, shortest);
  return shortest;
};

/**
 * For each destination status, a shortest path to it from a new (draft)
 * destination: xstate/graph walks `destinationMachine` through what a post
 * tells its destinations and every delivery fact. Three attempts, so that
 * retrying, unconfirmed and failed-after-retries are all on the map.
 *
 * @example
 * ```ts
 * import { destinationPaths } from "postlife/testing";
 * destinationPaths().get("unconfirmed")?.events.map((e) => e.type); // ["ENQUEUE", "DELIVERY_FAILED"]
 * ```
 * @since 0.1.0
 */
export const destinationPaths = (): ReadonlyMap<
  DestinationStatus,
  ModelPath<Destination, DestinationEvent>
> => {
  if (destinationCache !== undefined) return destinationCache;
  // A thread of two items: its paths reach what a single post does, and a thread stopped part-way.
  const start: Destination = {
    id: "d-x",
    platform: "x",
    accountId: "acct-x",
    postType: "post",
    thread: ["More in a reply"],
    status: "draft",
    attempts: 0,
    generation: 0,
  };
  const context: DestinationContext = {
    postId: "post-1",
    revision: 0,
    retry: defaultRetryPolicy,
    destination: start,
  };
  const paths = getShortestPaths(destinationMachine, {
    input: { postId: "post-1", destination: start },
    events: (snapshot) => [
      ...destinationCommands(snapshot.context.destination),
      ...factsFor(snapshot.context.destination),
    ],
    serializeState: ({ context: { destination: d } }) =>
      `${d.status}|${d.attempts}|${Math.min(d.generation, 1)}|${d.error?.code ?? ""}|${d.items?.map((i) => i.status).join() ?? ""}`,
  });
  destinationCache = shortestByStatus<Destination, DestinationEvent, DestinationStatus>(
    paths,
    destinationStatuses,
    (events) =>
      events.reduce((destination, event) => {
        const step = stepDestination({ ...context, destination }, event);
        return step.kind === "accepted" ? step.destination : destination;
      }, start),
  );
  return destinationCache;
};

let destinationCache:
  | ReadonlyMap<DestinationStatus, ModelPath<Destination, DestinationEvent>>
  | undefined;
