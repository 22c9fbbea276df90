/**
 * Webhooks on the wire (src/wire/webhook.schema.ts): payloads into the
 * delivery facts they amount to, and the proof that replaying them in any
 * order, twice, before or after the workers' DELIVERY_STARTED, ends where the
 * in-order stream ends: in `aggregateStatus` of the outcomes.
 */
import { fc, test } from "@fast-check/vitest";
import * as Result from "effect/Result";
import * as Schema from "effect/Schema";
import { describe, expect, it } from "vitest";
import {
  aggregateStatus,
  apply,
  type DeliveryFact,
  errorCodeTable,
  type Instruction,
  type Post,
  type PostEvent,
  type PublishError,
} from "../src/index.js";
import {
  type DestinationReport,
  decodeWebhook,
  WebhookJson,
  type WebhookNotice,
  type WebhookPayload,
} from "../src/wire/index.js";
import { draftOf } from "./support/draft.js";
import { expectValueOrReadableError, mutation } from "./support/mutation.js";
import { accept, dest, run } from "./support/seed-fixtures.js";
import { failure, ok, orNull, seed001ThreadsError, shuffled } from "./support/wire-fixtures.js";

const encode = (notice: WebhookNotice): WebhookPayload =>
  ok(Schema.encodeUnknownResult(WebhookJson)(notice));
/** What travels: the payload as JSON text, read back. */
const overTheWire = (payload: WebhookPayload): unknown => JSON.parse(JSON.stringify(payload));

const POST_ID = "pst_01HZX3K8Q4W7";
const AT = "2026-04-20T14:00:03Z";

describe("decoding payloads", () => {
  it("destination.published is a DELIVERY_SUCCEEDED for that destination at occurredAt", () => {
    const notice = ok(
      decodeWebhook({
        event: "destination.published",
        postId: POST_ID,
        revision: 0,
        destinationId: "d-x",
        platform: "x",
        platformPostId: "1780123456789012345",
        platformUrl: "https://x.com/i/status/1780123456789012345",
        occurredAt: AT,
      }),
    );
    expect(notice).toStrictEqual({
      event: "destination.published",
      postId: POST_ID,
      revision: 0,
      occurredAt: AT,
      destination: {
        id: "d-x",
        platform: "x",
        status: "published",
        vendorStatus: "destination.published",
        platformPostId: "1780123456789012345",
        platformUrl: "https://x.com/i/status/1780123456789012345",
      },
      facts: [
        {
          type: "DELIVERY_SUCCEEDED",
          destinationId: "d-x",
          platformPostId: "1780123456789012345",
          platformUrl: "https://x.com/i/status/1780123456789012345",
          now: AT,
        },
      ],
    });
  });

  it("destination.failed is a final DELIVERY_FAILED, whatever retryable said", () => {
    const notice = ok(
      decodeWebhook({
        event: "destination.failed",
        postId: POST_ID,
        destinationId: "d-threads",
        error: {
          code: "PLATFORM_AUTH_EXPIRED",
          message: "Error validating access token",
          platformStatusCode: 401,
          platformError: "Invalid OAuth access token",
          failedAt: "2026-02-22T14:30:00.000Z",
          retryable: true,
        },
        occurredAt: AT,
      }),
    );
    expect(notice.facts).toStrictEqual([
      {
        type: "DELIVERY_FAILED",
        destinationId: "d-threads",
        error: seed001ThreadsError,
        now: AT,
      },
    ]);
  });

  it("seed 000's post.published / post.failed for a one-network post: the destination is the post", () => {
    const published = ok(
      decodeWebhook({
        event: "post.published",
        postId: POST_ID,
        platformPostId: "178",
        occurredAt: AT,
      }),
    );
    expect(published.facts).toStrictEqual([
      { type: "DELIVERY_SUCCEEDED", destinationId: POST_ID, platformPostId: "178", now: AT },
    ]);
    const failed = ok(
      decodeWebhook({
        event: "post.failed",
        postId: POST_ID,
        error: "Token expired",
        occurredAt: AT,
      }),
    );
    expect(failed.facts).toStrictEqual([
      {
        type: "DELIVERY_FAILED",
        destinationId: POST_ID,
        error: { code: "UNKNOWN_ERROR", message: "Token expired", retryable: false },
        now: AT,
      },
    ]);
  });

  it("a post-level event carries every destination's outcome in results", () => {
    const notice = ok(
      decodeWebhook({
        event: "post.partially_published",
        postId: POST_ID,
        revision: 1,
        results: [
          { destinationId: "d-x", status: "published", platformPostId: "178" },
          {
            destinationId: "d-li",
            status: "failed",
            error: { code: "INVALID_CONTENT", message: "m" },
          },
          { destinationId: "d-th", status: "publishing" },
          { destinationId: "d-ig", status: "queued" },
          { destinationId: "d-bs", status: "published" },
        ],
        occurredAt: AT,
      }),
    );
    expect(notice.destination).toBeUndefined();
    expect(notice.facts.map((f) => [f.type, f.destinationId])).toEqual([
      ["DELIVERY_SUCCEEDED", "d-x"],
      ["DELIVERY_FAILED", "d-li"],
      ["DELIVERY_STARTED", "d-th"],
    ]);
  });

  it("an event postlife does not know is kept, with its results, and gives no facts", () => {
    const notice = ok(
      decodeWebhook({
        event: "post.archived",
        postId: POST_ID,
        destinationId: "d-x",
        results: [{ destinationId: "d-x", status: "published", platformPostId: "178" }],
        occurredAt: AT,
      }),
    );
    expect(notice.event).toBe("post.archived");
    expect(notice.destination).toMatchObject({
      id: "d-x",
      status: "unknown",
      vendorStatus: "post.archived",
    });
    expect(notice.results).toHaveLength(1);
    expect(notice.facts).toEqual([]);
    expect(encode(notice)).toStrictEqual({
      event: "post.archived",
      postId: POST_ID,
      destinationId: "d-x",
      results: [{ destinationId: "d-x", status: "published", platformPostId: "178" }],
      occurredAt: AT,
    });
  });

  it("an unknown status word in results is kept as unknown, and gives no fact", () => {
    const notice = ok(
      decodeWebhook({
        event: "post.published",
        postId: POST_ID,
        results: [{ destinationId: "d-x", status: "shadow_banned", extra: true }],
        occurredAt: AT,
        signature: "t=1,v1=abc",
      }),
    );
    expect(notice.results).toStrictEqual([
      { id: "d-x", status: "unknown", vendorStatus: "shadow_banned" },
    ]);
    expect(notice.facts).toEqual([]);
  });

  it.each([
    [{ postId: POST_ID, occurredAt: AT }, 'Missing key\n  at ["event"]'],
    [{ event: "post.published", occurredAt: AT }, 'Missing key\n  at ["postId"]'],
    [{ event: "post.published", postId: POST_ID }, 'Missing key\n  at ["occurredAt"]'],
    [
      { event: "post.published", postId: POST_ID, occurredAt: "2026-04-20T14:00:03" },
      /no time zone[\s\S]*at \["occurredAt"\]/,
    ],
    [
      { event: "post.published", postId: POST_ID, occurredAt: AT, revision: -1 },
      /at \["revision"\]/,
    ],
    [
      {
        event: "post.published",
        postId: POST_ID,
        occurredAt: AT,
        results: [{ status: "published" }],
      },
      'Missing key\n  at ["results"][0]["destinationId"]',
    ],
    [
      { event: "destination.failed", postId: POST_ID, occurredAt: AT, error: { code: "X" } },
      'Missing key\n  at ["error"]["message"]',
    ],
  ] as const)("a missing or mistyped field is named: %j", (input, message) => {
    const text = failure(decodeWebhook(input));
    if (typeof message === "string") expect(text).toBe(message);
    else expect(text).toMatch(message);
  });

  it("a top-level destination whose status is not the event's cannot be written", () => {
    const notice: WebhookNotice = {
      event: "destination.published",
      postId: POST_ID,
      occurredAt: AT,
      destination: { id: "d-x", status: "failed", vendorStatus: "failed" },
      facts: [],
    };
    expect(failure(Schema.encodeUnknownResult(WebhookJson)(notice))).toBe(
      'a destination.published payload\'s destination is published, not failed: put other outcomes in results\n  at ["destination"]["status"]',
    );
  });
});

// ---------------------------------------------------------------------------
// Round trips and robustness
// ---------------------------------------------------------------------------

const instantArb = fc.constantFrom(
  "2026-04-20T14:00:03Z",
  "2026-04-20T14:00:05.250Z",
  "2026-04-20T16:00:07+02:00",
);
const textArb = fc.string({ maxLength: 10 });
const idArb = fc.string({ minLength: 1, maxLength: 8 });
const codeArb = fc.oneof(
  fc.constantFrom(...Object.keys(errorCodeTable)),
  fc.constantFrom("MEDIA_PROCESSING_FAILED", "E42"),
);
const errorWireArb = fc.oneof(
  textArb,
  fc
    .record(
      {
        code: codeArb,
        message: textArb,
        retryable: fc.boolean(),
        platformStatusCode: fc.option(fc.integer({ min: 100, max: 599 }), { nil: null }),
        platformError: fc.option(textArb, { nil: null }),
        failedAt: instantArb,
        outcomeUnknown: fc.boolean(),
        postlifeCode: codeArb,
      },
      { requiredKeys: ["code", "message"] },
    )
    .map((error) => ({ ...error })),
);
const eventArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...webhookEventNames()) },
  { weight: 1, arbitrary: fc.constantFrom("post.archived", "destination.retrying", "") },
);
function webhookEventNames(): string[] {
  return [
    "post.scheduled",
    "post.published",
    "post.partially_published",
    "post.failed",
    "post.cancelled",
    "destination.published",
    "destination.failed",
  ];
}
const resultWireArb = fc
  .record(
    {
      destinationId: idArb,
      status: fc.oneof(
        fc.constantFrom(
          "published",
          "failed",
          "publishing",
          "queued",
          "retrying",
          "cancelled",
          "success",
        ),
        textArb,
      ),
      platform: orNull(fc.constantFrom("x", "linkedin")),
      platformPostId: orNull(textArb),
      platformUrl: orNull(textArb),
      error: orNull(errorWireArb),
    },
    { requiredKeys: ["destinationId", "status"] },
  )
  .map((wire) => ({ ...wire }));
const payloadWireArb = fc
  .record(
    {
      event: eventArb,
      postId: idArb,
      revision: orNull(fc.nat({ max: 9 })),
      destinationId: orNull(idArb),
      platform: orNull(fc.constantFrom("x", "threads")),
      platformPostId: orNull(textArb),
      platformUrl: orNull(textArb),
      error: orNull(errorWireArb),
      results: orNull(fc.array(resultWireArb, { maxLength: 4 })),
      occurredAt: instantArb,
      signature: textArb,
    },
    { requiredKeys: ["event", "postId", "occurredAt"] },
  )
  .map((wire) => ({ ...wire }));

describe("round trips", () => {
  test.prop([payloadWireArb])(
    "decode(encode(n)) is n for every notice a payload decodes to",
    (wire) => {
      const notice = ok(decodeWebhook(wire));
      expect(ok(decodeWebhook(overTheWire(encode(notice))))).toStrictEqual(notice);
    },
  );

  test.prop([payloadWireArb])(
    "the facts are factsOf the destinations, and only for known events",
    (wire) => {
      const notice = ok(decodeWebhook(wire));
      const known = webhookEventNames().includes(wire.event);
      if (!known) expect(notice.facts).toEqual([]);
      for (const fact of notice.facts) expect(fact.now).toBe(wire.occurredAt);
      const destinations = [
        ...(notice.destination ? [notice.destination] : []),
        ...(notice.results ?? []),
      ];
      expect(notice.facts.length).toBeLessThanOrEqual(destinations.length);
    },
  );
});

describe("never a crash", () => {
  test.prop([fc.anything()])("decoding anything answers with a value or an error", (input) => {
    expect(Result.isResult(decodeWebhook(input))).toBe(true);
    expect(
      Result.isResult(
        decodeWebhook({ event: "post.published", postId: "p", occurredAt: AT, results: input }),
      ),
    ).toBe(true);
  });

  test.prop([mutation(payloadWireArb)])(
    "a payload with a key removed or a type swapped: a value, or an error naming the path",
    ({ value, path }) => expectValueOrReadableError(decodeWebhook(value), path),
  );
});

// ---------------------------------------------------------------------------
// Order independence: replaying webhooks through apply
// ---------------------------------------------------------------------------

const PUBLISHED_AT = "2026-04-20T14:00:00.000Z";
const destinationIds = ["d-x", "d-li", "d-th", "d-bs"] as const;
const platformOf: Record<string, string> = {
  "d-x": "x",
  "d-li": "linkedin",
  "d-th": "threads",
  "d-bs": "bluesky",
};

/** The post every stream is replayed on: created, then published (queued). */
const queuedPost = (count: number): Post =>
  run(
    draftOf({
      id: POST_ID,
      content: "Launch day",
      destinations: destinationIds
        .slice(0, count)
        .map((id) => ({ id, platform: platformOf[id] ?? "x", accountId: `acct-${id}` })),
    }),
    { type: "PUBLISH", now: PUBLISHED_AT },
  );

type Outcome =
  | { readonly kind: "published"; readonly platformPostId: string; readonly platformUrl?: string }
  | { readonly kind: "failed"; readonly error: PublishError };

/** A final error as a webhook carries it, outcome-unknown ones included (a failure reported is final). */
const finalErrorArb: fc.Arbitrary<PublishError> = fc
  .record(
    {
      code: codeArb,
      message: textArb,
      retryable: fc.boolean(),
      platformStatusCode: fc.integer({ min: 400, max: 599 }),
      platformError: fc.option(textArb, { nil: null }),
      failedAt: instantArb,
      retryAfterMs: fc.integer({ min: 0, max: 3_600_000 }),
      outcomeUnknown: fc.boolean(),
    },
    { requiredKeys: ["code", "message", "retryable"] },
  )
  .map((error) => ({ ...error }));
const outcomeArb: fc.Arbitrary<Outcome> = fc.oneof(
  fc
    .record(
      { kind: fc.constant("published" as const), platformPostId: idArb, platformUrl: fc.webUrl() },
      { requiredKeys: ["kind", "platformPostId"] },
    )
    .map((o) => ({ ...o })),
  fc.record({ kind: fc.constant("failed" as const), error: finalErrorArb }),
);

const reportOf = (id: string, outcome: Outcome, vendorStatus: string): DestinationReport =>
  outcome.kind === "published"
    ? {
        id,
        platform: platformOf[id] ?? "x",
        status: "published",
        vendorStatus,
        platformPostId: outcome.platformPostId,
        ...(outcome.platformUrl === undefined ? {} : { platformUrl: outcome.platformUrl }),
      }
    : { id, platform: platformOf[id] ?? "x", status: "failed", vendorStatus, error: outcome.error };

/** destination.published / destination.failed for one outcome. */
const destinationNotice = (id: string, outcome: Outcome, occurredAt: string): WebhookNotice => {
  const event = outcome.kind === "published" ? "destination.published" : "destination.failed";
  return {
    event,
    postId: POST_ID,
    revision: 0,
    occurredAt,
    destination: reportOf(id, outcome, event),
    facts: [],
  };
};

/** A post-level event carrying outcomes in results. */
const postNotice = (
  event: string,
  outcomes: readonly (readonly [string, Outcome])[],
  occurredAt: string,
): WebhookNotice => ({
  event,
  postId: POST_ID,
  revision: 0,
  occurredAt,
  results: outcomes.map(([id, outcome]) => reportOf(id, outcome, outcome.kind)),
  facts: [],
});

const postEventOf = (kinds: readonly ("published" | "failed")[]): string => {
  const status = aggregateStatus(kinds);
  return status === "published"
    ? "post.published"
    : status === "failed"
      ? "post.failed"
      : "post.partially_published";
};

/** Encodes a notice, sends it as JSON, decodes what arrives: the facts a receiver applies. */
const factsFromWire = (notice: WebhookNotice): readonly DeliveryFact[] =>
  ok(decodeWebhook(overTheWire(encode(notice)))).facts;

interface Replay {
  readonly post: Post;
  /** Every refusal met on the way: there must be none. */
  readonly refusals: readonly string[];
}
const replay = (start: Post, facts: readonly PostEvent[]): Replay => {
  let post = start;
  const refusals: string[] = [];
  for (const fact of facts) {
    const decision = apply(post, fact);
    if (decision.ok) post = decision.post;
    else refusals.push(`${fact.type} ${decision.rejection.reason}: ${decision.rejection.message}`);
  }
  return { post, refusals };
};

/** What a replay ended in: the post's status and each destination's outcome. */
const endOf = (post: Post) => ({
  status: post.status,
  destinations: post.destinations.map((d) => ({
    id: d.id,
    status: d.status,
    platformPostId: d.platformPostId,
    code: d.error?.code,
  })),
});

/** Every permutation of a short list. */
const permutations = <T>(items: readonly T[]): T[][] =>
  items.length <= 1
    ? [[...items]]
    : items.flatMap((item, i) =>
        permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
      );

const scenarioArb = fc.integer({ min: 1, max: 4 }).chain((count) =>
  fc.record({
    count: fc.constant(count),
    outcomes: fc.array(outcomeArb, { minLength: count, maxLength: count }),
    /** Which destinations a worker reports as started (DELIVERY_STARTED). */
    started: fc.array(fc.boolean(), { minLength: count, maxLength: count }),
    /** The post-level payload at the end, carrying every outcome. */
    summary: fc.boolean(),
    /** A post-level payload with some of the outcomes, under some event name. */
    partial: fc.option(
      fc.record({
        event: fc.constantFrom("post.partially_published", "post.published", "post.failed"),
        which: fc.array(fc.boolean(), { minLength: count, maxLength: count }),
      }),
      { nil: undefined },
    ),
    /** A payload of an event postlife does not know, carrying the outcomes. */
    unknownEvent: fc.boolean(),
    /** Items of the stream sent again. */
    duplicates: fc.array(fc.nat(), { maxLength: 4 }),
    /** Seeds of the orders tried when there are too many to try them all. */
    orders: fc.array(fc.integer(), { minLength: 24, maxLength: 24 }),
  }),
);
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

const at = (seconds: number) => new Date(Date.parse(PUBLISHED_AT) + seconds * 1000).toISOString();

/** The in-order stream (per destination: started, then its outcome; then the summary) and the extras. */
const streamsOf = (s: Scenario) => {
  // A failure happens after the attempt it ends started: where the error says when, it says
  // the time of its own notice (a failure dated before the start is about an earlier attempt).
  const timed = s.outcomes.map(
    (outcome, i): Outcome =>
      outcome.kind === "failed" && outcome.error.failedAt !== undefined
        ? { ...outcome, error: { ...outcome.error, failedAt: at(2 * i + 2) } }
        : outcome,
  );
  const pairs = timed.map((outcome, i) => [destinationIds[i] as string, outcome] as const);
  const inOrder: (readonly DeliveryFact[])[] = [];
  pairs.forEach(([id, outcome], i) => {
    if (s.started[i])
      inOrder.push([{ type: "DELIVERY_STARTED", destinationId: id, now: at(2 * i + 1) }]);
    inOrder.push(factsFromWire(destinationNotice(id, outcome, at(2 * i + 2))));
  });
  if (s.summary)
    inOrder.push(
      factsFromWire(postNotice(postEventOf(s.outcomes.map((o) => o.kind)), pairs, at(20))),
    );
  const extras: (readonly DeliveryFact[])[] = [];
  if (s.partial !== undefined) {
    const some = pairs.filter((_, i) => s.partial?.which[i]);
    extras.push(factsFromWire(postNotice(s.partial.event, some, at(15))));
  }
  if (s.unknownEvent) extras.push(factsFromWire(postNotice("post.archived", pairs, at(16))));
  for (const d of s.duplicates) {
    const item = inOrder[d % inOrder.length];
    if (item !== undefined) extras.push(item);
  }
  return { inOrder, extras, kinds: s.outcomes.map((o) => o.kind) };
};

describe("order independence", () => {
  test.prop([scenarioArb])(
    "webhook facts in any order, duplicated, before or after DELIVERY_STARTED: the status of the in-order stream, aggregateStatus of the outcomes",
    (scenario) => {
      const start = queuedPost(scenario.count);
      const { inOrder, extras, kinds } = streamsOf(scenario);
      const expected = replay(start, inOrder.flat());
      expect(expected.refusals).toEqual([]);
      expect(expected.post.status).toBe(aggregateStatus(kinds));
      const facts = [...inOrder, ...extras].flat();
      const orders =
        facts.length <= 6
          ? permutations(facts)
          : scenario.orders.map((seed) => shuffled(facts, seed));
      for (const order of orders) {
        const replayed = replay(start, order);
        expect(replayed.refusals).toEqual([]);
        expect(endOf(replayed.post)).toStrictEqual(endOf(expected.post));
      }
    },
    // Up to 720 orders per case: npm run test:deep takes its time.
    300_000,
  );

  test.prop([scenarioArb])(
    "every outcome first, then the workers' DELIVERY_STARTED, then everything again: the same end",
    (scenario) => {
      const start = queuedPost(scenario.count);
      const { inOrder, extras, kinds } = streamsOf(scenario);
      const facts = [...inOrder, ...extras].flat();
      const outcomesFirst = [
        ...facts.filter((f) => f.type !== "DELIVERY_STARTED"),
        ...facts.filter((f) => f.type === "DELIVERY_STARTED"),
        ...facts,
      ];
      const replayed = replay(start, outcomesFirst);
      expect(replayed.refusals).toEqual([]);
      expect(replayed.post.status).toBe(aggregateStatus(kinds));
      expect(endOf(replayed.post)).toStrictEqual(endOf(replay(start, inOrder.flat()).post));
    },
    60_000,
  );

  it("a destination.failed and a destination.published for one destination end published, in either order", () => {
    const start = queuedPost(2);
    const failedNotice = factsFromWire(
      destinationNotice(
        "d-x",
        {
          kind: "failed",
          error: { code: "UNKNOWN_ERROR", message: "Try later", retryable: false },
        },
        at(2),
      ),
    );
    const publishedNotice = factsFromWire(
      destinationNotice("d-x", { kind: "published", platformPostId: "1780123456789012345" }, at(3)),
    );
    const other = factsFromWire(
      destinationNotice("d-li", { kind: "published", platformPostId: "urn:li:share:7186" }, at(4)),
    );
    const started: DeliveryFact = { type: "DELIVERY_STARTED", destinationId: "d-x", now: at(1) };
    for (const order of [
      [...failedNotice, ...publishedNotice],
      [...publishedNotice, ...failedNotice],
    ]) {
      const alone = replay(queuedPost(1), order);
      expect(alone.refusals).toEqual([]);
      expect(endOf(alone.post)).toStrictEqual({
        status: "published",
        destinations: [
          {
            id: "d-x",
            status: "published",
            platformPostId: "1780123456789012345",
            code: undefined,
          },
        ],
      });
    }
    // With the worker's DELIVERY_STARTED and another destination, every order ends the same.
    const ends = new Set(
      permutations([started, ...failedNotice, ...publishedNotice, ...other]).map((order) => {
        const replayed = replay(start, order);
        expect(replayed.refusals).toEqual([]);
        return JSON.stringify(endOf(replayed.post));
      }),
    );
    expect([...ends].map((e) => JSON.parse(e))).toEqual([
      {
        status: "published",
        destinations: [
          { id: "d-x", status: "published", platformPostId: "1780123456789012345" },
          { id: "d-li", status: "published", platformPostId: "urn:li:share:7186" },
        ],
      },
    ]);
  });

  it("every one of the 5,040 orders of a three-destination stream with a duplicate ends the same", () => {
    const start = queuedPost(3);
    const outcomes: Outcome[] = [
      { kind: "published", platformPostId: "1780123456789012345" },
      {
        kind: "failed",
        error: { code: "INVALID_CONTENT", message: "Status is a duplicate.", retryable: false },
      },
      { kind: "published", platformPostId: "18054123456789012" },
    ];
    const pairs = outcomes.map((o, i) => [destinationIds[i] as string, o] as const);
    const facts: DeliveryFact[] = [
      { type: "DELIVERY_STARTED", destinationId: "d-x", now: at(1) },
      { type: "DELIVERY_STARTED", destinationId: "d-li", now: at(1) },
      ...pairs.flatMap(([id, o], i) => factsFromWire(destinationNotice(id, o, at(2 + i)))),
      ...factsFromWire(postNotice("post.partially_published", pairs, at(9))).slice(1, 2),
    ];
    expect(facts).toHaveLength(6);
    const all = permutations([...facts, facts[2] as DeliveryFact]);
    expect(all).toHaveLength(5040);
    const ends = new Set(all.map((order) => JSON.stringify(endOf(replay(start, order).post))));
    expect([...ends].map((e) => JSON.parse(e).status)).toEqual(["partially_published"]);
  });
});

describe("what the core does with the webhooks it sends", () => {
  /**
   * Found while proving order independence (and fixed in `factsOf` since): a
   * destination that failed after a reconciliation found nothing kept its
   * outcome-unknown error, so postlife's own destination.failed carried
   * `outcomeUnknown: true`. The core now clears it once the look-up has
   * settled the outcome; a receiver must still record a failure (the sender
   * knows it failed) for an error stored before that, not an unconfirmed
   * attempt to reconcile.
   */
  it("a postlife destination.failed after a failed reconciliation replays as failed", () => {
    const source = draftOf({
      id: POST_ID,
      content: "Launch day",
      destinations: [{ id: "d-x", platform: "x", accountId: "acct-1" }],
      retry: { maxAttempts: 1 },
    });
    let post = run(
      source,
      { type: "PUBLISH", now: PUBLISHED_AT },
      { type: "DELIVERY_STARTED", destinationId: "d-x", now: at(1) },
      {
        type: "DELIVERY_FAILED",
        destinationId: "d-x",
        failure: { transportError: "ETIMEDOUT", requestSent: true },
        now: at(2),
      },
    );
    expect(dest(post, "d-x").status).toBe("unconfirmed");
    const decision = accept(
      apply(post, { type: "RECONCILED", destinationId: "d-x", found: null, now: at(3) }),
    );
    post = decision.post;
    expect(post.status).toBe("failed");
    const [webhook] = decision.outbox.filter(
      (i): i is Extract<Instruction, { type: "webhook" }> =>
        i.type === "webhook" && i.event === "destination.failed",
    );
    const failed = dest(post, "d-x");
    if (failed.error === undefined) throw new Error("the failed destination keeps its error");
    expect(failed.error).toMatchObject({ code: "TIMEOUT_ERROR" });
    expect(failed.error).not.toHaveProperty("outcomeUnknown");
    // The payload a service sends for that instruction, built from the destination: as this
    // postlife stores it, and as an earlier one did (still saying the outcome is unknown).
    for (const error of [failed.error, { ...failed.error, outcomeUnknown: true }]) {
      const facts = factsFromWire({
        event: webhook?.event ?? "destination.failed",
        postId: POST_ID,
        revision: webhook?.revision ?? 0,
        occurredAt: at(3),
        destination: {
          id: "d-x",
          status: "failed",
          vendorStatus: "destination.failed",
          error,
        },
        facts: [],
      });
      const replica = replay(queuedPost(1), facts);
      expect(replica.refusals).toEqual([]);
      expect(dest(replica.post, "d-x").status).toBe("failed");
      expect(replica.post.status).toBe(aggregateStatus(["failed"]));
    }
  });

  it("a failed result without an error, next to the same failure with one: the status agrees, the recorded error depends on order", () => {
    const start = queuedPost(1);
    const error: PublishError = { code: "INVALID_CONTENT", message: "dup", retryable: false };
    const withError = factsFromWire(destinationNotice("d-x", { kind: "failed", error }, at(2)));
    const bare = ok(
      decodeWebhook({
        event: "post.failed",
        postId: POST_ID,
        results: [{ destinationId: "d-x", status: "failed" }],
        occurredAt: AT,
      }),
    ).facts;
    const a = replay(start, [...withError, ...bare]).post;
    const b = replay(start, [...bare, ...withError]).post;
    expect(a.status).toBe("failed");
    expect(b.status).toBe("failed");
    expect(dest(a, "d-x").error?.code).toBe("INVALID_CONTENT");
    expect(dest(b, "d-x").error?.code).toBe("UNKNOWN_ERROR");
  });
});
