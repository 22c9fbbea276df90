/**
 * The vendor payloads of postlife/testing (src/testing/vendor-payloads/)
 * are what they claim: JSON each vendor's codec decodes, carrying every word
 * of the vendor's vocabulary (spec/vocabularies.json) and words nobody
 * knows, each read as the vocabulary says; optional fields present, absent
 * and `null`; and webhook payloads whose facts a post takes, ignores as
 * duplicates or stale, or refuses with a typed rejection, never a throw.
 *
 * What a word means is read here from spec/vocabularies.json by the rule its
 * `$comment` states (case, spaces, hyphens and underscores ignored; the
 * canonical statuses understood everywhere; the generic words as a
 * fallback), not through `normalizeStatus`.
 */
import * as Result from "effect/Result";
import type * as Schema from "effect/Schema";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { vendors as vocabulary } from "../spec/vocabularies.json";
import {
  aggregateStatus,
  apply,
  type DestinationStatus,
  destinationStatuses,
  type Post,
  postStatuses,
  rejectionReasons,
  type Vendor,
  webhookEvents,
} from "../src/index.js";
import {
  mcpPostStatusArbitrary,
  postIn,
  postPostResponseArbitrary,
  reachablePostArbitrary,
  resultsResponseArbitrary,
  wahdxBatchStatusArbitrary,
  wahdxStatusArbitrary,
  webhookPayloadArbitrary,
} from "../src/testing/index.js";
import {
  type DestinationReport,
  decodeMcpPostStatus,
  decodePostPostGroup,
  decodeResults,
  decodeWahdxBatch,
  decodeWahdxStatus,
  decodeWebhook,
  type PostReport,
  type WebhookPayload,
} from "../src/wire/index.js";

/** Runs per property: the repository's (vitest.setup.ts, POSTLIFE_RUNS). */
const RUNS = fc.readConfigureGlobal().numRuns ?? 200;
/** Payloads sampled for the coverage of words and fields. */
const SAMPLES = 2000;

type Level = "post" | "destination";

// ---------------------------------------------------------------------------
// What the vocabulary says, read from the spec.

const fold = (word: string): string =>
  word
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "_");

const wordsOf = (vendor: Vendor, level: Level): Record<string, string> =>
  vocabulary[vendor][level] as Record<string, string>;

const canonical = (level: Level): readonly string[] =>
  level === "post" ? postStatuses : destinationStatuses;

/** The status a word means at a vendor and level by the spec's rule, or "unknown". */
const meaning = (word: string, vendor: Vendor, level: Level): string => {
  const key = fold(word);
  const find = (v: Vendor) =>
    Object.entries(wordsOf(v, level)).find(([own]) => fold(own) === key)?.[1];
  return (
    find(vendor) ??
    (canonical(level).includes(key) ? key : undefined) ??
    find("generic") ??
    "unknown"
  );
};

/** How a word stands to a vendor's table: its own spelling, respelt, understood only, unknown. */
const kindOf = (word: string, vendor: Vendor, level: Level): string => {
  const own = Object.keys(wordsOf(vendor, level));
  if (own.includes(word)) return "own";
  if (own.some((w) => fold(w) === fold(word))) return "respelt";
  return meaning(word, vendor, level) === "unknown" ? "unknown" : "understood";
};

// ---------------------------------------------------------------------------
// Each word of a payload, with what its codec made of it.

interface Read {
  readonly word: string;
  readonly level: Level;
  /** The vendor whose words these are. */
  readonly vendor: Vendor;
  readonly status: string;
  readonly vendorStatus: string | undefined;
  /** What the spec says it means, with the vendor's own rules applied (seed 003's retry times). */
  readonly expected: string;
}

const decoded = <A>(result: Result.Result<A, Schema.SchemaError>, payload: unknown): A => {
  if (Result.isFailure(result)) {
    throw new Error(`${result.failure.message}\nin ${JSON.stringify(payload)}`);
  }
  return result.success;
};

/** What the payload looks like after travelling as JSON text, which is how a service gets it. */
const received = <T>(payload: T): T => {
  const travelled = JSON.parse(JSON.stringify(payload)) as T;
  expect(travelled).toStrictEqual(payload);
  return travelled;
};

const destinationReads = (
  vendor: Vendor,
  words: readonly string[],
  reports: readonly DestinationReport[],
  expectedOf: (word: string, index: number) => string = (word) =>
    meaning(word, vendor, "destination"),
): Read[] => {
  expect(reports).toHaveLength(words.length);
  return words.map((word, i) => ({
    word,
    level: "destination",
    vendor,
    status: reports[i]?.status ?? "missing",
    vendorStatus: reports[i]?.vendorStatus,
    expected: expectedOf(word, i),
  }));
};

/** The group's word, read: its status, or the one its destinations overruled. */
const postRead = (vendor: Vendor, word: string, report: PostReport): Read => ({
  word,
  level: "post",
  vendor,
  status: report.overruledStatus ?? report.status,
  vendorStatus: report.vendorStatus,
  expected: meaning(word, vendor, "post"),
});

/** PostPost: the group's word when it has one, else what its posts add up to; each post's word. */
const readPostPost = (payload: unknown): Read[] => {
  const response = received(payload) as {
    readonly status?: string | null;
    readonly posts: readonly { readonly status: string }[];
  };
  const report = decoded(decodePostPostGroup(response), response);
  const posts = destinationReads(
    "postpost",
    response.posts.map((p) => p.status),
    report.destinations,
  );
  if (response.status === undefined || response.status === null) {
    const statuses = report.destinations.map((d) => d.status);
    expect(report.vendorStatus).toBeUndefined();
    expect(report.status).toBe(
      statuses.includes("unknown")
        ? "unknown"
        : aggregateStatus(statuses as readonly DestinationStatus[]),
    );
    return posts;
  }
  return [postRead("postpost", response.status, report), ...posts];
};

/** Seed 003: the post's word; each result's, queued or failed with a retry time being retrying. */
const readResults = (payload: unknown): Read[] => {
  const response = received(payload) as {
    readonly data: {
      readonly post_status: string;
      readonly results: readonly { readonly status: string; readonly next_retry_at?: unknown }[];
    };
  };
  const report = decoded(decodeResults(response), response);
  const { results } = response.data;
  return [
    postRead("posteverywhere-results", response.data.post_status, report),
    ...destinationReads(
      "posteverywhere-results",
      results.map((r) => r.status),
      report.destinations,
      (word, i) => {
        const status = meaning(word, "posteverywhere-results", "destination");
        const retryAt = results[i]?.next_retry_at;
        return (status === "queued" || status === "failed") &&
          retryAt !== undefined &&
          retryAt !== null
          ? "retrying"
          : status;
      },
    ),
  ];
};

/** The MCP service: one word, read for the post and for its one destination. */
const readMcp = (payload: unknown): Read[] => {
  const status = received(payload) as { readonly status: string };
  const report = decoded(decodeMcpPostStatus(status), status);
  return [
    postRead("postato", status.status, report),
    ...destinationReads("postato", [status.status], report.destinations),
  ];
};

const readWahdx = (payload: unknown): Read[] => {
  const status = received(payload) as { readonly status: string };
  return destinationReads("wahdx", [status.status], [decoded(decodeWahdxStatus(status), status)]);
};

const readWahdxBatch = (payload: unknown): Read[] => {
  const answer = received(payload) as { readonly results: readonly { readonly status: string }[] };
  return destinationReads(
    "wahdx",
    answer.results.map((r) => r.status),
    decoded(decodeWahdxBatch(answer), answer),
  );
};

interface VendorCase {
  readonly name: string;
  readonly vendor: Vendor;
  readonly arbitrary: fc.Arbitrary<unknown>;
  readonly read: (payload: unknown) => Read[];
  /** The levels whose own words the payloads must all carry. */
  readonly levels: readonly Level[];
}

const cases: readonly VendorCase[] = [
  {
    name: "postPostResponseArbitrary",
    vendor: "postpost",
    arbitrary: postPostResponseArbitrary,
    read: readPostPost,
    levels: ["post", "destination"],
  },
  {
    name: "resultsResponseArbitrary",
    vendor: "posteverywhere-results",
    arbitrary: resultsResponseArbitrary,
    read: readResults,
    levels: ["post", "destination"],
  },
  {
    name: "mcpPostStatusArbitrary",
    vendor: "postato",
    arbitrary: mcpPostStatusArbitrary,
    read: readMcp,
    levels: ["post", "destination"],
  },
  {
    name: "wahdxStatusArbitrary",
    vendor: "wahdx",
    arbitrary: wahdxStatusArbitrary,
    read: readWahdx,
    levels: ["destination"],
  },
  {
    name: "wahdxBatchStatusArbitrary",
    vendor: "wahdx",
    arbitrary: wahdxBatchStatusArbitrary,
    read: readWahdxBatch,
    levels: ["destination"],
  },
];

describe.each(cases)("$name", ({ vendor, arbitrary, read, levels }) => {
  it("gives JSON its codec decodes, each status word read as the vocabulary says", () => {
    fc.assert(
      fc.property(arbitrary, (payload) => {
        for (const r of read(payload)) {
          expect(r.status, `${r.level} word ${JSON.stringify(r.word)}`).toBe(r.expected);
          expect(r.vendorStatus).toBe(r.word);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("gives words nobody knows, decoded as unknown with the word kept in vendorStatus", () => {
    let unknown = 0;
    fc.assert(
      fc.property(arbitrary, (payload) => {
        for (const r of read(payload)) {
          if (meaning(r.word, r.vendor, r.level) !== "unknown") continue;
          unknown++;
          expect(r.status).toBe("unknown");
          expect(r.vendorStatus).toBe(r.word);
        }
      }),
      { numRuns: RUNS },
    );
    expect(unknown).toBeGreaterThan(0);
  });

  it(`carries every word of ${vendor}'s vocabulary, respelt ones, ones it never writes and unknown ones`, () => {
    const seen = new Map<Level, Set<string>>([
      ["post", new Set()],
      ["destination", new Set()],
    ]);
    for (const payload of fc.sample(arbitrary, { numRuns: SAMPLES, seed: 42 })) {
      for (const r of read(payload)) seen.get(r.level)?.add(r.word);
    }
    for (const level of levels) {
      const words = seen.get(level) ?? new Set();
      const missing = Object.keys(wordsOf(vendor, level)).filter((w) => !words.has(w));
      expect(missing, `${level} words never generated`).toEqual([]);
      const kinds = new Set([...words].map((w) => kindOf(w, vendor, level)));
      expect([...kinds].sort(), level).toEqual(["own", "respelt", "understood", "unknown"]);
    }
  });
});

// ---------------------------------------------------------------------------
// Optional fields: present, absent and null, where the vendor allows each.

type Presence = "present" | "absent" | "null";

const presenceOf = (record: object, key: string): Presence =>
  !(key in record)
    ? "absent"
    : (record as Record<string, unknown>)[key] === null
      ? "null"
      : "present";

const presences = <T extends object>(
  records: readonly T[],
  keys: readonly string[],
): Record<string, string[]> =>
  Object.fromEntries(
    keys.map((key) => [key, [...new Set(records.map((r) => presenceOf(r, key)))].sort()]),
  );

const all = ["absent", "null", "present"];

describe("optional fields", () => {
  const sample = <T>(arbitrary: fc.Arbitrary<T>): T[] =>
    fc.sample(arbitrary, { numRuns: SAMPLES, seed: 7 });

  it("PostPost: the group's status, each post's postedId and error", () => {
    const responses = sample(postPostResponseArbitrary);
    expect(presences(responses, ["status"])).toEqual({ status: all });
    const posts = responses.flatMap((r) => r.posts);
    expect(presences(posts, ["postedId", "error"])).toEqual({ postedId: all, error: all });
  });

  it("seed 003: every nullable field of a result, queued with and without a retry time", () => {
    const results = sample(resultsResponseArbitrary).flatMap((r) => r.data.results);
    const nullable = [
      "account_name",
      "published_at",
      "platform_post_id",
      "platform_post_url",
      "error",
      "next_retry_at",
    ];
    expect(presences(results, nullable)).toEqual(
      Object.fromEntries(nullable.map((key) => [key, all])),
    );
    const queued = results.filter((r) => r.status === "queued");
    expect(presences(queued, ["next_retry_at"])).toEqual({ next_retry_at: all });
  });

  it("the MCP service: every optional field of get_post_status", () => {
    const optional = [
      "externalId",
      "externalUrl",
      "platformPostId",
      "platformUrl",
      "platform",
      "accountId",
      "content",
      "publishedAt",
      "scheduledAt",
      "error",
    ];
    expect(presences(sample(mcpPostStatusArbitrary), optional)).toEqual(
      Object.fromEntries(optional.map((key) => [key, all])),
    );
  });

  it("Wahdx: postUrl and error; errors as bare messages and seed-001 objects", () => {
    const statuses = sample(wahdxStatusArbitrary);
    expect(presences(statuses, ["postUrl", "error"])).toEqual({ postUrl: all, error: all });
    const errors = statuses.flatMap((s) =>
      s.error === undefined || s.error === null ? [] : [s.error],
    );
    expect(new Set(errors.map((e) => typeof e))).toEqual(new Set(["string", "object"]));
  });
});

// ---------------------------------------------------------------------------
// Webhooks.

const refusedFacts = new Set<string>(rejectionReasons);
// A decoded fact is always well formed, and the post is always one apply made.
refusedFacts.delete("malformed_event");
refusedFacts.delete("invalid_post");

describe("webhookPayloadArbitrary", () => {
  /**
   * Posts in every status, and some further along their deliveries (fixed, to keep runs fast),
   * each with payloads about it. Built in the hook, not when the file is collected: `postIn`
   * walks the model paths (seconds).
   */
  let deliveries: fc.Arbitrary<[Post, WebhookPayload[]]>;
  beforeAll(() => {
    const posts: readonly Post[] = [
      ...postStatuses.map((status) => postIn(status).post),
      ...fc.sample(reachablePostArbitrary, { numRuns: 30, seed: 11 }),
    ];
    deliveries = fc
      .constantFrom(...posts)
      .chain((post) =>
        fc.tuple(fc.constant(post), fc.array(webhookPayloadArbitrary(post), { maxLength: 8 })),
      );
  });

  it("gives payloads decodeWebhook reads, about the post, every event postlife emits and unknown ones", () => {
    const events = new Set<string>();
    fc.assert(
      fc.property(deliveries, ([post, payloads]) => {
        for (const payload of payloads) {
          const notice = decoded(decodeWebhook(received(payload)), payload);
          expect(notice.postId).toBe(post.id);
          events.add(notice.event);
          if (!(webhookEvents as readonly string[]).includes(notice.event)) {
            expect(notice.facts).toEqual([]);
          }
        }
      }),
      { numRuns: RUNS },
    );
    for (const event of webhookEvents) expect(events, event).toContain(event);
    expect([...events].some((e) => !(webhookEvents as readonly string[]).includes(e))).toBe(true);
  });

  it("applied in the order they come, their facts are taken, ignored or refused with a reason, never thrown", () => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(deliveries, ([post, payloads]) => {
        let current = post;
        for (const payload of payloads) {
          const notice = decoded(decodeWebhook(received(payload)), payload);
          for (const fact of notice.facts) {
            const decision = apply(current, fact);
            if (decision.ok) {
              expect([undefined, "duplicate", "stale"]).toContain(decision.ignored);
              if (decision.ignored !== undefined) expect(decision.post).toBe(current);
              outcomes.add(decision.ignored ?? "taken");
              current = decision.post;
            } else {
              expect(refusedFacts, decision.rejection.message).toContain(decision.rejection.reason);
              expect(decision.rejection.eventType).toBe(fact.type);
              outcomes.add("refused");
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
    expect([...outcomes].sort()).toEqual(["duplicate", "refused", "stale", "taken"]);
  });

  it("redelivers: the same payload, and the same fact twice, come up in arrays of them", () => {
    let samePayload = 0;
    let sameFact = 0;
    for (const [, payloads] of fc.sample(deliveries, { numRuns: 300, seed: 3 })) {
      const texts = payloads.map((p) => JSON.stringify(p));
      if (new Set(texts).size < texts.length) samePayload++;
      const facts = payloads.flatMap((p) => {
        const notice = decodeWebhook(p);
        return Result.isSuccess(notice)
          ? notice.success.facts.map(({ now: _, ...fact }) => JSON.stringify(fact))
          : [];
      });
      if (new Set(facts).size < facts.length) sameFact++;
    }
    expect(samePayload).toBeGreaterThan(0);
    expect(sameFact).toBeGreaterThan(30);
  });
});
