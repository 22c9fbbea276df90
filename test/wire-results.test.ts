/**
 * The codec of seed 003's `/posts/:id/results` response
 * (src/wire/results.schema.ts): the seed's response decoded field by field;
 * the delivery facts it amounts to, applied to a postlife post; queued with a
 * retry time as retrying; error strings read through the platform's words;
 * seed 003's words written back; readable errors; and the properties: no
 * input makes it throw, a damaged response is answered with the path of the
 * damage, and decode(encode(r)) is r for every report the shape can carry.
 */
import { fc, test } from "@fast-check/vitest";
import * as Result from "effect/Result";
import * as Schema from "effect/Schema";
import { describe, expect, it } from "vitest";
import {
  aggregateStatus,
  classifyFailure,
  type DestinationStatus,
  destinationStatuses,
  normalizeStatus,
  platformOf,
  postStatuses,
} from "../src/index.js";
import {
  type DestinationReport,
  decodeResults,
  encodeResults,
  factsOf,
  type PostReport,
  ResultsJson,
  type ResultsResponse,
} from "../src/wire/index.js";
import { groupStatus } from "../src/wire/internal/group-status.js";
import { damagedArb, formatPath, pathOf } from "./support/mutation.js";
import {
  applyReport,
  failure,
  ok,
  startedPostFor,
  unknownWordArb,
  vendorWordsFor,
  wordedArb,
} from "./support/wire-fixtures.js";

// ---------------------------------------------------------------------------
// Seed 003's JSON, verbatim.

/** Seed 003's "200 — Post results". */
const seedResponse = `{
"data": {
"post_id": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
"post_status": "published",
"results": [
{
"account_id": 2280,
"account_name": "@mybrand",
"platform": "instagram",
"status": "published",
"published_at": "2026-04-15T14:30:05.000Z",
"platform_post_id": "17895432678901234",
"platform_post_url": "https://www.instagram.com/p/ABC123/",
"error": null,
"attempts": 1,
"next_retry_at": null
},
{
"account_id": 2282,
"account_name": "@mybrand",
"platform": "x",
"status": "published",
"published_at": "2026-04-15T14:30:03.000Z",
"platform_post_id": "1780123456789012345",
"platform_post_url": "https://x.com/mybrand/status/1780123456789012345",
"error": null,
"attempts": 1,
"next_retry_at": null
},
{
"account_id": 2285,
"account_name": "My Brand Inc.",
"platform": "linkedin",
"status": "failed",
"published_at": null,
"platform_post_id": null,
"platform_post_url": null,
"error": "Token expired. Please reconnect your LinkedIn account.",
"attempts": 3,
"next_retry_at": null
}
]
},
"error": null,
"meta": {
"request_id": "a1b2c3d4",
"timestamp": "2026-04-15T15:00:00.000Z"
}
}`;

const response = JSON.parse(seedResponse) as ResultsResponse;
const [instagramResult, xResult, linkedinResult] = response.data.results;

const instagram: DestinationReport = {
  id: "2280",
  platform: "instagram",
  accountId: "2280",
  status: "published",
  vendorStatus: "published",
  platformPostId: "17895432678901234",
  platformUrl: "https://www.instagram.com/p/ABC123/",
  publishedAt: "2026-04-15T14:30:05.000Z",
  attempts: 1,
};
const x: DestinationReport = {
  id: "2282",
  platform: "x",
  accountId: "2282",
  status: "published",
  vendorStatus: "published",
  platformPostId: "1780123456789012345",
  platformUrl: "https://x.com/mybrand/status/1780123456789012345",
  publishedAt: "2026-04-15T14:30:03.000Z",
  attempts: 1,
};
const linkedin: DestinationReport = {
  id: "2285",
  platform: "linkedin",
  accountId: "2285",
  status: "failed",
  vendorStatus: "failed",
  error: {
    code: "PLATFORM_AUTH_EXPIRED",
    message: "Token expired. Please reconnect your LinkedIn account.",
    retryable: false,
  },
  attempts: 3,
};

/** The report of a decode that must succeed. */
const decoded = (json: unknown): PostReport => ok(decodeResults(json));
/** The JSON of an encode that must succeed. */
const encoded = (report: PostReport): ResultsResponse => ok(encodeResults(report));
/** The message of a decode that must fail. */
const decodeFailure = (json: unknown): string => failure(decodeResults(json));
/** The message of an encode that must fail. */
const encodeFailure = (report: PostReport): string => failure(encodeResults(report));

/** The seed's response with its results replaced. */
const withResults = (...results: readonly object[]): unknown => ({
  ...response,
  data: { ...response.data, results },
});

describe("seed 003's response, decoded", () => {
  it("the post and its three results, field by field", () => {
    const report = decoded(response);
    expect(report.id).toBe("f47ac10b-58cc-4372-a567-0e02b2c3d479");
    expect(report.status).toBe("partially_published");
    expect(report.vendorStatus).toBe("published");
    expect(report.overruledStatus).toBe("published");
    expect(report.destinations).toHaveLength(3);
    expect(report.destinations[0]).toStrictEqual(instagram);
    expect(report.destinations[1]).toStrictEqual(x);
    expect(report.destinations[2]).toStrictEqual(linkedin);
  });

  it("the error string is read through the platform's words, its message kept", () => {
    const error = decoded(response).destinations[2]?.error;
    expect(error?.code).toBe("PLATFORM_AUTH_EXPIRED");
    expect(error?.retryable).toBe(false);
    expect(error?.message).toBe(linkedinResult?.error);
  });

  it("an error string the words say nothing about is UNKNOWN_ERROR, the message kept", () => {
    const report = decoded(
      withResults({ ...xResult, status: "failed", error: "Something went wrong (ref 7f3a)" }),
    );
    expect(report.destinations[0]?.error).toStrictEqual({
      code: "UNKNOWN_ERROR",
      message: "Something went wrong (ref 7f3a)",
      retryable: true,
    });
  });

  it("the Schema codec and the plain functions agree", () => {
    expect(Schema.decodeUnknownSync(ResultsJson)(response)).toStrictEqual(decoded(response));
    expect(Schema.encodeSync(ResultsJson)(decoded(response))).toStrictEqual(
      encoded(decoded(response)),
    );
  });
});

describe("seed 003's response, written back", () => {
  it("every field comes back, in the seed's order, except what a report has no place for", () => {
    const written = encoded(decoded(response));
    // account_name has no place in a DestinationReport; meta is the envelope's, not the post's.
    const { meta: _, ...withoutMeta } = response;
    expect(written).toStrictEqual({
      ...withoutMeta,
      data: {
        ...response.data,
        results: response.data.results.map((r) => ({ ...r, account_name: null })),
      },
    });
    expect(Object.keys(written.data.results[0] ?? {})).toEqual(Object.keys(instagramResult ?? {}));
  });
});

// ---------------------------------------------------------------------------
// The delivery facts a report amounts to.

const timeline = {
  publishedAt: "2026-04-15T14:29:50.000Z",
  startedAt: "2026-04-15T14:30:00.000Z",
  reportedAt: "2026-04-15T15:00:00.000Z",
};

describe("the facts of the decoded report, applied to a postlife post", () => {
  it("lead each destination to its reported status, and the post to what they add up to", () => {
    const report = decoded(response);
    const post = applyReport(startedPostFor(report, timeline), report, timeline);
    for (const d of report.destinations) {
      const held = post.destinations.find((p) => p.id === d.id);
      expect(held?.status).toBe(d.status);
      expect(held?.platformPostId).toBe(d.platformPostId);
      expect(held?.platformUrl).toBe(d.platformUrl);
      if (d.publishedAt !== undefined) expect(held?.publishedAt).toBe(d.publishedAt);
      if (d.error !== undefined) expect(held?.error?.code).toBe(d.error.code);
    }
    // Seed 003 writes post_status "published" although LinkedIn failed; the report says what the
    // results add up to, as postlife's post does, and keeps the vendor's word.
    expect(report.status).toBe("partially_published");
    expect(post.status).toBe("partially_published");
    expect(post.status).toBe(
      aggregateStatus(report.destinations.map((d) => d.status as DestinationStatus)),
    );
  });
});

// ---------------------------------------------------------------------------
// Words.

const RETRY_AT = "2026-04-15T14:35:00.000Z";

/** A report of one destination, the post's status what it adds up to (publishing when unknown). */
const withDestination = (fields: Partial<DestinationReport>): PostReport => {
  const destination = { ...x, ...fields };
  const status =
    destination.status === "unknown" ? "publishing" : aggregateStatus([destination.status]);
  return {
    id: "f47ac10b-58cc-4372-a567-0e02b2c3d479",
    status,
    vendorStatus: status,
    destinations: [destination],
  };
};

describe("seed 003's words", () => {
  it("queued with a retry time is retrying; without one, queued", () => {
    const pending = { ...xResult, status: "queued", published_at: null, platform_post_id: null };
    const report = decoded(
      withResults(
        {
          ...pending,
          account_id: 1,
          error: "Service unavailable",
          attempts: 1,
          next_retry_at: RETRY_AT,
        },
        { ...pending, account_id: 2, attempts: 0, next_retry_at: null },
      ),
    );
    expect(report.destinations[0]?.status).toBe("retrying");
    expect(report.destinations[0]?.vendorStatus).toBe("queued");
    expect(report.destinations[0]?.nextRetryAt).toBe(RETRY_AT);
    expect(report.destinations[0]?.attempts).toBe(1);
    expect(report.destinations[1]?.status).toBe("queued");
    expect(report.destinations[1]?.nextRetryAt).toBeUndefined();
    const written = encoded(report).data.results;
    expect(written.map((r) => [r.status, r.next_retry_at])).toEqual([
      ["queued", RETRY_AT],
      ["queued", null],
    ]);
  });

  it("retrying is written as queued with its retry time, and read back as retrying", () => {
    const written = encoded(
      withDestination({ status: "retrying", vendorStatus: "retrying", nextRetryAt: RETRY_AT }),
    );
    expect(written.data.results[0]?.status).toBe("queued");
    expect(written.data.results[0]?.next_retry_at).toBe(RETRY_AT);
    expect(decoded(written).destinations[0]?.status).toBe("retrying");
  });

  it("a queued destination is written without a retry time: seed 003 would read it as retrying", () => {
    const written = encoded(
      withDestination({ status: "queued", vendorStatus: "queued", nextRetryAt: RETRY_AT }),
    );
    expect(written.data.results[0]?.next_retry_at).toBeNull();
    expect(decoded(written).destinations[0]?.status).toBe("queued");
  });

  it.each(destinationStatuses)(
    "a destination %s is written in words seed 003 reads back as it",
    (status) => {
      const written = encoded(withDestination({ status, vendorStatus: "" }));
      expect(decoded(written).destinations[0]?.status).toBe(status);
    },
  );

  it.each(postStatuses)("a post %s is written in a word seed 003 reads back as it", (status) => {
    // Without results, nothing overrules the post's word.
    const written = encoded({
      ...withDestination({}),
      status,
      vendorStatus: "?",
      destinations: [],
    });
    expect(
      normalizeStatus(written.data.post_status, {
        vendor: "posteverywhere-results",
        level: "post",
      }),
    ).toStrictEqual({ ok: true, status });
    expect(decoded(written).status).toBe(status);
  });

  it("the vendor's own word is kept in any spelling; another vendor's is replaced", () => {
    expect(
      encoded(withDestination({ status: "publishing", vendorStatus: "Publishing" })).data.results[0]
        ?.status,
    ).toBe("Publishing");
    expect(
      encoded(withDestination({ status: "publishing", vendorStatus: "processing" })).data.results[0]
        ?.status,
    ).toBe("publishing");
  });

  it("unknown words are kept, at both levels, and written back verbatim", () => {
    const json = {
      ...response,
      data: {
        ...response.data,
        post_status: "in_review",
        results: [{ ...xResult, status: "Archived (legacy)", account_name: null }],
      },
    };
    const report = decoded(json);
    expect(report.status).toBe("unknown");
    expect(report.vendorStatus).toBe("in_review");
    expect(report.destinations[0]?.status).toBe("unknown");
    expect(report.destinations[0]?.vendorStatus).toBe("Archived (legacy)");
    const { meta: _, ...withoutMeta } = json;
    expect(encoded(report)).toStrictEqual(withoutMeta);
  });
});

// ---------------------------------------------------------------------------
// Seed 003's rules, one test each.

describe("seed 003's rules", () => {
  it("seed 003: the post's status is what its results add up to; the vendor's word is kept, and said to be overruled", () => {
    // The seed's example: post_status "published", LinkedIn failed beside two published results.
    const report = decoded(response);
    expect(report.status).toBe("partially_published");
    expect(report.status).toBe(aggregateStatus(["published", "published", "failed"]));
    expect(report.vendorStatus).toBe("published");
    expect(report.overruledStatus).toBe("published");
    // Written back, the vendor's word goes out as it came.
    expect(encoded(report).data.post_status).toBe("published");
  });

  it("seed 003: a word the results agree with stands, and nothing is overruled", () => {
    const agreeing = decoded({
      ...response,
      data: { ...response.data, post_status: "partially_published" },
    });
    expect(agreeing.status).toBe("partially_published");
    expect(agreeing.overruledStatus).toBeUndefined();
    // Results that are all queued say only that nothing is done: a scheduled post stays scheduled.
    const waiting = decoded({
      ...response,
      data: {
        ...response.data,
        post_status: "scheduled",
        results: [{ ...xResult, status: "queued", published_at: null, platform_post_id: null }],
      },
    });
    expect(waiting.status).toBe("scheduled");
    expect(waiting.overruledStatus).toBeUndefined();
  });

  it("seed 003: a report whose status its results do not add up to is refused by the encoder", () => {
    const report = decoded(response);
    const { overruledStatus: _, ...unsaid } = report;
    expect(encodeFailure({ ...unsaid, status: "published" })).toBe(
      'status is "published", but its destinations add up to partially_published, overruling the word for published (status partially_published, overruledStatus "published")\n  at ["status"]',
    );
    expect(encodeFailure({ ...report, overruledStatus: "partially_published" })).toBe(
      'overruledStatus is "partially_published", but nothing overrules the group\'s word: its destinations agree with it, or cannot say\n  at ["overruledStatus"]',
    );
  });

  it("seed 003: a failed result with next_retry_at has a retry scheduled: it is retrying, never a final failure", () => {
    const report = decoded(
      withResults({
        ...linkedinResult,
        error: "Service unavailable",
        attempts: 1,
        next_retry_at: RETRY_AT,
      }),
    );
    const [linkedIn] = report.destinations;
    expect(linkedIn?.status).toBe("retrying");
    expect(linkedIn?.vendorStatus).toBe("failed");
    expect(linkedIn?.nextRetryAt).toBe(RETRY_AT);
    expect(report.status).toBe("publishing");
    // No DELIVERY_FAILED with retryable: false: the vendor tries again at next_retry_at.
    expect(
      factsOf(linkedIn as DestinationReport, { destinationId: "d-li", now: RETRY_AT }),
    ).toEqual([]);
    // A report that says failed with a retry time is not final either.
    expect(
      factsOf(
        { id: "2285", status: "failed", vendorStatus: "failed", nextRetryAt: RETRY_AT },
        { destinationId: "d-li", now: RETRY_AT },
      ),
    ).toEqual([]);
    // Written back as it came, and read back the same.
    const written = encoded(report);
    expect(written.data.results[0]?.status).toBe("failed");
    expect(written.data.results[0]?.next_retry_at).toBe(RETRY_AT);
    expect(decoded(written)).toStrictEqual(report);
    // Without a retry time, failed stays final.
    expect(decoded(response).destinations[2]?.status).toBe("failed");
    expect(
      encodeFailure(
        withDestination({ status: "failed", vendorStatus: "failed", nextRetryAt: RETRY_AT }),
      ),
    ).toBe(
      'status is "failed", but a retry is scheduled: a failure with a retry time is retrying (status "retrying")\n  at ["destinations"][0]["nextRetryAt"]',
    );
  });

  it("seed 003: published_at and next_retry_at with an offset are kept in canonical UTC, with Z", () => {
    const report = decoded(
      withResults(
        { ...xResult, published_at: "2026-04-15T16:30:03+02:00" },
        {
          ...linkedinResult,
          status: "queued",
          error: null,
          next_retry_at: "2026-04-15T10:35:00-04:00",
        },
      ),
    );
    expect(report.destinations[0]?.publishedAt).toBe("2026-04-15T14:30:03.000Z");
    expect(report.destinations[1]?.nextRetryAt).toBe("2026-04-15T14:35:00.000Z");
    // Written in the seed's "UTC timestamp ... (Z suffix)", whatever form the report holds.
    const written = encoded(withDestination({ publishedAt: "2026-04-15T16:30:03+02:00" }));
    expect(written.data.results[0]?.published_at).toBe("2026-04-15T14:30:03.000Z");
  });
});

// ---------------------------------------------------------------------------
// Tolerance and readable errors.

describe("tolerance", () => {
  it("fields it does not know are ignored, at every level; the envelope's error and meta too", () => {
    const json = {
      ...response,
      error: { anything: ["at", "all"] },
      meta: "not an object",
      links: { self: "/v1/posts/f47ac10b/results" },
      data: {
        ...response.data,
        created_at: "2026-04-15T14:29:00.000Z",
        results: response.data.results.map((r) => ({ ...r, platform_content: { text: "hi" } })),
      },
    };
    expect(decoded(json)).toStrictEqual(decoded(response));
  });

  it("a field that may be null may also be absent", () => {
    const { account_id, platform, status, attempts } = linkedinResult ?? xResult ?? ({} as never);
    const report = decoded(withResults({ account_id, platform, status, attempts }));
    expect(report.destinations[0]).toStrictEqual({
      id: "2285",
      platform: "linkedin",
      accountId: "2285",
      status: "failed",
      vendorStatus: "failed",
      attempts: 3,
    });
  });
});

describe("readable errors", () => {
  it("a missing required field names its path", () => {
    const { attempts: _, ...withoutAttempts } = xResult ?? ({} as never);
    expect(decodeFailure(withResults(instagramResult ?? {}, withoutAttempts))).toBe(
      'Missing key\n  at ["data"]["results"][1]["attempts"]',
    );
    expect(decodeFailure({ error: { code: "NOT_FOUND" }, meta: {} })).toBe(
      'Missing key\n  at ["data"]',
    );
  });

  it("a time that is not an instant names its path (it would become a fact's now)", () => {
    expect(decodeFailure(withResults({ ...xResult, published_at: "yesterday" }))).toMatch(
      /at \["data"\]\["results"\]\[0\]\["published_at"\]$/,
    );
    expect(decodeFailure(withResults({ ...xResult, next_retry_at: "2026-04-15 14:35" }))).toMatch(
      /at \["data"\]\["results"\]\[0\]\["next_retry_at"\]$/,
    );
  });

  it("a field of the wrong type names its path and the type expected", () => {
    expect(decodeFailure(withResults({ ...xResult, account_id: "2282" }))).toBe(
      'Expected number\n  at ["data"]["results"][0]["account_id"]',
    );
    expect(decodeFailure(withResults({ ...xResult, account_id: 22.82 }))).toBe(
      'Expected an integer\n  at ["data"]["results"][0]["account_id"]',
    );
    expect(decodeFailure(withResults({ ...xResult, attempts: -1 }))).toBe(
      'Expected a value greater than or equal to 0\n  at ["data"]["results"][0]["attempts"]',
    );
    expect(decodeFailure(withResults({ ...xResult, error: { message: "?" } }))).toBe(
      'Expected string | null\n  at ["data"]["results"][0]["error"]',
    );
  });

  it("a report seed 003 cannot carry is refused by the encoder, naming the path", () => {
    expect(encodeFailure(withDestination({ id: "d-x" }))).toBe(
      'Expected an account_id (an integer, in decimal), got "d-x"\n  at ["destinations"][0]["id"]',
    );
    expect(encodeFailure(withDestination({ accountId: "999" }))).toBe(
      'the results API names a result by its account_id: accountId must be the id "2282"\n  at ["destinations"][0]["accountId"]',
    );
    const { attempts: _, ...withoutAttempts } = x;
    expect(encodeFailure({ ...withDestination({}), destinations: [withoutAttempts] })).toBe(
      'Missing key\n  at ["destinations"][0]["attempts"]',
    );
    expect(
      encodeFailure(
        withDestination({ status: "unknown", vendorStatus: "queued", nextRetryAt: RETRY_AT }),
      ),
    ).toBe(
      'status is "unknown", but the results API reads "queued" as retrying\n  at ["destinations"][0]["vendorStatus"]',
    );
    const { vendorStatus: __, ...silent } = withDestination({});
    expect(encodeFailure({ ...silent, status: "unknown" })).toBe(
      'status is "unknown": the results API needs the word it wrote (vendorStatus)\n  at ["vendorStatus"]',
    );
  });

  it("what seed 003 has no place for is left out: an error's code and details, content", () => {
    const written = encoded(
      withDestination({
        status: "failed",
        vendorStatus: "failed",
        content: "Per-platform text",
        error: {
          code: "RATE_LIMITED",
          message: "Slow down",
          retryable: true,
          retryAfterMs: 60_000,
        },
      }),
    );
    expect(written.data.results[0]?.error).toBe("Slow down");
    expect(Object.keys(written.data.results[0] ?? {})).toEqual(Object.keys(xResult ?? {}));
    // Read back, the error is what its words say.
    expect(decoded(written).destinations[0]?.error).toStrictEqual({
      code: "UNKNOWN_ERROR",
      message: "Slow down",
      retryable: true,
    });
  });
});

// ---------------------------------------------------------------------------
// Arbitraries: the reports seed 003 can carry.

/** Times as postlife keeps them: canonical UTC (the decoder writes every other form so). */
const INSTANTS = [
  "2026-04-15T14:30:03.000Z",
  "2026-04-15T14:30:05.000Z",
  "2026-04-20T14:00:03.123Z",
];

/**
 * A result's status, word and retry time as seed 003 carries them: queued
 * without a retry time; failed without one (with one it is retrying);
 * retrying as queued or failed with one, or as postlife's word without; any
 * other status with or without.
 */
const statusArb = fc.oneof(
  wordedArb(
    "posteverywhere-results",
    destinationStatuses.filter((s) => s !== "queued" && s !== "retrying" && s !== "failed"),
    "destination",
  ).chain((worded) =>
    fc
      .option(fc.constantFrom(...INSTANTS), { nil: undefined })
      .map((nextRetryAt) => (nextRetryAt === undefined ? worded : { ...worded, nextRetryAt })),
  ),
  fc
    .constantFrom(...vendorWordsFor("posteverywhere-results", "queued", "destination"))
    .map((vendorStatus) => ({
      status: "queued" as const,
      vendorStatus,
    })),
  fc
    .constantFrom(...vendorWordsFor("posteverywhere-results", "failed", "destination"))
    .map((vendorStatus) => ({
      status: "failed" as const,
      vendorStatus,
    })),
  fc
    .tuple(
      fc.constantFrom(
        ...vendorWordsFor("posteverywhere-results", "queued", "destination"),
        ...vendorWordsFor("posteverywhere-results", "failed", "destination"),
      ),
      fc.constantFrom(...INSTANTS),
    )
    .map(([vendorStatus, nextRetryAt]) => ({
      status: "retrying" as const,
      vendorStatus,
      nextRetryAt,
    })),
  fc.constant({ status: "retrying" as const, vendorStatus: "retrying" }),
);

const destinationArb = (forApply: boolean): fc.Arbitrary<DestinationReport> =>
  fc
    .record(
      {
        accountId: fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        platform: fc.oneof(
          fc.constantFrom("instagram", "x", "linkedin", "threads", "facebook"),
          // A platform postlife knows brings its content rules (YouTube wants a video):
          // for apply, the known ones above, others only by names postlife does not know.
          forApply
            ? fc.string({ minLength: 1 }).filter((p) => platformOf(p) === undefined)
            : fc.string(),
        ),
        worded: statusArb,
        platformPostId: fc.string({ minLength: forApply ? 1 : 0 }),
        platformUrl: forApply ? fc.webUrl() : fc.string(),
        publishedAt: fc.constantFrom(...INSTANTS),
        message: fc.oneof(
          fc.constantFrom(
            "Token expired. Please reconnect your LinkedIn account.",
            "Error validating access token: Session has expired",
            "Status is a duplicate.",
            "",
          ),
          fc.string(),
        ),
        attempts: fc.nat(),
      },
      { requiredKeys: ["accountId", "platform", "worded", "attempts"] },
    )
    .map(({ accountId, worded, message, ...rest }) => {
      const id = String(accountId);
      // The error seed 003 carries: its message, and what the platform's words make of it.
      const words =
        message === undefined ? undefined : classifyFailure({ platform: rest.platform, message });
      return {
        id,
        accountId: id,
        ...rest,
        ...worded,
        ...(message === undefined || words === undefined
          ? {}
          : { error: { code: words.code, message, retryable: words.retryable } }),
      };
    });

const roundTripArb = (options: { readonly forApply?: boolean } = {}): fc.Arbitrary<PostReport> => {
  const forApply = options.forApply === true;
  return fc
    .record({
      id: fc.oneof(fc.uuid(), fc.string({ minLength: forApply ? 1 : 0 })),
      group: wordedArb("posteverywhere-results", postStatuses, "post"),
      destinations: fc.uniqueArray(destinationArb(forApply), {
        // A post needs a destination to publish.
        minLength: forApply ? 1 : 0,
        maxLength: 4,
        selector: (d) => d.id,
      }),
    })
    .map(({ id, group, destinations }) => ({
      id,
      vendorStatus: group.vendorStatus,
      // What a reader makes of the word beside these results: the report says the same.
      ...groupStatus(group.status, destinations),
      destinations,
    }));
};

// ---------------------------------------------------------------------------
// Properties.

describe("properties", () => {
  test.prop([fc.anything()])("the decoder never throws on anything at all", (value) => {
    const read = decodeResults(value);
    if (Result.isFailure(read)) {
      expect(Schema.isSchemaError(read.failure)).toBe(true);
      expect(read.failure.message.length).toBeGreaterThan(0);
    }
  });

  test.prop([damagedArb(response)])(
    "a damaged seed response is a report, or an error whose message names the path of the damage",
    ({ json, at }) => {
      const read = decodeResults(json);
      if (Result.isFailure(read)) {
        expect(read.failure.message).toMatch(/^\S/);
        expect(pathOf(read.failure.message).startsWith(formatPath(at))).toBe(true);
      } else {
        // A report it gives can be written back.
        expect(Result.isSuccess(encodeResults(read.success))).toBe(true);
      }
    },
  );

  test.prop([roundTripArb()])(
    "decode(encode(r)) is r for every report seed 003 can carry",
    (report) => {
      const written = encoded(report);
      expect(JSON.parse(JSON.stringify(written))).toStrictEqual(written);
      expect(decoded(written)).toStrictEqual(report);
    },
  );

  test.prop([
    unknownWordArb("posteverywhere-results", "destination"),
    unknownWordArb("posteverywhere-results", "post"),
    fc.string(),
  ])("unknown statuses and error strings survive a round trip", (word, postWord, message) => {
    const json = withResults({ ...linkedinResult, status: word, error: message });
    const report = decoded({
      ...(json as ResultsResponse),
      data: { ...(json as ResultsResponse).data, post_status: postWord },
    });
    expect(report.status).toBe("unknown");
    expect(report.vendorStatus).toBe(postWord);
    expect(report.destinations[0]?.status).toBe("unknown");
    expect(report.destinations[0]?.vendorStatus).toBe(word);
    expect(report.destinations[0]?.error?.message).toBe(message);
    expect(decoded(encoded(report))).toStrictEqual(report);
  });

  test.prop([roundTripArb({ forApply: true })])(
    "the facts of any report lead a started post to what its results add up to",
    (report) => {
      const post = applyReport(startedPostFor(report, timeline), report, timeline);
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
