/**
 * A finite alphabet of events for a given post: every kind of command and
 * fact, in the variants that reach each outcome the spec tables list
 * (accepted, each rejection reason, duplicate, stale). postlife's own
 * exploration and model-based tests draw from it, so what it can say bounds
 * what they prove; a service's tests can draw from it the same way.
 */
import type { DestinationEvent } from "../destination/event.js";
import { cursorOf } from "../destination/thread.js";
import { armedJobKey } from "../destination/wait.js";
import type { Destination } from "../domain/destination.js";
import type { PostEvent } from "../domain/event.js";
import { itemKey, keyItem } from "../domain/idempotency.js";
import { instantAfter } from "../domain/instant.js";
import type { Post } from "../domain/post.js";
import { errorCodeRow, errorCodeTable, type PublishError } from "../errors/publish-error.js";
import { textOf } from "../internal/text-of.js";
import { isDestination, isPost, isRecord } from "./internal/shape.js";

/**
 * The instant the alphabet's events happen at: 2026-04-20T12:00:00.000Z.
 *
 * @example
 * ```ts
 * import { NOW } from "postlife/testing";
 * NOW; // "2026-04-20T12:00:00.000Z"
 * ```
 * @since 0.1.0
 */
export const NOW = "2026-04-20T12:00:00.000Z";

/**
 * An hour after `NOW`: the time the alphabet schedules posts for.
 *
 * @example
 * ```ts
 * import { LATER } from "postlife/testing";
 * LATER; // "2026-04-20T13:00:00.000Z"
 * ```
 * @since 0.1.0
 */
export const LATER = "2026-04-20T13:00:00.000Z";

/**
 * An hour before `NOW`: a time that is already past.
 *
 * @example
 * ```ts
 * import { PAST } from "postlife/testing";
 * PAST; // "2026-04-20T11:00:00.000Z"
 * ```
 * @since 0.1.0
 */
export const PAST = "2026-04-20T11:00:00.000Z";

/**
 * `iso` moved by `ms`; a stored time that is not an instant stays as it is,
 * so that the event carrying it is refused for it rather than never built.
 */
const shift = (iso: string, ms: number): string => instantAfter(iso, ms) ?? iso;

/**
 * A PostPost error object for one of postlife's codes, with the table's
 * description and retryable flag; `extra` adds or overrides fields.
 *
 * Total: a code postlife does not know keeps its text and takes
 * `UNKNOWN_ERROR`'s description and flag (as `wireCode` writes it); a code
 * that is not a string is written as text without calling its own
 * `toString` (`{ toString: 1 }` gives `"[object Object]"`); an `extra` that
 * is not an object adds nothing.
 *
 * @example
 * ```ts
 * import { failure } from "postlife/testing";
 * failure("RATE_LIMITED", { retryAfterMs: 60_000 }); // { code: "RATE_LIMITED", retryable: true, retryAfterMs: 60000, … }
 * ```
 * @since 0.1.0
 */
export const failure = (
  code: keyof typeof errorCodeTable,
  extra: Partial<PublishError> = {},
): PublishError => {
  const text = textOf(code);
  const row = errorCodeRow(text) ?? errorCodeTable.UNKNOWN_ERROR;
  return {
    code: text,
    message: row.description,
    retryable: row.retryable,
    ...(isRecord(extra) ? extra : {}),
  };
};

/**
 * Every delivery fact one destination could be told, in every variant that
 * matters: started, succeeded (the same platform id and another), failed
 * (retryable, with a retry-after, permanent, expired token, outcome unknown,
 * for this attempt and an old one), retry due (on time and early),
 * reconciled (found, not found), and each once more from a foreign delivery.
 * Empty for a value that is not a destination (a corrupted row): there is
 * nothing to tell it.
 *
 * @example
 * ```ts
 * import { aPost, factsFor } from "postlife/testing";
 * const [d] = aPost().to("x").build().destinations;
 * factsFor(d!).map((f) => f.type); // ["DELIVERY_STARTED", "DELIVERY_STARTED", "DELIVERY_SUCCEEDED", …]
 * ```
 * @since 0.1.0
 */
export const factsFor = (d: Destination): DestinationEvent[] => {
  if (!isDestination(d)) return [];
  const id = d.id;
  const facts: DestinationEvent[] = [
    { type: "DELIVERY_STARTED", destinationId: id, now: NOW },
    { type: "DELIVERY_STARTED", destinationId: id, now: NOW, attempt: Math.max(1, d.attempts) },
    { type: "DELIVERY_SUCCEEDED", destinationId: id, platformPostId: `pp-${id}`, now: NOW },
    {
      type: "DELIVERY_SUCCEEDED",
      destinationId: id,
      platformPostId: `other-${id}`,
      platformUrl: "https://example.com/p",
      now: NOW,
    },
    { type: "DELIVERY_FAILED", destinationId: id, error: failure("TIMEOUT_ERROR"), now: NOW },
    {
      type: "DELIVERY_FAILED",
      destinationId: id,
      error: failure("RATE_LIMITED", { retryAfterMs: 60_000 }),
      now: NOW,
    },
    { type: "DELIVERY_FAILED", destinationId: id, error: failure("INVALID_CONTENT"), now: NOW },
    {
      type: "DELIVERY_FAILED",
      destinationId: id,
      error: failure("PLATFORM_AUTH_EXPIRED", { platformStatusCode: 401 }),
      now: NOW,
    },
    {
      type: "DELIVERY_FAILED",
      destinationId: id,
      error: failure("TIMEOUT_ERROR", { outcomeUnknown: true }),
      now: NOW,
    },
    {
      type: "DELIVERY_FAILED",
      destinationId: id,
      error: failure("TIMEOUT_ERROR"),
      now: NOW,
      attempt: d.attempts + 1,
    },
    {
      type: "DELIVERY_FAILED",
      destinationId: id,
      error: failure("NETWORK_ERROR"),
      now: NOW,
      attempt: Math.max(1, d.attempts - 1),
    },
    { type: "RETRY_DUE", destinationId: id, now: d.nextRetryAt ?? NOW },
    { type: "RETRY_DUE", destinationId: id, now: shift(d.nextRetryAt ?? NOW, -1) },
    { type: "RETRY_DUE", destinationId: id, now: d.nextRetryAt ?? NOW, attempt: d.attempts + 7 },
    { type: "RECONCILED", destinationId: id, found: { platformPostId: `pp-${id}` }, now: NOW },
    { type: "RECONCILED", destinationId: id, found: { platformPostId: `other-${id}` }, now: NOW },
    { type: "RECONCILED", destinationId: id, found: null, now: NOW },
    // A failure that happened an hour before the attempt in flight started (a late webhook).
    {
      type: "DELIVERY_FAILED",
      destinationId: id,
      error: failure("PLATFORM_SERVER_ERROR", { failedAt: PAST }),
      now: NOW,
    },
  ];
  // Each fact once more, as a worker of another revision or generation would send it.
  const foreign = facts
    .filter((f, i) => facts.findIndex((g) => g.type === f.type) === i)
    .map((f) => ({ ...f, idempotencyKey: "another-delivery" }));
  // A success and a look-up's find reported under the key of the generation before a manual retry.
  const earlier = earlierKey(d);
  const earlierReports: DestinationEvent[] =
    earlier === undefined
      ? []
      : [
          {
            type: "DELIVERY_SUCCEEDED",
            destinationId: id,
            platformPostId: `pp-${id}`,
            idempotencyKey: earlier,
            now: NOW,
          },
          {
            type: "RECONCILED",
            destinationId: id,
            found: { platformPostId: `pp-${id}` },
            idempotencyKey: earlier,
            now: NOW,
          },
        ];
  // The deadline armed for the wait the destination is in: on time, early, and one since replaced.
  const jobKey = armedJobKey(d) ?? `${d.idempotencyKey ?? id}:start:1:1`;
  const at = d.deadlineAt ?? NOW;
  const deadlines: DestinationEvent[] = [
    { type: "DEADLINE_PASSED", destinationId: id, jobKey, now: at },
    { type: "DEADLINE_PASSED", destinationId: id, jobKey, now: shift(at, -1) },
    { type: "DEADLINE_PASSED", destinationId: id, jobKey: `${jobKey}:replaced`, now: at },
  ];
  return [
    ...facts,
    ...foreign,
    ...earlierReports,
    ...deadlines,
    ...threadFacts(d),
    ...mediaFacts(d),
  ];
};

/**
 * How the platform's processing of the media stands, in the words most APIs
 * share: each state of the wait, a final word (sent as MEDIA_STATUS by
 * mistake), a word about another container, and one of another delivery.
 */
const mediaFacts = (d: Destination): DestinationEvent[] => {
  const containerId = typeof d.containerId === "string" ? d.containerId : `c-${d.id}`;
  const words = ["IN_PROGRESS", "FINISHED", "EXPIRED", "PUBLISHED"];
  return [
    ...words.map(
      (status): DestinationEvent => ({
        type: "MEDIA_STATUS",
        destinationId: d.id,
        containerId,
        status,
        now: NOW,
      }),
    ),
    {
      type: "MEDIA_STATUS",
      destinationId: d.id,
      containerId: "c-other",
      status: "IN_PROGRESS",
      now: NOW,
    },
    // The answers to the poll awaited, and to the one before it again.
    ...[d.polls, (d.polls ?? 1) - 1].flatMap((poll): DestinationEvent[] =>
      typeof poll !== "number" || !Number.isSafeInteger(poll) || poll < 1
        ? []
        : ["IN_PROGRESS", "FINISHED", "EXPIRED", "PUBLISHED"].map((status) => ({
            type: "MEDIA_STATUS",
            destinationId: d.id,
            containerId,
            status,
            poll,
            now: NOW,
          })),
    ),
    {
      type: "MEDIA_STATUS",
      destinationId: d.id,
      containerId,
      status: "IN_PROGRESS",
      idempotencyKey: "another-delivery",
      now: NOW,
    },
  ];
};

/**
 * For a thread: reports that name their item, as a thread's worker sends
 * them: the item being delivered live, the one before it again (the same
 * post, and a second one), and an item delivery has not reached.
 */
const threadFacts = (d: Destination): DestinationEvent[] => {
  if (!Array.isArray(d.items)) return [];
  const id = d.id;
  const k = cursorOf(d);
  const live = (item: number, platformPostId: string): DestinationEvent[] => [
    { type: "DELIVERY_SUCCEEDED", destinationId: id, item, platformPostId, now: NOW },
    { type: "RECONCILED", destinationId: id, item, found: { platformPostId }, now: NOW },
  ];
  const before = d.items[k - 1]?.platformPostId;
  return [
    ...live(k, `pp-${id}-${k}`),
    ...(before === undefined ? [] : [...live(k - 1, before), ...live(k - 1, `again-${id}`)]),
    { type: "DELIVERY_STARTED", destinationId: id, item: k + 1, now: NOW },
  ];
};

/** The key of the generation before this one, for a destination retried by hand. */
const earlierKey = (d: Destination): string | undefined => {
  if (d.idempotencyKey === undefined || d.generation === 0) return undefined;
  const { key, item } = keyItem(d.idempotencyKey);
  return itemKey(`${key.slice(0, key.lastIndexOf(":"))}:${d.generation - 1}`, item);
};

/**
 * The events a post tells its destinations, as `destinationMachine` and
 * `stepDestination` take them. Empty for a value that is not a destination.
 *
 * @example
 * ```ts
 * import { aPost, destinationCommands } from "postlife/testing";
 * const [d] = aPost().to("x").build().destinations;
 * destinationCommands(d!).map((e) => e.type); // ["SUBMIT_FOR_APPROVAL", "SCHEDULE", "RETURN_TO_DRAFT", "ENQUEUE", "CANCEL", "RETRY_FAILED"]
 * ```
 * @since 0.1.0
 */
export const destinationCommands = (d: Destination): DestinationEvent[] =>
  isDestination(d)
    ? [
        { type: "SUBMIT_FOR_APPROVAL" },
        { type: "SCHEDULE" },
        { type: "RETURN_TO_DRAFT" },
        { type: "ENQUEUE", idempotencyKey: `k-${d.id}-${d.generation}`, now: NOW },
        { type: "CANCEL" },
        { type: "RETRY_FAILED", idempotencyKey: `k-${d.id}-${d.generation + 1}`, now: NOW },
      ]
    : [];

/**
 * Every event of the alphabet for `post`: each command in the variants that
 * reach each outcome (accepted and every refusal), and every delivery fact
 * for each of its destinations and for one it does not have. Use it to drive
 * a post through everything that can happen to it. Empty for a value that is
 * not a post (`checkPost` finds a problem with it): `apply` refuses every
 * event for it as `invalid_post`, so no event tells it anything.
 *
 * @example
 * ```ts
 * import { apply } from "postlife";
 * import { aPost, eventsFor } from "postlife/testing";
 * const post = aPost().to("x").build();
 * const taken = eventsFor(post).filter((e) => apply(post, e).ok);
 * ```
 * @since 0.1.0
 */
export const eventsFor = (post: Post): PostEvent[] => {
  if (!isPost(post)) return [];
  const first = post.destinations[0];
  const keep = post.destinations.map(({ id, platform, accountId, postType }) => ({
    id,
    platform,
    accountId,
    postType,
  }));
  const events: PostEvent[] = [
    { type: "EDIT", changes: { content: `${post.content}!` } },
    { type: "EDIT", changes: { content: "" } },
    { type: "EDIT", changes: { scheduledAt: shift(LATER, 60_000) }, now: NOW },
    { type: "EDIT", changes: { scheduledAt: PAST }, now: NOW },
    { type: "EDIT", changes: { scheduledAt: LATER } },
    { type: "EDIT", changes: { scheduledAt: null } },
    { type: "EDIT", changes: { destinations: [] } },
    {
      type: "EDIT",
      changes: {
        destinations: [...keep, { id: "added", platform: "bluesky", accountId: "did:plc:1" }],
      },
    },
    { type: "EDIT", changes: { status: "published" } as never },
    { type: "SCHEDULE", at: LATER, now: NOW },
    { type: "SCHEDULE", at: PAST, now: NOW },
    { type: "UNSCHEDULE" },
    { type: "PUBLISH", now: NOW },
    { type: "SUBMIT_FOR_APPROVAL", now: NOW },
    { type: "APPROVE", now: NOW },
    { type: "APPROVE", now: shift(LATER, 3_600_000) },
    { type: "REJECT", reason: "tone" },
    { type: "DUE", now: post.scheduledAt ?? NOW },
    { type: "DUE", now: shift(post.scheduledAt ?? NOW, -1) },
    { type: "DUE", now: post.scheduledAt ?? NOW, revision: post.revision + 1 },
    { type: "CANCEL" },
    { type: "DELETE" },
    { type: "RETRY_FAILED", now: NOW },
  ];
  // Each kind of fact once, for a destination the post does not have.
  const nowhere = factsFor({
    ...(first ?? {
      id: "",
      platform: "x",
      accountId: "",
      postType: "post",
      status: "queued",
      attempts: 0,
      generation: 0,
    }),
    id: "nowhere",
  });
  events.push(
    ...(nowhere.filter((f, i) => nowhere.findIndex((g) => g.type === f.type) === i) as PostEvent[]),
  );
  if (first !== undefined) {
    events.push(
      { type: "EDIT", changes: { destinations: [...keep, keep[0] as (typeof keep)[number]] } },
      {
        type: "EDIT",
        changes: { destinations: [{ ...(keep[0] as (typeof keep)[number]), platform: "myspace" }] },
      },
    );
  }
  for (const d of post.destinations) events.push(...(factsFor(d) as PostEvent[]));
  return events;
};
