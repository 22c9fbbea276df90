/**
 * fast-check arbitraries of postlife values for a service's own tests: posts
 * in any reachable state (reached through real events, never assembled),
 * events and delivery facts for a given post, histories, raw platform
 * failures. fast-check is an optional peer dependency of postlife: install it
 * to use `postlife/testing`.
 */
import fc from "fast-check";
import type { Decision } from "../domain/decision.js";
import type { DestinationInput } from "../domain/destination.js";
import type { DeliveryFact, PostEvent } from "../domain/event.js";
import { formatInstant, instantMs } from "../domain/instant.js";
import type { Post, PostInput } from "../domain/post.js";
import { postStatuses } from "../domain/status.js";
import type { RawFailure } from "../errors/publish-error.js";
import { transportErrors } from "../errors/transport.js";
import { platforms } from "../platforms/registry.js";
import { apply } from "../post/apply.js";
import { createPost } from "../post/create.js";
import { acceptedEvents } from "./accepted-events.js";
import { eventsFor, factsFor, LATER, NOW } from "./alphabet.js";
import { postIn } from "./builders.js";
import { isPost, isRecord } from "./internal/shape.js";

const platformIds = ["x", "linkedin", "threads", "instagram", "bluesky"] as const;

/**
 * Destinations as a caller names them: a few ids (one with ":" and "/" in
 * it), the common platforms, with or without a post type and text of their own.
 *
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { destinationInputArbitrary } from "postlife/testing";
 * fc.sample(destinationInputArbitrary, 1); // random, e.g. [{ id: "d-x", platform: "threads", accountId: "acct-1", … }]
 * ```
 * @since 0.1.0
 */
export const destinationInputArbitrary: fc.Arbitrary<DestinationInput> = fc.record(
  {
    id: fc.constantFrom("d-x", "d-li", "d-th", "d-ig", "d:odd/id"),
    platform: fc.constantFrom(...platformIds),
    accountId: fc.constantFrom("acct-1", "urn:li:person:42"),
    postType: fc.constantFrom("post", "thread"),
    content: fc.constantFrom("Per-platform text", "🚀 launch"),
  },
  { requiredKeys: ["id", "platform", "accountId"], noNullPrototype: true },
);

/**
 * What `createPost` takes: zero to three destinations with unique ids,
 * content (empty included), approval or not, one to four attempts.
 *
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { createPost } from "postlife";
 * import { postInputArbitrary } from "postlife/testing";
 * fc.assert(fc.property(postInputArbitrary, (input) => createPost(input).ok));
 * ```
 * @since 0.1.0
 */
export const postInputArbitrary: fc.Arbitrary<PostInput> = fc.record(
  {
    id: fc.constantFrom("post-1", "post:2", "p"),
    content: fc.constantFrom("Hello world", "We launched! 🚀", ""),
    destinations: fc.uniqueArray(destinationInputArbitrary, {
      minLength: 0,
      maxLength: 3,
      selector: (d) => d.id,
    }),
    requiresApproval: fc.boolean(),
    scheduledAt: fc.constant(LATER),
    retry: fc.record({ maxAttempts: fc.integer({ min: 1, max: 4 }) }, { noNullPrototype: true }),
  },
  { requiredKeys: ["id", "content", "destinations"], noNullPrototype: true },
);

/**
 * One event given to a post, and what `apply` decided.
 *
 * @example
 * ```ts
 * import type { Step } from "postlife/testing";
 * const taken = (steps: readonly Step[]) => steps.filter((s) => s.decision.ok);
 * ```
 * @since 0.1.0
 */
export interface Step {
  readonly before: Post;
  readonly event: PostEvent;
  readonly decision: Decision;
}

/**
 * A post's history: what it was created from, every event given to it with
 * what `apply` decided (refusals and ignores included), and where it ended.
 *
 * @example
 * ```ts
 * import type { History } from "postlife/testing";
 * const outboxes = (h: History) => h.steps.flatMap((s) => (s.decision.ok ? s.decision.outbox : []));
 * ```
 * @since 0.1.0
 */
export interface History {
  readonly input: PostInput;
  readonly steps: readonly Step[];
  readonly post: Post;
}

/**
 * The event named for a value that is not a post, whose alphabet is empty: a
 * command every post's alphabet holds, which `apply` refuses for such a value
 * as `invalid_post`, like any other.
 */
const forNoPost: PostEvent = { type: "PUBLISH", now: NOW };

/**
 * The event a choice names for a post: an index into its alphabet
 * (`eventsFor`), so that a sequence of numbers becomes events that fit the
 * post as it evolves. A choice that is not a finite number names the first
 * event; a value that is not a post (its alphabet is empty) gets
 * `{ type: "PUBLISH", now: NOW }`, which `apply` refuses for it as
 * `invalid_post`.
 *
 * @example
 * ```ts
 * import { aPost, eventAt } from "postlife/testing";
 * eventAt(aPost().build(), 0).type; // "EDIT"
 * ```
 * @since 0.1.0
 */
export const eventAt = (post: Post, choice: number): PostEvent => {
  const alphabet = eventsFor(post);
  if (alphabet.length === 0) return forNoPost;
  const index =
    typeof choice === "number" && Number.isFinite(choice)
      ? Math.abs(Math.trunc(choice)) % alphabet.length
      : 0;
  return alphabet[index] as PostEvent;
};

/** Runs `choices` from `post`, the draft `createPost` made of `input`. */
const historyFrom = (input: PostInput, post: Post, choices: readonly number[]): History => {
  let current = post;
  const steps: Step[] = [];
  for (const choice of choices) {
    const event = eventAt(current, choice);
    const decision = apply(current, event);
    steps.push({ before: current, event, decision });
    if (decision.ok) current = decision.post;
  }
  return { input, steps, post: current };
};

/**
 * Runs `choices` (see `eventAt`) from the draft `createPost` makes of
 * `input`: the whole history. `undefined` when `createPost` refuses the input
 * (there is no post to run them on); `choices` that are not an array are
 * none.
 *
 * @example
 * ```ts
 * import { replay } from "postlife/testing";
 * const history = replay({ id: "p", content: "hi", destinations: [{ id: "d", platform: "x", accountId: "a" }] }, [12, 3, 40]);
 * history?.post.status;
 * replay({ id: "", content: "hi", destinations: [] }, [12]); // undefined: the id is empty
 * ```
 * @since 0.1.0
 */
export const replay = (input: PostInput, choices: readonly number[]): History | undefined => {
  const created = createPost(input);
  if (!created.ok) return undefined;
  return historyFrom(input, created.post, Array.isArray(choices) ? choices : []);
};

/** The most events `historyArbitrary` runs, whatever `maxEvents` asks. */
const mostEvents = 1000;

/** A fast-check arbitrary, told by its methods (a second copy of fast-check has another class). */
const isArbitrary = (value: unknown): value is fc.Arbitrary<unknown> =>
  value instanceof fc.Arbitrary ||
  (isRecord(value) &&
    typeof value.generate === "function" &&
    typeof value.shrink === "function" &&
    typeof value.canShrinkWithoutContext === "function");

/**
 * Histories of up to `maxEvents` events (40 by default) from any post input:
 * most events fit the post they meet, every refusal stays reachable, and
 * fast-check shrinks a failing history to a short one.
 *
 * Options that are not usable are ignored: `maxEvents` is a whole number
 * from 1 to 1,000 (40 otherwise), and `input` an arbitrary
 * (`postInputArbitrary` otherwise). Inputs `createPost` refuses are skipped,
 * as `filter` skips them: an `input` that gives nothing else never ends.
 *
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { historyArbitrary } from "postlife/testing";
 * fc.assert(
 *   fc.property(historyArbitrary(), (h) =>
 *     h.steps.every((s) => !s.decision.ok || s.decision.post.revision >= s.before.revision),
 *   ),
 * );
 * ```
 * @since 0.1.0
 */
export const historyArbitrary = (
  options: { readonly maxEvents?: number; readonly input?: fc.Arbitrary<PostInput> } = {},
): fc.Arbitrary<History> => {
  const given = isRecord(options) ? options : {};
  const inputs = isArbitrary(given.input)
    ? (given.input as fc.Arbitrary<PostInput>)
    : postInputArbitrary;
  const maxEvents =
    Number.isSafeInteger(given.maxEvents) && (given.maxEvents as number) >= 1
      ? Math.min(given.maxEvents as number, mostEvents)
      : 40;
  return fc
    .tuple(
      inputs.filter((input) => createPost(input).ok),
      fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: maxEvents }),
    )
    .map(([input, choices]) => replay(input, choices) as History); // createPost takes it: filtered
};

/**
 * Moves `post` forward by `choices`: each picks an event type among those
 * the post takes now, then one of its accepted events of that type (types
 * first, so that the many variants of EDIT do not crowd out the rest).
 */
const advance = (post: Post, choices: readonly number[]): Post => {
  let current = post;
  for (const choice of choices) {
    const accepted = acceptedEvents(current);
    const types = [...new Set(accepted.map((e) => e.type))];
    if (types.length === 0) break;
    const type = types[choice % types.length];
    const ofType = accepted.filter((e) => e.type === type);
    const decision = apply(
      current,
      ofType[Math.floor(choice / types.length) % ofType.length] as PostEvent,
    );
    if (decision.ok) current = decision.post;
  }
  return current;
};

/**
 * Posts in any reachable state, each one a post `apply` really produced
 * (the machine runs `apply`), never an impossible value assembled by hand.
 * Three in four start from a status chosen uniformly, reached by its model
 * path (`postPaths`), and take up to three more accepted events; the rest
 * are where a random history of a random input ended. So every status comes up often
 * (a random history alone mostly stays in draft or ends deleted), and a
 * failing post shrinks towards a draft.
 *
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { statusOf } from "postlife";
 * import { reachablePostArbitrary } from "postlife/testing";
 * fc.assert(fc.property(reachablePostArbitrary, (post) => statusOf(post) === post.status));
 * ```
 * @since 0.1.0
 */
export const reachablePostArbitrary: fc.Arbitrary<Post> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...postStatuses), fc.array(fc.nat(), { maxLength: 3 }))
      .map(([status, choices]) => advance(postIn(status).post, choices)),
  },
  { weight: 1, arbitrary: historyArbitrary().map((h) => h.post) },
);

/**
 * Any event of `post`'s alphabet: commands and facts that fit it, refusals
 * included. For a value that is not a post (its alphabet is empty), always
 * `{ type: "PUBLISH", now: NOW }`, which `apply` refuses for it as
 * `invalid_post`.
 *
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { apply } from "postlife";
 * import { eventArbitrary, reachablePostArbitrary } from "postlife/testing";
 * const withEvent = reachablePostArbitrary.chain((post) => eventArbitrary(post).map((event) => ({ post, event })));
 * fc.assert(fc.property(withEvent, ({ post, event }) => typeof apply(post, event).ok === "boolean"));
 * ```
 * @since 0.1.0
 */
export const eventArbitrary = (post: Post): fc.Arbitrary<PostEvent> => {
  const alphabet = eventsFor(post);
  return alphabet.length === 0 ? fc.constant(forNoPost) : fc.constantFrom(...alphabet);
};

/**
 * Delivery facts for `post`'s destinations as workers and webhooks send
 * them: every variant of every fact, so duplicates, stale facts from older
 * attempts and foreign deliveries, early retries and late successes all
 * come up. A post with no destinations, or a value that is not a post, gets
 * the one fact about a destination nobody has (`destinationId: "nowhere"`).
 *
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { apply } from "postlife";
 * import { aPost, deliveryFactArbitrary } from "postlife/testing";
 * const queued = apply(aPost().to("x").build(), { type: "PUBLISH", now: "2026-04-20T12:00:00Z" });
 * if (queued.ok) fc.sample(deliveryFactArbitrary(queued.post), 3);
 * ```
 * @since 0.1.0
 */
export const deliveryFactArbitrary = (post: Post): fc.Arbitrary<DeliveryFact> => {
  const facts = (
    isPost(post) ? post.destinations.flatMap((d) => factsFor(d)) : []
  ) as DeliveryFact[];
  return facts.length === 0
    ? fc.constant({ type: "DELIVERY_STARTED", destinationId: "nowhere", now: NOW })
    : fc.constantFrom(...facts);
};

const signalsOf = (platform: (typeof platforms)[number]) => {
  const e = platform.errors;
  return [
    ...Object.keys(e.subcodes ?? {}).map((subcode) => ({ subcode: Number(subcode) })),
    ...Object.keys(e.codes ?? {}).map((code) => ({
      code: /^\d+$/.test(code) ? Number(code) : code,
    })),
    ...(e.messages ?? []).map(([phrase]) => ({ message: `The platform said: ${phrase}.` })),
    ...Object.keys(e.statuses ?? {}).map((status) => ({ httpStatus: Number(status) })),
  ];
};

/**
 * Raw failures as workers see them, for every platform postlife knows: one
 * of the platform's own signals (sub-code, code, message, status) or a
 * transport error, an HTTP status, sometimes a Retry-After, and when it
 * happened. Feed them to `classifyFailure` or to `DELIVERY_FAILED { failure }`.
 *
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { classifyFailure, errorCodeTable } from "postlife";
 * import { rawFailureArbitrary } from "postlife/testing";
 * fc.assert(fc.property(rawFailureArbitrary, (raw) => classifyFailure(raw).code in errorCodeTable));
 * ```
 * @since 0.1.0
 */
export const rawFailureArbitrary: fc.Arbitrary<RawFailure> = fc
  .constantFrom(...platforms)
  .chain((platform) =>
    fc.record(
      {
        platform: fc.constantFrom(platform.id, ...platform.aliases),
        httpStatus: fc.constantFrom(400, 401, 403, 404, 413, 422, 429, 500, 502, 503, 504),
        signal: fc.constantFrom(...signalsOf(platform), {}),
        transportError: fc.constantFrom(...Object.keys(transportErrors)),
        requestSent: fc.boolean(),
        retryAfter: fc.integer({ min: 1, max: 3600 }),
        offsetMs: fc.integer({ min: 0, max: 86_400_000 }),
      },
      { requiredKeys: ["platform", "signal", "offsetMs"] },
    ),
  )
  .map(({ platform, httpStatus, signal, transportError, requestSent, retryAfter, offsetMs }) => ({
    platform,
    ...(transportError === undefined || httpStatus !== undefined
      ? { ...(httpStatus === undefined ? {} : { httpStatus }), ...signal }
      : { transportError, ...(requestSent === undefined ? {} : { requestSent }) }),
    ...(retryAfter === undefined ? {} : { headers: { "Retry-After": String(retryAfter) } }),
    at: formatInstant(instantMs(NOW) + offsetMs),
  }));
