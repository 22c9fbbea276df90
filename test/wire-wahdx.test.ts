/**
 * Seed 004 on the wire (src/wire/wahdx.schema.ts) and the batch summary
 * (src/wire/batch.ts): the single and batch status checks, their answers as
 * destination reports, and many checks read as one picture.
 */
import { fc, test } from "@fast-check/vitest";
import * as Result from "effect/Result";
import * as Schema from "effect/Schema";
import { describe, expect, it } from "vitest";
import { aggregateStatus, type DestinationStatus, destinationStatuses } from "../src/index.js";
import {
  type DestinationReport,
  decodeWahdxBatch,
  decodeWahdxStatus,
  factsOf,
  summarizeBatch,
  WahdxBatchCheckJson,
  WahdxBatchStatusJson,
  WahdxStatusCheckJson,
  WahdxStatusJson,
} from "../src/wire/index.js";
import { expectValueOrReadableError, mutation } from "./support/mutation.js";
import { failure, ok, shuffled } from "./support/wire-fixtures.js";

const encodeStatus = Schema.encodeUnknownResult(WahdxStatusJson);
const encodeBatch = Schema.encodeUnknownResult(WahdxBatchStatusJson);

/** Seed 004's batch request body (its JS object literal, as the JSON it stringifies to). */
const seedBatchBody = JSON.stringify({
  checks: [
    { accountId: "ACCOUNT_ID_1", publishId: "PUBLISH_ID_1", mediaType: "video" },
    { accountId: "ACCOUNT_ID_2", publishId: "PUBLISH_ID_2" },
  ],
});

describe("seed 004's requests", () => {
  it("the batch body decodes to its checks, and encodes back to the same JSON", () => {
    const batch = Schema.decodeUnknownSync(WahdxBatchCheckJson)(JSON.parse(seedBatchBody));
    expect(batch.checks).toStrictEqual([
      { accountId: "ACCOUNT_ID_1", publishId: "PUBLISH_ID_1", mediaType: "video" },
      { accountId: "ACCOUNT_ID_2", publishId: "PUBLISH_ID_2" },
    ]);
    expect(JSON.stringify(Schema.encodeSync(WahdxBatchCheckJson)(batch))).toBe(seedBatchBody);
  });

  it("the single check's path and query are one check", () => {
    const url = new URL("https://api.wahdx.com/api/content/status/ACC_9/PUB_7?mediaType=video");
    const [, , , , accountId, publishId] = url.pathname.split("/");
    const check = Schema.decodeUnknownSync(WahdxStatusCheckJson)({
      accountId,
      publishId,
      mediaType: url.searchParams.get("mediaType"),
    });
    expect(check).toStrictEqual({ accountId: "ACC_9", publishId: "PUB_7", mediaType: "video" });
  });

  it("a check without its publishId is named, by index in a batch", () => {
    expect(() =>
      Schema.decodeUnknownSync(WahdxBatchCheckJson)({
        checks: [{ accountId: "A", publishId: "P" }, { accountId: "A" }],
      }),
    ).toThrow('Missing key\n  at ["checks"][1]["publishId"]');
  });
});

describe("a status answer", () => {
  it.each([
    ["Queued", "queued"],
    ["Processing", "publishing"],
    ["Published", "published"],
    ["Failed", "failed"],
    ["published", "published"],
    ["PROCESSING", "publishing"],
  ] as const)("%s is %s", (word, status) => {
    const report = ok(decodeWahdxStatus({ accountId: "A", publishId: "P", status: word }));
    expect(report).toStrictEqual({ id: "P", accountId: "A", status, vendorStatus: word });
  });

  it("a published one carries its public URL; a failed one its error", () => {
    const published = ok(
      decodeWahdxStatus({
        accountId: "ACCOUNT_ID_1",
        publishId: "PUBLISH_ID_1",
        status: "Published",
        postUrl: "https://www.tiktok.com/@brand/video/7350000000000000000",
        mediaType: "video",
      }),
    );
    expect(published.platformUrl).toBe("https://www.tiktok.com/@brand/video/7350000000000000000");
    // No platform post id in Wahdx's answer: postlife confirms only what it can name.
    expect(factsOf(published, { destinationId: "d-tt", now: "2026-04-20T14:00:00Z" })).toEqual([]);
    const failed = ok(
      decodeWahdxStatus({
        accountId: "A",
        publishId: "P",
        status: "Failed",
        error: "Video too long",
      }),
    );
    expect(failed.error).toStrictEqual({
      code: "UNKNOWN_ERROR",
      message: "Video too long",
      retryable: false,
    });
  });

  it("an unknown state is kept, never dropped; nulls read as absent", () => {
    const report = ok(
      decodeWahdxStatus({
        accountId: "A",
        publishId: "P",
        status: "Archived",
        postUrl: null,
        error: null,
      }),
    );
    expect(report).toStrictEqual({
      id: "P",
      accountId: "A",
      status: "unknown",
      vendorStatus: "Archived",
    });
    expect(ok(encodeStatus(report))).toStrictEqual({
      accountId: "A",
      publishId: "P",
      status: "Archived",
    });
  });

  it.each([
    [{ accountId: "A", publishId: "P" }, 'Missing key\n  at ["status"]'],
    [{ publishId: "P", status: "Queued" }, 'Missing key\n  at ["accountId"]'],
    [{ accountId: "A", publishId: 3, status: "Queued" }, 'Expected string\n  at ["publishId"]'],
    [{ accountId: "A", publishId: "P", status: "Failed", error: 404 }, /at \["error"\]/],
  ] as const)("a missing or mistyped field is named: %j", (input, message) => {
    const text = failure(decodeWahdxStatus(input));
    if (typeof message === "string") expect(text).toBe(message);
    else expect(text).toMatch(message);
  });

  it("encoding writes Wahdx's spelling of a canonical status, and needs the account", () => {
    const report: DestinationReport = {
      id: "P",
      accountId: "A",
      status: "publishing",
      vendorStatus: "running",
    };
    expect(ok(encodeStatus(report))).toStrictEqual({
      accountId: "A",
      publishId: "P",
      status: "Processing",
    });
    expect(ok(encodeStatus({ ...report, status: "retrying" })).status).toBe("retrying");
    const { accountId: _, ...withoutAccount } = report;
    expect(failure(encodeStatus(withoutAccount))).toBe(
      'a Wahdx status names its account: accountId is missing\n  at ["accountId"]',
    );
    expect(failure(encodeBatch([report, withoutAccount]))).toBe(
      'a Wahdx status names its account: accountId is missing\n  at ["results"][1]["accountId"]',
    );
  });
});

describe("the batch answer and its summary", () => {
  const answer = {
    results: [
      {
        accountId: "ACCOUNT_ID_1",
        publishId: "PUBLISH_ID_1",
        status: "Published",
        postUrl: "https://www.tiktok.com/@brand/video/7350000000000000000",
      },
      {
        accountId: "ACCOUNT_ID_2",
        publishId: "PUBLISH_ID_2",
        status: "Failed",
        error: { code: "CONTENT_TOO_LARGE", message: "Video exceeds 4 GB", retryable: false },
      },
      { accountId: "ACCOUNT_ID_3", publishId: "PUBLISH_ID_3", status: "Processing" },
      { accountId: "ACCOUNT_ID_4", publishId: "PUBLISH_ID_4", status: "Queued" },
    ],
  };

  it("decodes to one report per check, in order", () => {
    const reports = ok(decodeWahdxBatch(answer));
    expect(reports.map((r) => [r.id, r.status])).toEqual([
      ["PUBLISH_ID_1", "published"],
      ["PUBLISH_ID_2", "failed"],
      ["PUBLISH_ID_3", "publishing"],
      ["PUBLISH_ID_4", "queued"],
    ]);
    expect(ok(encodeBatch(reports))).toStrictEqual(answer);
  });

  it("summarizes: per post, counts, done vs under way, the group status, the failures", () => {
    const { posts, summary } = summarizeBatch(ok(decodeWahdxBatch(answer)));
    expect(posts[0]).toStrictEqual({
      accountId: "ACCOUNT_ID_1",
      publishId: "PUBLISH_ID_1",
      status: "published",
      vendorStatus: "Published",
      postUrl: "https://www.tiktok.com/@brand/video/7350000000000000000",
    });
    expect(summary).toStrictEqual({
      total: 4,
      counts: {
        draft: 0,
        pending_approval: 0,
        scheduled: 0,
        queued: 1,
        publishing: 1,
        processing_media: 0,
        retrying: 0,
        unconfirmed: 0,
        published: 1,
        partially_published: 0,
        failed: 1,
        cancelled: 0,
      },
      unknown: { count: 0, words: [] },
      done: 2,
      underWay: 2,
      status: "publishing",
      failed: [
        {
          accountId: "ACCOUNT_ID_2",
          publishId: "PUBLISH_ID_2",
          status: "failed",
          vendorStatus: "Failed",
          error: { code: "CONTENT_TOO_LARGE", message: "Video exceeds 4 GB", retryable: false },
        },
      ],
    });
  });

  it("once everything is over, the group is partially published", () => {
    const done = { results: answer.results.slice(0, 2) };
    expect(summarizeBatch(ok(decodeWahdxBatch(done))).summary).toMatchObject({
      status: "partially_published",
      done: 2,
      underWay: 0,
    });
  });

  it("unknown words are listed, kept out of the counts, and make the group status unknown", () => {
    const odd = {
      results: [
        ...answer.results,
        { accountId: "A5", publishId: "P5", status: "Archived" },
        { accountId: "A6", publishId: "P6", status: "Archived" },
        { accountId: "A7", publishId: "P7", status: "Under Review" },
      ],
    };
    const { posts, summary } = summarizeBatch(ok(decodeWahdxBatch(odd)));
    expect(posts.at(-1)).toMatchObject({ status: "unknown", vendorStatus: "Under Review" });
    expect(summary.unknown).toStrictEqual({ count: 3, words: ["Archived", "Under Review"] });
    expect(summary.total).toBe(7);
    expect(summary.done + summary.underWay).toBe(4);
    expect(summary.status).toBe("unknown");
  });

  it("a post checked twice counts once, with its later answer, where it was first seen", () => {
    const twice = {
      results: [
        { accountId: "A", publishId: "P", status: "Processing" },
        { accountId: "B", publishId: "P", status: "Queued" },
        { accountId: "A", publishId: "P", status: "Published" },
      ],
    };
    const { posts, summary } = summarizeBatch(ok(decodeWahdxBatch(twice)));
    expect(posts.map((p) => [p.accountId, p.status])).toEqual([
      ["A", "published"],
      ["B", "queued"],
    ]);
    expect(summary.total).toBe(2);
  });

  it("reports without an account (another vendor's) are keyed by their id alone", () => {
    const { posts } = summarizeBatch([
      { id: "d-x", status: "published", vendorStatus: "published" },
      { id: "d-x", status: "failed", vendorStatus: "failed" },
    ]);
    expect(posts).toStrictEqual([
      { accountId: "", publishId: "d-x", status: "failed", vendorStatus: "failed" },
    ]);
  });

  it("an empty batch is a post without destinations: draft, nothing done", () => {
    expect(summarizeBatch([]).summary).toMatchObject({
      total: 0,
      done: 0,
      underWay: 0,
      status: "draft",
    });
  });

  it("a bad result fails the whole batch, naming it", () => {
    const bad = { results: [answer.results[0], { accountId: "A", publishId: "P" }] };
    expect(failure(decodeWahdxBatch(bad))).toBe('Missing key\n  at ["results"][1]["status"]');
    expect(failure(decodeWahdxBatch({ checks: [] }))).toBe('Missing key\n  at ["results"]');
  });
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const wahdxWords = ["Queued", "Processing", "Published", "Failed", "queued", "PUBLISHED"];
const wordArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...wahdxWords) },
  { weight: 1, arbitrary: fc.constantFrom("Archived", "Under Review", "retrying", "cancelled") },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const errorArb = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc
    .record(
      {
        code: fc.constantFrom(
          "CONTENT_TOO_LARGE",
          "RATE_LIMITED",
          "TIKTOK_SPAM_RISK",
          "DUPLICATE_CONTENT",
        ),
        message: fc.string({ maxLength: 12 }),
        retryable: fc.boolean(),
        platformStatusCode: fc.option(fc.integer({ min: 100, max: 599 }), { nil: null }),
        postlifeCode: fc.constantFrom("DUPLICATE_CONTENT", "QUOTA_EXHAUSTED"),
      },
      { requiredKeys: ["code", "message"] },
    )
    .map((error) => ({ ...error })),
);
const statusWireArb = fc
  .record(
    {
      accountId: fc.constantFrom("ACCOUNT_ID_1", "ACCOUNT_ID_2", "ACCOUNT_ID_3"),
      publishId: fc.constantFrom("PUBLISH_ID_1", "PUBLISH_ID_2", "PUBLISH_ID_3", "PUBLISH_ID_4"),
      status: wordArb,
      postUrl: fc.option(fc.webUrl(), { nil: null, freq: 3 }),
      error: fc.option(errorArb, { nil: null, freq: 3 }),
      mediaType: fc.constantFrom("video", "photo"),
    },
    { requiredKeys: ["accountId", "publishId", "status"] },
  )
  .map((wire) => ({ ...wire }));
const batchWireArb = fc.array(statusWireArb, { maxLength: 12 }).map((results) => ({ results }));

describe("round trips", () => {
  test.prop([statusWireArb])(
    "decode(encode(r)) is r for every report an answer decodes to",
    (wire) => {
      const report = ok(decodeWahdxStatus(wire));
      const encoded = ok(encodeStatus(report));
      expect(ok(decodeWahdxStatus(JSON.parse(JSON.stringify(encoded))))).toStrictEqual(report);
    },
  );

  test.prop([batchWireArb])("decode(encode(rs)) is rs for every batch answer", (wire) => {
    const reports = ok(decodeWahdxBatch(wire));
    expect(reports).toHaveLength(wire.results.length);
    expect(ok(decodeWahdxBatch(ok(encodeBatch(reports))))).toStrictEqual(reports);
  });
});

describe("the summary's invariants", () => {
  test.prop([batchWireArb])(
    "every post is counted once: total = done + under way + unknown, and the counts add up",
    (wire) => {
      const { posts, summary } = summarizeBatch(ok(decodeWahdxBatch(wire)));
      const keys = new Set(wire.results.map((r) => `${r.accountId}/${r.publishId}`));
      expect(summary.total).toBe(keys.size);
      expect(posts).toHaveLength(keys.size);
      expect(summary.done + summary.underWay + summary.unknown.count).toBe(summary.total);
      const counted = Object.values(summary.counts).reduce((a, b) => a + b, 0);
      expect(counted).toBe(summary.done + summary.underWay);
      expect(summary.done).toBe(
        summary.counts.published + summary.counts.failed + summary.counts.cancelled,
      );
      expect(summary.failed.every((entry) => entry.status === "failed")).toBe(true);
      expect(summary.failed).toHaveLength(summary.counts.failed);
      expect(new Set(summary.unknown.words)).toStrictEqual(
        new Set(posts.filter((p) => p.status === "unknown").map((p) => p.vendorStatus)),
      );
    },
  );

  test.prop([batchWireArb])(
    "the group status is aggregateStatus of the posts, or unknown when one is unknown",
    (wire) => {
      const { posts, summary } = summarizeBatch(ok(decodeWahdxBatch(wire)));
      const statuses = posts.map((p) => p.status);
      if (statuses.includes("unknown")) expect(summary.status).toBe("unknown");
      else expect(summary.status).toBe(aggregateStatus(statuses as DestinationStatus[]));
    },
  );

  test.prop([
    fc.uniqueArray(statusWireArb, {
      selector: (r) => `${r.accountId}/${r.publishId}`,
      maxLength: 12,
    }),
    fc.integer(),
  ])("the summary does not depend on the order of the answers", (results, seed) => {
    const a = summarizeBatch(ok(decodeWahdxBatch({ results }))).summary;
    const b = summarizeBatch(ok(decodeWahdxBatch({ results: shuffled(results, seed) }))).summary;
    const order = <T extends { readonly publishId: string; readonly accountId: string }>(
      xs: readonly T[],
    ) =>
      [...xs].sort((x, y) =>
        `${x.accountId}/${x.publishId}`.localeCompare(`${y.accountId}/${y.publishId}`),
      );
    expect({
      ...b,
      failed: order(b.failed),
      unknown: { ...b.unknown, words: [...b.unknown.words].sort() },
    }).toStrictEqual({
      ...a,
      failed: order(a.failed),
      unknown: { ...a.unknown, words: [...a.unknown.words].sort() },
    });
  });

  it("counts every canonical status", () => {
    expect(Object.keys(summarizeBatch([]).summary.counts)).toEqual([...destinationStatuses]);
  });
});

// ---------------------------------------------------------------------------
// Never a crash
// ---------------------------------------------------------------------------

describe("never a crash", () => {
  test.prop([fc.anything()])("decoding anything answers with a value or an error", (input) => {
    expect(Result.isResult(decodeWahdxStatus(input))).toBe(true);
    expect(Result.isResult(decodeWahdxBatch(input))).toBe(true);
    expect(Result.isResult(decodeWahdxBatch({ results: [input] }))).toBe(true);
    expect(Result.isResult(Schema.decodeUnknownResult(WahdxBatchCheckJson)(input))).toBe(true);
  });

  test.prop([fc.anything(), fc.anything()])(
    "factsOf and summarizeBatch answer anything without throwing",
    (report, target) => {
      expect(Array.isArray(factsOf(report as never, target as never))).toBe(true);
      expect(summarizeBatch(report as never).summary.total).toBeGreaterThanOrEqual(0);
      expect(summarizeBatch([report, target] as never).posts.length).toBeLessThanOrEqual(2);
    },
  );

  it("factsOf gives no fact for a report or target it cannot read, and reads a bad field as absent", () => {
    const now = "2026-04-20T14:00:00Z";
    const target = { destinationId: "d-tt", now };
    const started = { id: "P", status: "publishing", vendorStatus: "Processing" } as const;
    for (const junk of [null, undefined, 42, "Published", [started], new Map()]) {
      expect(factsOf(junk as never, target)).toEqual([]);
      expect(factsOf(started, junk as never)).toEqual([]);
    }
    expect(factsOf(started, { destinationId: 7, now } as never)).toEqual([]);
    expect(factsOf(started, { destinationId: "d-tt", now: null } as never)).toEqual([]);
    // A publication whose platform id is not text cannot be named, so it is not confirmed.
    const published = { id: "P", status: "published", vendorStatus: "Published" } as const;
    expect(factsOf({ ...published, platformPostId: 42 } as never, target)).toEqual([]);
    // A URL or time that is not text is left out: the fact takes the target's now.
    expect(
      factsOf(
        {
          ...published,
          platformPostId: "7350",
          platformUrl: { toString: 1 },
          publishedAt: 5,
        } as never,
        target,
      ),
    ).toStrictEqual([
      { type: "DELIVERY_SUCCEEDED", destinationId: "d-tt", platformPostId: "7350", now },
    ]);
    // An error that is not a PublishError, a word that is not text: an UNKNOWN_ERROR, never a throw.
    expect(
      factsOf(
        { id: "P", status: "failed", vendorStatus: { toString: 1 }, error: { code: 5 } } as never,
        target,
      ),
    ).toStrictEqual([
      {
        type: "DELIVERY_FAILED",
        destinationId: "d-tt",
        error: {
          code: "UNKNOWN_ERROR",
          message: 'the vendor reported "[object Object]"',
          retryable: false,
        },
        now,
      },
    ]);
  });

  it("summarizeBatch reads a value that is not iterable as an empty batch, and leaves out what is not a report", () => {
    for (const junk of [null, undefined, 42, {}, { length: -1 }, { toString: 1 }]) {
      expect(summarizeBatch(junk as never)).toStrictEqual(summarizeBatch([]));
    }
    const { posts, summary } = summarizeBatch([
      null,
      "P",
      [],
      { id: 1, status: "published", vendorStatus: "Published" },
      { id: "P", status: "published" },
      // A status that is neither canonical nor unknown is unknown; other bad fields read as absent.
      {
        id: "P",
        status: "banana",
        vendorStatus: "Banana",
        accountId: 7,
        platformUrl: 7,
        error: "x",
      },
      { id: "Q", accountId: "A", status: "published", vendorStatus: "Published" },
    ] as never);
    expect(posts).toStrictEqual([
      { accountId: "", publishId: "P", status: "unknown", vendorStatus: "Banana" },
      { accountId: "A", publishId: "Q", status: "published", vendorStatus: "Published" },
    ]);
    expect(summary).toMatchObject({
      total: 2,
      unknown: { count: 1, words: ["Banana"] },
      done: 1,
      status: "unknown",
    });
  });

  test.prop([mutation(statusWireArb)])(
    "a status answer with a key removed or a type swapped: a value, or an error naming the path",
    ({ value, path }) => expectValueOrReadableError(decodeWahdxStatus(value), path),
  );

  test.prop([mutation(batchWireArb)])(
    "a batch answer with a key removed or a type swapped: a value, or an error naming the path",
    ({ value, path }) => expectValueOrReadableError(decodeWahdxBatch(value), path),
  );
});
