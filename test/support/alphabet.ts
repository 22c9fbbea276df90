/**
 * A finite alphabet of events for a given post: every kind of command and
 * fact, in the variants that reach each outcome the spec tables list
 * (accepted, each rejection reason, duplicate, stale). Exploration and
 * model-based tests draw from it, so what it can say bounds what they prove.
 */
import {
  type Destination,
  type DestinationEvent,
  errorCodeTable,
  type Post,
  type PostEvent,
  type PublishError,
} from "../../src/index.js";

export const T0 = Date.parse("2026-04-20T12:00:00.000Z");
export const at = (ms: number): string => new Date(ms).toISOString();
export const NOW = at(T0);
export const LATER = at(T0 + 3_600_000);
export const PAST = at(T0 - 3_600_000);

const shift = (iso: string, ms: number): string => at(Date.parse(iso) + ms);

export const failure = (
  code: keyof typeof errorCodeTable,
  extra: Partial<PublishError> = {},
): PublishError => ({
  code,
  message: errorCodeTable[code].description,
  retryable: errorCodeTable[code].retryable,
  ...extra,
});

/** The delivery facts one destination could be told, in every variant. */
export const factsFor = (d: Destination): DestinationEvent[] => {
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
    { type: "RECONCILED", destinationId: id, found: null, now: NOW },
  ];
  // Each fact once more, as a worker of another revision or generation would send it.
  const foreign = facts
    .filter((f, i) => facts.findIndex((g) => g.type === f.type) === i)
    .map((f) => ({ ...f, idempotencyKey: "another-delivery" }));
  return [...facts, ...foreign];
};

/** The events the post tells its destinations, as the destination machine takes them. */
export const destinationCommands = (d: Destination): DestinationEvent[] => [
  { type: "SUBMIT_FOR_APPROVAL" },
  { type: "SCHEDULE" },
  { type: "RETURN_TO_DRAFT" },
  { type: "ENQUEUE", idempotencyKey: `k-${d.id}-${d.generation}` },
  { type: "CANCEL" },
  { type: "RETRY_FAILED", idempotencyKey: `k-${d.id}-${d.generation + 1}` },
];

/** Every event of the alphabet for `post`. */
export const eventsFor = (post: Post): PostEvent[] => {
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
