/**
 * Fixtures for the wire tests (test/wire-*.test.ts): seed 001's failed post
 * verbatim, helpers that unwrap a codec's `Result` and fail loudly when it is
 * not the expected kind, the words a vendor writes for a status, and the
 * postlife post a decoded report's facts are applied to.
 */
import { fc } from "@fast-check/vitest";
import * as Result from "effect/Result";
import type * as Schema from "effect/Schema";
import { vendors as vocabulary } from "../../spec/vocabularies.json";
import {
  apply,
  normalizeStatus,
  type Post,
  type PostEvent,
  type PublishError,
  type Vendor,
} from "../../src/index.js";
import { factsOf, type PostReport } from "../../src/wire/index.js";
import { draftOf } from "./draft.js";

/** Seed 001's "Failed Post Response", verbatim. */
export const seed001FailedPost = `{
  "success": true,
  "postGroupId": "507f1f77bcf86cd799439011",
  "posts": [
    {
      "_id": "663a1b2c3d4e5f6a7b8c9d03",
      "platform": "threads",
      "platformId": "17841412345678",
      "content": "Check out our new feature!",
      "status": "failed",
      "error": {
        "code": "PLATFORM_AUTH_EXPIRED",
        "message": "Error validating access token",
        "platformStatusCode": 401,
        "platformError": "Invalid OAuth access token",
        "failedAt": "2026-02-22T14:30:00.000Z",
        "retryable": false
      }
    }
  ]
}`;

/** The error of seed 001's failed post, as postlife holds it (a PublishError). */
export const seed001ThreadsError: PublishError = {
  code: "PLATFORM_AUTH_EXPIRED",
  message: "Error validating access token",
  retryable: false,
  platformStatusCode: 401,
  platformError: "Invalid OAuth access token",
  failedAt: "2026-02-22T14:30:00.000Z",
};

/** The success of a Result, or the test fails with the SchemaError's message. */
export const ok = <A>(result: Result.Result<A, Schema.SchemaError>): A => {
  if (Result.isFailure(result))
    throw new Error(`expected a success, got: ${result.failure.message}`);
  return result.success;
};

/** The SchemaError's message of a Result that must fail. */
export const failure = <A>(result: Result.Result<A, Schema.SchemaError>): string => {
  if (Result.isSuccess(result))
    throw new Error(`expected a failure, got ${JSON.stringify(result.success)}`);
  return result.failure.message;
};

/** An optional wire field: the value, or `null` one time in four. */
export const orNull = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });

/** A deterministic shuffle, so that a failing case replays. */
export const shuffled = <T>(items: readonly T[], seed: number): T[] => {
  const copy = [...items];
  let state = seed >>> 0 || 1;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
};

// ---------------------------------------------------------------------------
// A vendor's words.

type Level = "post" | "destination";

/** A word as a vendor may spell it: case, spaces and hyphens for underscores. */
export const spellingsOf = (word: string): string[] => [
  word,
  word.toUpperCase(),
  word.charAt(0).toUpperCase() + word.slice(1),
  word.replaceAll("_", " "),
  word.replaceAll("_", "-"),
];

/** The vendor's words for a status (spelt any way), or postlife's own where it has none. */
export const vendorWordsFor = (vendor: Vendor, status: string, level: Level): string[] => {
  const own = Object.entries(vocabulary[vendor][level] as Record<string, string>)
    .filter(([, s]) => s === status)
    .map(([w]) => w);
  return own.length === 0 ? [status] : own.flatMap(spellingsOf);
};

/** A word the vendor's vocabulary does not know at `level`. */
export const unknownWordArb = (vendor: Vendor, level: Level): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.constantFrom("archived", "Archived (legacy)", "half_done", "in_review", ""),
      fc.string(),
    )
    .filter((word) => !normalizeStatus(word, { vendor, level }).ok);

/**
 * A status and a word a vendor's shape carries for it: one of the vendor's
 * words for it (spelt any way), postlife's own where the vendor has none,
 * or for `unknown` a word nobody knows. Another vendor's word would come
 * back as this vendor's: not a word the shape carries.
 */
export const wordedArb = <S extends string>(
  vendor: Vendor,
  statuses: readonly S[],
  level: Level,
): fc.Arbitrary<{ readonly status: S | "unknown"; readonly vendorStatus: string }> =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .constantFrom(...statuses)
        .chain((status) =>
          fc
            .constantFrom(...vendorWordsFor(vendor, status, level))
            .map((vendorStatus) => ({ status, vendorStatus })),
        ),
    },
    {
      weight: 1,
      arbitrary: unknownWordArb(vendor, level).map((vendorStatus) => ({
        status: "unknown" as const,
        vendorStatus,
      })),
    },
  );

// ---------------------------------------------------------------------------
// The delivery facts a report amounts to, applied to a postlife post.

/** When the post was published and its deliveries started, and when the vendor reported. */
export interface Timeline {
  readonly publishedAt: string;
  readonly startedAt: string;
  readonly reportedAt: string;
}

/** A postlife post going to the report's destinations, published and started on each. */
export const startedPostFor = (report: PostReport, timeline: Timeline): Post => {
  let post = draftOf({
    id: "post-launch",
    content: "Excited to share our new product launch! 🚀",
    // Instagram posts need media.
    media: [{ kind: "image", url: "https://cdn.example.com/launch.jpg" }],
    destinations: report.destinations.map((d) => ({
      id: d.id,
      platform: d.platform ?? "x",
      accountId: d.accountId ?? d.id,
    })),
  });
  const events: PostEvent[] = [
    { type: "PUBLISH", now: timeline.publishedAt },
    ...report.destinations.map(
      (d): PostEvent => ({
        type: "DELIVERY_STARTED",
        destinationId: d.id,
        now: timeline.startedAt,
      }),
    ),
  ];
  for (const event of events) {
    const decision = apply(post, event);
    if (!decision.ok) throw new Error(`${event.type} refused: ${decision.rejection.message}`);
    post = decision.post;
  }
  return post;
};

/** Applies the facts of every destination of the report; each must be accepted. */
export const applyReport = (post: Post, report: PostReport, timeline: Timeline): Post =>
  report.destinations
    .flatMap((d) => factsOf(d, { destinationId: d.id, now: timeline.reportedAt }))
    .reduce((p, fact) => {
      const decision = apply(p, fact);
      if (!decision.ok) throw new Error(`${fact.type} refused: ${decision.rejection.message}`);
      return decision.post;
    }, post);
