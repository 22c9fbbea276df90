/**
 * The codec of seed 001's get-post response (src/wire/postpost.schema.ts):
 * the seed's two responses and the partially published group of its prose,
 * decoded field by field; the delivery facts they amount to, applied to a
 * postlife post; PostPost's words written back; readable errors; and the
 * properties: no input makes it throw, a damaged response is answered with
 * the path of the damage, and decode(encode(r)) is r for every report the
 * shape can carry.
 */
import { fc, test } from "@fast-check/vitest";
import * as Result from "effect/Result";
import * as Schema from "effect/Schema";
import { describe, expect, it } from "vitest";
import {
  aggregateStatus,
  type DestinationStatus,
  destinationStatuses,
  errorCodeTable,
  type KnownErrorCode,
  normalizeStatus,
  type PublishError,
  platformOf,
  postStatuses,
} from "../src/index.js";
import {
  type DestinationReport,
  decodePostPostGroup,
  encodePostPostGroup,
  type PostPostGetPostResponse,
  PostPostGroupJson,
  type PostReport,
} from "../src/wire/index.js";
import { groupStatus } from "../src/wire/internal/group-status.js";
import { damagedArb, formatPath, pathOf } from "./support/mutation.js";
import {
  applyReport,
  failure,
  ok,
  seed001FailedPost,
  seed001ThreadsError,
  startedPostFor,
  unknownWordArb,
  wordedArb,
} from "./support/wire-fixtures.js";

// ---------------------------------------------------------------------------
// Seed 001's JSON, verbatim (its "Failed Post Response" is `seed001FailedPost`).

/** Seed 001's "Response". */
const seedResponse = `{
  "success": true,
  "postGroupId": "507f1f77bcf86cd799439011",
  "posts": [
    {
      "_id": "663a1b2c3d4e5f6a7b8c9d01",
      "platform": "twitter",
      "platformId": "123456789",
      "content": "Excited to share our new product launch! 🚀",
      "status": "published",
      "postedId": "1234567890123456789"
    },
    {
      "_id": "663a1b2c3d4e5f6a7b8c9d02",
      "platform": "linkedin",
      "platformId": "ABC123",
      "content": "Excited to share our new product launch! 🚀",
      "status": "published",
      "postedId": "urn:li:share:7654321"
    }
  ]
}`;

const response = JSON.parse(seedResponse) as PostPostGetPostResponse;
const failedResponse = JSON.parse(seed001FailedPost) as PostPostGetPostResponse;

/**
 * Seed 001's prose: "if a post group targets Twitter, LinkedIn, and Threads,
 * and the Threads post fails while the others succeed, the group status will
 * be partially_published". The seed's own posts, in one group.
 */
const partiallyPublished: PostPostGetPostResponse = {
  success: true,
  postGroupId: "507f1f77bcf86cd799439011",
  status: "partially_published",
  posts: [...response.posts, ...failedResponse.posts],
};

const twitter: DestinationReport = {
  id: "663a1b2c3d4e5f6a7b8c9d01",
  platform: "twitter",
  accountId: "123456789",
  status: "published",
  vendorStatus: "published",
  content: "Excited to share our new product launch! 🚀",
  platformPostId: "1234567890123456789",
};
const linkedin: DestinationReport = {
  id: "663a1b2c3d4e5f6a7b8c9d02",
  platform: "linkedin",
  accountId: "ABC123",
  status: "published",
  vendorStatus: "published",
  content: "Excited to share our new product launch! 🚀",
  platformPostId: "urn:li:share:7654321",
};
const threads: DestinationReport = {
  id: "663a1b2c3d4e5f6a7b8c9d03",
  platform: "threads",
  accountId: "17841412345678",
  status: "failed",
  vendorStatus: "failed",
  content: "Check out our new feature!",
  error: seed001ThreadsError,
};

/** The report of a decode that must succeed. */
const decoded = (json: unknown): PostReport => ok(decodePostPostGroup(json));
/** The JSON of an encode that must succeed. */
const encoded = (report: PostReport): PostPostGetPostResponse => ok(encodePostPostGroup(report));
/** The message of a decode that must fail. */
const decodeFailure = (json: unknown): string => failure(decodePostPostGroup(json));
/** The message of an encode that must fail. */
const encodeFailure = (report: PostReport): string => failure(encodePostPostGroup(report));

describe("seed 001's responses, decoded", () => {
  it("the response: two published posts, the group published by what its posts add up to", () => {
    const report = decoded(response);
    expect(report.id).toBe("507f1f77bcf86cd799439011");
    expect(report.status).toBe("published");
    expect(report.vendorStatus).toBeUndefined();
    expect(report.destinations).toHaveLength(2);
    expect(report.destinations[0]).toStrictEqual(twitter);
    expect(report.destinations[1]).toStrictEqual(linkedin);
    expect(report).toStrictEqual({
      id: "507f1f77bcf86cd799439011",
      status: "published",
      destinations: [twitter, linkedin],
    });
  });

  it("the failed post response: the error object as a plain PublishError, every field kept", () => {
    const report = decoded(failedResponse);
    expect(report.status).toBe("failed");
    expect(report.vendorStatus).toBeUndefined();
    const [destination] = report.destinations;
    expect(destination?.status).toBe("failed");
    expect(destination?.platformPostId).toBeUndefined();
    expect(destination?.error?.code).toBe("PLATFORM_AUTH_EXPIRED");
    expect(destination?.error?.message).toBe("Error validating access token");
    expect(destination?.error?.platformStatusCode).toBe(401);
    expect(destination?.error?.platformError).toBe("Invalid OAuth access token");
    expect(destination?.error?.failedAt).toBe("2026-02-22T14:30:00.000Z");
    expect(destination?.error?.retryable).toBe(false);
    // A plain value, not the tagged class PublishErrorJson decodes to.
    expect(Object.getPrototypeOf(destination?.error)).toBe(Object.prototype);
    expect(report).toStrictEqual({
      id: "507f1f77bcf86cd799439011",
      status: "failed",
      destinations: [threads],
    });
  });

  it("the partially published group of the seed's prose: the group's own word is read", () => {
    const report = decoded(partiallyPublished);
    expect(report).toStrictEqual({
      id: "507f1f77bcf86cd799439011",
      status: "partially_published",
      vendorStatus: "partially_published",
      destinations: [twitter, linkedin, threads],
    });
  });

  it("seed 001: a group PostPost calls published while one of its posts failed is partially_published, its word kept as overruled", () => {
    // "if ... the Threads post fails while the others succeed, the group status will be
    // partially_published": what its posts add up to, whatever the group's own word says.
    const report = decoded({ ...partiallyPublished, status: "published" });
    expect(report).toStrictEqual({
      id: "507f1f77bcf86cd799439011",
      status: "partially_published",
      vendorStatus: "published",
      overruledStatus: "published",
      destinations: [twitter, linkedin, threads],
    });
    // Written back, the group's word goes out as it came.
    expect(encoded(report).status).toBe("published");
    // The same, told apart from a group that agrees with its posts.
    expect(decoded(partiallyPublished).overruledStatus).toBeUndefined();
    const { overruledStatus: _, ...unsaid } = report;
    expect(encodeFailure({ ...unsaid, status: "published" })).toMatch(
      /^status is "published", but its destinations add up to partially_published.*\n {2}at \["status"\]$/,
    );
  });

  it("without the group's word, the posts add up to the same status", () => {
    const { status: _, ...silent } = partiallyPublished;
    expect(decoded(silent).status).toBe("partially_published");
    expect(decoded(silent).vendorStatus).toBeUndefined();
  });

  it("the Schema codec and the plain functions agree", () => {
    expect(Schema.decodeUnknownSync(PostPostGroupJson)(partiallyPublished)).toStrictEqual(
      decoded(partiallyPublished),
    );
    expect(Schema.encodeSync(PostPostGroupJson)(decoded(partiallyPublished))).toStrictEqual(
      partiallyPublished,
    );
  });
});

describe("seed 001's responses, written back", () => {
  it.each([
    ["the response", seedResponse],
    ["the failed post response", seed001FailedPost],
  ])("%s comes back verbatim, key for key and in the seed's order", (_, text) => {
    const json: unknown = JSON.parse(text);
    const written = encoded(decoded(json));
    expect(written).toStrictEqual(json);
    expect(JSON.stringify(written, null, 2)).toBe(text);
  });

  it("the partially published group comes back with its word", () => {
    expect(encoded(decoded(partiallyPublished))).toStrictEqual(partiallyPublished);
  });
});

// ---------------------------------------------------------------------------
// The delivery facts a report amounts to.

const timeline = {
  publishedAt: "2026-02-22T14:29:50.000Z",
  startedAt: "2026-02-22T14:29:55.000Z",
  reportedAt: "2026-02-22T14:31:00.000Z",
};

describe("the facts of a decoded report, applied to a postlife post", () => {
  it.each([
    ["the response", response, "published"],
    ["the failed post response", failedResponse, "failed"],
    ["the partially published group", partiallyPublished, "partially_published"],
  ] as const)("%s leads the post to the report's status", (_, json, status) => {
    const report = decoded(json);
    expect(report.status).toBe(status);
    const post = applyReport(startedPostFor(report, timeline), report, timeline);
    expect(post.status).toBe(report.status);
    for (const d of report.destinations) {
      const held = post.destinations.find((p) => p.id === d.id);
      expect(held?.status).toBe(d.status);
      if (d.platformPostId !== undefined) expect(held?.platformPostId).toBe(d.platformPostId);
      if (d.error !== undefined) expect(held?.error?.code).toBe(d.error.code);
    }
  });
});

// ---------------------------------------------------------------------------
// Words.

const baseDestination = twitter;
/** A group of one post, its status what the post adds up to (publishing when unknown). */
const withDestination = (fields: Partial<DestinationReport>): PostReport => {
  const destination = { ...baseDestination, ...fields };
  const status =
    destination.status === "unknown" ? "publishing" : aggregateStatus([destination.status]);
  return {
    id: "507f1f77bcf86cd799439011",
    status,
    vendorStatus: status,
    destinations: [destination],
  };
};

describe("PostPost's words", () => {
  it("pending is queued and processing is publishing; written back the same way", () => {
    const report = decoded({
      ...response,
      posts: [
        { ...response.posts[0], status: "pending" },
        { ...response.posts[1], status: "processing" },
      ],
    });
    expect(report.destinations.map((d) => d.status)).toEqual(["queued", "publishing"]);
    expect(report.status).toBe("publishing");
    expect(
      encoded({
        ...report,
        destinations: report.destinations.map((d) => ({ ...d, vendorStatus: d.status })),
      }).posts.map((p) => p.status),
    ).toEqual(["pending", "processing"]);
  });

  it.each(destinationStatuses)(
    "a destination %s is written in a word PostPost reads back as it",
    (status) => {
      const written = encoded(withDestination({ status, vendorStatus: "" }));
      const word = written.posts[0]?.status ?? "";
      expect(normalizeStatus(word, { vendor: "postpost", level: "destination" })).toStrictEqual({
        ok: true,
        status,
      });
      expect(decoded(written).destinations[0]?.status).toBe(status);
    },
  );

  it.each(postStatuses)("a group %s is written in a word PostPost reads back as it", (status) => {
    // Without posts, nothing overrules the group's word.
    const written = encoded({
      ...withDestination({}),
      status,
      vendorStatus: "?",
      destinations: [],
    });
    expect(
      normalizeStatus(written.status ?? "", { vendor: "postpost", level: "post" }),
    ).toStrictEqual({ ok: true, status });
    expect(decoded(written).status).toBe(status);
  });

  it("the vendor's own word is kept when PostPost reads it as the status: case and spelling survive", () => {
    const written = encoded(withDestination({ status: "queued", vendorStatus: "PENDING" }));
    expect(written.posts[0]?.status).toBe("PENDING");
    expect(decoded(written).destinations[0]?.vendorStatus).toBe("PENDING");
  });

  it("another vendor's word for the status is replaced by PostPost's", () => {
    const written = encoded(withDestination({ status: "published", vendorStatus: "SENT" }));
    expect(written.posts[0]?.status).toBe("published");
  });

  it("an unknown word is kept: status unknown, the word in vendorStatus, written back verbatim", () => {
    const json = { ...response, posts: [{ ...response.posts[0], status: "Archived (legacy)" }] };
    const report = decoded(json);
    expect(report.destinations[0]?.status).toBe("unknown");
    expect(report.destinations[0]?.vendorStatus).toBe("Archived (legacy)");
    expect(report.status).toBe("unknown");
    expect(encoded(report)).toStrictEqual(json);
  });

  it("an unknown group word is kept too; the posts still say what the group is", () => {
    const json = { ...response, status: "half_done" };
    const report = decoded(json);
    expect(report.status).toBe("published");
    expect(report.overruledStatus).toBe("unknown");
    expect(report.vendorStatus).toBe("half_done");
    expect(encoded(report)).toStrictEqual(json);
    // With no posts to say otherwise, the group is unknown.
    expect(decoded({ ...json, posts: [] }).status).toBe("unknown");
  });
});

// ---------------------------------------------------------------------------
// Tolerance and readable errors.

describe("tolerance", () => {
  it("fields it does not know are ignored, at every level", () => {
    const json = {
      ...partiallyPublished,
      processingStatus: "finished",
      createdAt: "2026-02-22T14:00:00.000Z",
      posts: partiallyPublished.posts.map((p) => ({
        ...p,
        __v: 0,
        scheduledAt: null,
        ...(p.error ? { error: { ...p.error, traceId: "abc" } } : {}),
      })),
    };
    expect(decoded(json)).toStrictEqual(decoded(partiallyPublished));
  });

  it("null is read as absent where PostPost may leave a field out", () => {
    const json = {
      ...response,
      status: null,
      posts: [{ ...response.posts[0], postedId: null, error: null, status: "scheduled" }],
    };
    const report = decoded(json);
    expect(report.status).toBe("scheduled");
    expect(report.vendorStatus).toBeUndefined();
    expect(report.destinations[0]?.platformPostId).toBeUndefined();
    expect(report.destinations[0] && "error" in report.destinations[0]).toBe(false);
  });

  it("an error code nobody knows is kept, and survives a round trip", () => {
    const json = {
      ...failedResponse,
      posts: [
        {
          ...failedResponse.posts[0],
          error: {
            code: "MEDIA_PROCESSING_FAILED",
            message: "The video could not be processed",
            platformError: null,
            retryable: false,
          },
        },
      ],
    };
    const report = decoded(json);
    expect(report.destinations[0]?.error).toStrictEqual({
      code: "MEDIA_PROCESSING_FAILED",
      message: "The video could not be processed",
      platformError: null,
      retryable: false,
    });
    const written = encoded(report);
    expect(written.posts[0]?.error?.code).toBe("UNKNOWN_ERROR");
    expect(written.posts[0]?.error?.postlifeCode).toBe("MEDIA_PROCESSING_FAILED");
    expect(decoded(written)).toStrictEqual(report);
  });

  it("no posts: an empty group is a draft", () => {
    expect(decoded({ ...response, posts: [] })).toStrictEqual({
      id: "507f1f77bcf86cd799439011",
      status: "draft",
      destinations: [],
    });
  });
});

describe("readable errors", () => {
  it("a malformed ObjectId, which PostPost answers with a 500, is a clean validation error", () => {
    expect(decodeFailure({ ...response, postGroupId: "507f1f77bcf86cd79943901" })).toBe(
      'Expected a MongoDB ObjectId (24 hexadecimal characters), got "507f1f77bcf86cd79943901"\n  at ["postGroupId"]',
    );
    expect(
      decodeFailure({ ...response, posts: [{ ...response.posts[0], _id: "not-an-object-id!" }] }),
    ).toBe(
      'Expected a MongoDB ObjectId (24 hexadecimal characters), got "not-an-object-id!"\n  at ["posts"][0]["_id"]',
    );
  });

  it("a missing required field names its path", () => {
    const { status: _, ...withoutStatus } = response.posts[1] ?? twitter;
    expect(decodeFailure({ ...response, posts: [response.posts[0], withoutStatus] })).toBe(
      'Missing key\n  at ["posts"][1]["status"]',
    );
    const { posts: __, ...withoutPosts } = response;
    expect(decodeFailure(withoutPosts)).toBe('Missing key\n  at ["posts"]');
  });

  it("a field of the wrong type names its path and the type expected", () => {
    expect(
      decodeFailure({ ...response, posts: [{ ...response.posts[0], platformId: 123456789 }] }),
    ).toBe('Expected string\n  at ["posts"][0]["platformId"]');
    expect(
      decodeFailure({ ...failedResponse, posts: [{ ...failedResponse.posts[0], error: "boom" }] }),
    ).toBe('Expected object | null\n  at ["posts"][0]["error"]');
    expect(decodeFailure("507f1f77bcf86cd799439011")).toBe("Expected object");
  });

  it("a report PostPost cannot carry is refused by the encoder, naming the path", () => {
    const { content: _, ...withoutContent } = twitter;
    expect(encodeFailure({ ...withDestination({}), destinations: [withoutContent] })).toBe(
      'Missing key\n  at ["destinations"][0]["content"]',
    );
    expect(encodeFailure({ ...withDestination({}), id: "post-1" })).toBe(
      'Expected a MongoDB ObjectId (24 hexadecimal characters), got "post-1"\n  at ["id"]',
    );
    expect(encodeFailure(withDestination({ status: "unknown", vendorStatus: "processing" }))).toBe(
      'status is "unknown", but PostPost reads "processing" as publishing\n  at ["destinations"][0]["vendorStatus"]',
    );
    expect(encodeFailure({ ...withDestination({}), status: "unknown" })).toBe(
      'status is "unknown", but PostPost reads "published" as published\n  at ["vendorStatus"]',
    );
    const { vendorStatus: __, ...silent } = withDestination({});
    expect(encodeFailure({ ...silent, status: "unknown" })).toMatch(
      /^status is "unknown" but its posts are not.*\n {2}at \["vendorStatus"\]$/,
    );
    expect(encodeFailure(null as unknown as PostReport)).toBe("Expected object");
  });

  it("what PostPost has no place for is left out", () => {
    const written = encoded(
      withDestination({
        platformUrl: "https://x.com/i/status/1",
        publishedAt: "2026-02-22T14:30:00.000Z",
        attempts: 2,
      }),
    );
    expect(Object.keys(written.posts[0] ?? {})).toEqual([
      "_id",
      "platform",
      "platformId",
      "content",
      "status",
      "postedId",
    ]);
  });
});

// ---------------------------------------------------------------------------
// Arbitraries: the reports seed 001 can carry.

const unknownCodeArb = fc
  .string({ minLength: 1, maxLength: 24 })
  .filter((code) => !Object.hasOwn(errorCodeTable, code));

const INSTANTS = ["2026-02-22T14:30:00.000Z", "2026-02-22T14:30:00Z", "2026-04-20T14:00:03.123Z"];

/**
 * A PublishError seed 001's object carries: platformError given (an absent
 * one is written as the seed's null). `forApply` keeps to what `apply`
 * accepts in a DELIVERY_FAILED (a code, an instant).
 */
const publishErrorArb = (forApply: boolean): fc.Arbitrary<PublishError> =>
  fc
    .record(
      {
        code: fc.oneof(
          {
            weight: 4,
            arbitrary: fc.constantFrom(...(Object.keys(errorCodeTable) as KnownErrorCode[])),
          },
          {
            weight: 1,
            arbitrary: forApply ? unknownCodeArb : fc.string({ minLength: 1, maxLength: 24 }),
          },
        ),
        message: fc.string({ maxLength: 30 }),
        retryable: fc.boolean(),
        platformError: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
        platformStatusCode: fc.integer({ min: 100, max: 599 }),
        failedAt: fc.constantFrom(...INSTANTS),
        retryAfterMs: fc.integer({ min: 0, max: 48 * 3_600_000 }),
        outcomeUnknown: fc.boolean(),
        platformCode: fc.oneof(
          fc.integer({ min: -10, max: 100_000 }),
          fc.string({ maxLength: 12 }),
        ),
        platformSubcode: fc.integer({ min: 0, max: 3_000_000 }),
      },
      { requiredKeys: ["code", "message", "retryable", "platformError"] },
    )
    .map((error) => ({ ...error }));

const objectIdArb = fc.stringMatching(/^[0-9a-fA-F]{24}$/);

const destinationArb = (forApply: boolean): fc.Arbitrary<DestinationReport> =>
  fc
    .record(
      {
        id: objectIdArb,
        platform: fc.oneof(
          fc.constantFrom("twitter", "linkedin", "threads", "x"),
          // A platform postlife knows brings its content rules (YouTube wants a video):
          // for apply, the known ones above, others only by names postlife does not know.
          forApply
            ? fc.string({ minLength: 1 }).filter((p) => platformOf(p) === undefined)
            : fc.string(),
        ),
        accountId: forApply ? fc.string({ minLength: 1 }) : fc.string(),
        content: fc.string(),
        worded: wordedArb("postpost", destinationStatuses, "destination"),
        platformPostId: fc.string({ minLength: forApply ? 1 : 0 }),
        error: publishErrorArb(forApply),
      },
      { requiredKeys: ["id", "platform", "accountId", "content", "worded"] },
    )
    .map(({ worded, ...rest }) => ({ ...rest, ...worded }));

/** Where the group's status comes from: its own word, or (none) what its posts add up to. */
function roundTripArb(options: { readonly forApply?: boolean } = {}): fc.Arbitrary<PostReport> {
  const forApply = options.forApply === true;
  return fc
    .record({
      id: objectIdArb,
      destinations: fc.uniqueArray(destinationArb(forApply), {
        // A post needs a destination to publish.
        minLength: forApply ? 1 : 0,
        maxLength: 4,
        selector: (d) => d.id.toLowerCase(),
      }),
      group: fc.option(wordedArb("postpost", postStatuses, "post"), { nil: undefined }),
    })
    .map(({ id, destinations, group }): PostReport => {
      // What a reader makes of the group's word (or of none) beside these posts: the report says it.
      if (group === undefined) return { id, ...groupStatus(undefined, destinations), destinations };
      return {
        id,
        vendorStatus: group.vendorStatus,
        ...groupStatus(group.status, destinations),
        destinations,
      };
    });
}

// ---------------------------------------------------------------------------
// Properties.

const seeds = [response, failedResponse, partiallyPublished];

describe("properties", () => {
  test.prop([fc.anything()])("the decoder never throws on anything at all", (value) => {
    const read = decodePostPostGroup(value);
    if (Result.isFailure(read)) {
      expect(Schema.isSchemaError(read.failure)).toBe(true);
      expect(read.failure.message.length).toBeGreaterThan(0);
    }
  });

  test.prop([fc.constantFrom(...seeds).chain(damagedArb)])(
    "a damaged seed response is a report, or an error whose message names the path of the damage",
    ({ json, at }) => {
      const read = decodePostPostGroup(json);
      if (Result.isFailure(read)) {
        expect(read.failure.message).toMatch(/^\S/);
        expect(pathOf(read.failure.message).startsWith(formatPath(at))).toBe(true);
      } else {
        // A report it gives can be written back.
        expect(Result.isSuccess(encodePostPostGroup(read.success))).toBe(true);
      }
    },
  );

  test.prop([roundTripArb()])(
    "decode(encode(r)) is r for every report PostPost can carry",
    (report) => {
      const written = encoded(report);
      expect(JSON.parse(JSON.stringify(written))).toStrictEqual(written);
      expect(decoded(written)).toStrictEqual(report);
    },
  );

  test.prop([
    unknownWordArb("postpost", "destination"),
    unknownWordArb("postpost", "post"),
    unknownCodeArb,
  ])("unknown statuses and unknown error codes survive a round trip", (word, groupWord, code) => {
    const json = {
      ...partiallyPublished,
      status: groupWord,
      posts: partiallyPublished.posts.map((p, i) =>
        i === 2 ? { ...p, status: word, error: { ...p.error, code } } : p,
      ),
    };
    const report = decoded(json);
    expect(report.status).toBe("unknown");
    expect(report.vendorStatus).toBe(groupWord);
    expect(report.destinations[2]?.status).toBe("unknown");
    expect(report.destinations[2]?.vendorStatus).toBe(word);
    expect(report.destinations[2]?.error?.code).toBe(code);
    const back = decoded(encoded(report));
    expect(back).toStrictEqual(report);
  });

  test.prop([roundTripArb({ forApply: true })])(
    "the facts of any report lead a started post to what its destinations add up to",
    (report) => {
      const post = applyReport(startedPostFor(report, timeline), report, timeline);
      // A vendor's failure is final, even one it once thought might have reached the platform.
      const reached = report.destinations.map(
        (d): DestinationStatus =>
          d.status === "failed"
            ? "failed"
            : d.status === "published" && d.platformPostId
              ? "published"
              : "publishing",
      );
      expect(post.status).toBe(aggregateStatus(reached));
    },
  );
});
