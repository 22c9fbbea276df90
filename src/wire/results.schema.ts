/**
 * The results API's `GET /posts/:id/results` response (published by
 * PostEverywhere) as an Effect Schema codec into postlife's `PostReport` and
 * back.
 *
 * Decoding reads the post and one result per connected account: every
 * status word through the vocabulary of vendor `posteverywhere-results`
 * (`normalizeStatus`), a word nobody knows kept as `status: "unknown"` with
 * the word in `vendorStatus`. A result with a non-null `next_retry_at` ("the
 * next scheduled retry (null if not retrying)") is `retrying` when its word
 * is `queued` or `failed`: a retry is scheduled, so the failure is not final.
 * `account_id` (an integer) is the destination's `id` and `accountId`, as a
 * string; the `error` string is a `PublishError` whose code is what the
 * platform's words say (`classifyFailure`: LinkedIn's "Token expired" is
 * `PLATFORM_AUTH_EXPIRED`), `UNKNOWN_ERROR` when they say nothing, the
 * message kept as it came; `attempts` is carried; `published_at` and
 * `next_retry_at` are kept in canonical UTC (`2026-04-15T14:30:05.000Z`)
 * whatever offset they came with, like every time postlife keeps. The post's
 * `status` is what its results add up to (`aggregateStatus`): the API's own
 * example, LinkedIn failed beside two published results, is
 * `partially_published`, although its `post_status` says `published`; the
 * word is kept in `vendorStatus`, and its reading in `overruledStatus` when
 * the results overrule it. Fields it does not know are ignored; `null` and an
 * absent key are the same wherever the API allows `null`.
 *
 * Encoding writes the API's own word for each status (`queued` with
 * `next_retry_at` for retrying, or `failed` when that was the word read), or
 * the report's `vendorStatus` when that is one of the API's words for the
 * status (in any case or spacing) or a word nobody knows, so such a word
 * comes back as it went; a word of another vendor's, or postlife's where the
 * API has its own, is replaced by the API's. The post's word is the one for
 * `overruledStatus` when there is one. Times are written in canonical UTC
 * (the API's "Z suffix"). Every field of a result is written, `null` when
 * absent, as the API does. What the API has no place for is left out: an
 * error's code and details (only its message is written, and read back
 * through the platform's words), a destination's `content`, and
 * `nextRetryAt` on a `queued` destination (the API's readers would read it
 * as retrying). A report that lacks what the API requires (`platform`,
 * `attempts`, an integer id) or contradicts itself (a failed destination
 * with a retry time, a status its results do not add up to) fails with a
 * `SchemaError` naming the path. For every report the shape can carry, with
 * its times in canonical UTC, `decode(encode(r))` is `r`.
 */

import type * as Result from "effect/Result";
import * as Schema from "effect/Schema";
import * as SchemaGetter from "effect/SchemaGetter";
import { canonicalInstant } from "../domain/instant.js";
import { destinationStatuses, postStatuses } from "../domain/status.js";
import { classifyFailure } from "../errors/classify.js";
import { Count, Instant } from "./internal/fields.js";
import { contradiction, groupStatus } from "./internal/group-status.js";
import { present } from "./internal/present.js";
import { statusOf } from "./internal/status-of.js";
import type { PostReport } from "./report.js";
import { vendorWord } from "./vocabulary.js";

/**
 * One entry of the results API's `results[]`: the post's outcome on one connected account.
 *
 * @example
 * ```ts
 * import type { AccountResult } from "postlife/wire";
 * const linkedin: AccountResult = {
 *   account_id: 2285,
 *   account_name: "My Brand Inc.",
 *   platform: "linkedin",
 *   status: "failed",
 *   published_at: null,
 *   platform_post_id: null,
 *   platform_post_url: null,
 *   error: "Token expired. Please reconnect your LinkedIn account.",
 *   attempts: 3,
 *   next_retry_at: null,
 * };
 * ```
 * @since 0.1.0
 */
export interface AccountResult {
  readonly account_id: number;
  /** Read and ignored (a report has no place for it); written as `null`. */
  readonly account_name?: string | null;
  /** `instagram`, `x`, `linkedin`, …, kept as the vendor writes it. */
  readonly platform: string;
  /** `queued`, `publishing`, `published`, `failed`; any string is read. */
  readonly status: string;
  /** UTC, with a Z suffix; any offset is read, and kept in canonical UTC. */
  readonly published_at?: string | null;
  readonly platform_post_id?: string | null;
  readonly platform_post_url?: string | null;
  /** A human-readable error message. */
  readonly error?: string | null;
  readonly attempts: number;
  /** When the vendor tries again; with `status` `queued` or `failed` the result is retrying. */
  readonly next_retry_at?: string | null;
}

/**
 * The results API's `GET /posts/:id/results` response.
 *
 * @example
 * ```ts
 * import type { ResultsResponse } from "postlife/wire";
 * const response: ResultsResponse = {
 *   data: { post_id: "f47ac10b-58cc-4372-a567-0e02b2c3d479", post_status: "published", results: [] },
 *   error: null,
 * };
 * ```
 * @since 0.1.0
 */
export interface ResultsResponse {
  readonly data: {
    /** The post's UUID. */
    readonly post_id: string;
    /** The vendor's word for the post: kept as `vendorStatus`; the status is what the results add up to. */
    readonly post_status: string;
    readonly results: readonly AccountResult[];
  };
  /** The envelope's error: read and ignored, written as `null`. */
  readonly error?: unknown;
  /** The envelope's request id and time: read and ignored, never written. */
  readonly meta?: unknown;
}

const vendor = "posteverywhere-results";

// ---------------------------------------------------------------------------
// The wire: the API's JSON, field by field, in the order of its example.

const AccountResultWire = Schema.Struct({
  account_id: Schema.Int,
  account_name: Schema.optionalKey(Schema.NullOr(Schema.String)),
  platform: Schema.String,
  status: Schema.String,
  published_at: Schema.optionalKey(Schema.NullOr(Instant)),
  platform_post_id: Schema.optionalKey(Schema.NullOr(Schema.String)),
  platform_post_url: Schema.optionalKey(Schema.NullOr(Schema.String)),
  error: Schema.optionalKey(Schema.NullOr(Schema.String)),
  attempts: Count,
  next_retry_at: Schema.optionalKey(Schema.NullOr(Instant)),
});

const ResponseWire = Schema.Struct({
  data: Schema.Struct({
    post_id: Schema.String,
    post_status: Schema.String,
    results: Schema.Array(AccountResultWire),
  }),
  error: Schema.optionalKey(Schema.Unknown),
  meta: Schema.optionalKey(Schema.Unknown),
});

type AccountResultWire = (typeof AccountResultWire)["Type"];
type ResponseWire = (typeof ResponseWire)["Type"];

// ---------------------------------------------------------------------------
// Words: what the API's words mean, and which word to write for a status.

type Level = "post" | "destination";

/**
 * A result's status: its word's, except that a result waiting for a retry
 * time (`queued`, or `failed` with its retry already scheduled) is retrying.
 */
const readResult = (word: string, nextRetryAt: string | undefined) => {
  const status = statusOf(word, { vendor, level: "destination" });
  return (status === "queued" || status === "failed") && nextRetryAt !== undefined
    ? "retrying"
    : status;
};

/**
 * The word to write for a status (`vendorWord`): the report's own word only
 * when it is one of the API's, in any case or spacing. Another vendor's
 * word is not written: a reader of the API's JSON would not know it.
 */
const wordFor = (status: string, vendorStatus: string | undefined, level: Level): string =>
  vendorWord(status, { vendor, level, keep: vendorStatus, ownWordsOnly: true });

/** An unknown status keeps the word nobody understood; a word the API knows contradicts it. */
const unknownKeepsItsWord = (status: string, read: string, word: string): Schema.FilterOutput =>
  status !== "unknown" || read === "unknown"
    ? undefined
    : {
        path: ["vendorStatus"],
        issue: `status is "unknown", but the results API reads ${JSON.stringify(word)} as ${read}`,
      };

/** A result's id: `account_id`, an integer, written in decimal. */
const isAccountId = (id: string): boolean =>
  /^-?\d+$/.test(id) && Number.isSafeInteger(Number(id)) && String(Number(id)) === id;

const AccountId = Schema.String.check(
  Schema.makeFilter(
    (id: string) =>
      isAccountId(id) ||
      `Expected an account_id (an integer, in decimal), got ${JSON.stringify(id)}`,
  ),
);

// ---------------------------------------------------------------------------
// The reports this shape can carry: postlife's side of the codec.

const PublishErrorValue = Schema.Struct({
  code: Schema.String,
  message: Schema.String,
  retryable: Schema.Boolean,
});

const DestinationValue = Schema.Struct({
  id: AccountId,
  platform: Schema.String,
  accountId: Schema.optionalKey(Schema.String),
  status: Schema.Literals([...destinationStatuses, "unknown"]),
  vendorStatus: Schema.String,
  platformPostId: Schema.optionalKey(Schema.String),
  platformUrl: Schema.optionalKey(Schema.String),
  publishedAt: Schema.optionalKey(Instant),
  error: Schema.optionalKey(PublishErrorValue),
  attempts: Count,
  nextRetryAt: Schema.optionalKey(Instant),
}).check(
  Schema.makeFilter((d) =>
    d.accountId !== undefined && d.accountId !== d.id
      ? {
          path: ["accountId"],
          issue: `the results API names a result by its account_id: accountId must be the id ${JSON.stringify(d.id)}`,
        }
      : d.status === "failed" && d.nextRetryAt !== undefined
        ? {
            path: ["nextRetryAt"],
            issue:
              'status is "failed", but a retry is scheduled: a failure with a retry time is retrying (status "retrying")',
          }
        : unknownKeepsItsWord(d.status, readResult(d.vendorStatus, d.nextRetryAt), d.vendorStatus),
  ),
);

const PostStatusValue = Schema.Literals([...postStatuses, "unknown"]);

/** The status the post's word is written for: the overruled one, if any, else the status. */
const claimedOf = (r: { readonly status: string; readonly overruledStatus?: string }) =>
  (r.overruledStatus ?? r.status) as (typeof PostStatusValue)["Type"];

const ReportValue = Schema.Struct({
  id: Schema.String,
  status: PostStatusValue,
  vendorStatus: Schema.optionalKey(Schema.String),
  overruledStatus: Schema.optionalKey(PostStatusValue),
  destinations: Schema.Array(DestinationValue),
}).check(
  Schema.makeFilter((r) => {
    const claimed = claimedOf(r);
    if (claimed === "unknown") {
      if (r.vendorStatus === undefined) {
        return {
          path: ["vendorStatus"],
          issue: `${r.overruledStatus === undefined ? "status" : "overruledStatus"} is "unknown": the results API needs the word it wrote (vendorStatus)`,
        };
      }
      const wrong = unknownKeepsItsWord(
        claimed,
        statusOf(r.vendorStatus, { vendor, level: "post" }),
        r.vendorStatus,
      );
      if (wrong !== undefined) return wrong;
    }
    return contradiction(claimed, r, r.destinations);
  }),
);

type ReportValue = (typeof ReportValue)["Type"];
type DestinationValue = (typeof DestinationValue)["Type"];

// ---------------------------------------------------------------------------
// The transformation between the two.

/** The error the API's string stands for: what the platform's words say, the message kept. */
const errorOf = (platform: string, message: string | null | undefined) => {
  if (message === undefined || message === null) return undefined;
  const { code, retryable } = classifyFailure({ platform, message });
  return { code, message, retryable };
};

const destinationOf = (result: AccountResultWire): DestinationValue => {
  const nextRetryAt = result.next_retry_at ?? undefined;
  const id = String(result.account_id);
  return {
    id,
    platform: result.platform,
    accountId: id,
    status: readResult(result.status, nextRetryAt),
    vendorStatus: result.status,
    ...present("platformPostId", result.platform_post_id),
    ...present("platformUrl", result.platform_post_url),
    ...present("publishedAt", utc(result.published_at)),
    ...present("error", errorOf(result.platform, result.error)),
    attempts: result.attempts,
    ...present("nextRetryAt", utc(nextRetryAt)),
  };
};

/** A time in canonical UTC (`canonicalInstant`), as postlife keeps every time. */
const utc = (instant: string | null | undefined): string | undefined =>
  instant === undefined || instant === null ? undefined : canonicalInstant(instant);

const decodeResponse = (response: ResponseWire): ReportValue => {
  const { post_id, post_status, results } = response.data;
  const destinations = results.map(destinationOf);
  return {
    id: post_id,
    // The results say what the post is; the vendor's word is kept, and its reading when overruled.
    ...groupStatus(statusOf(post_status, { vendor, level: "post" }), destinations),
    vendorStatus: post_status,
    destinations,
  };
};

/**
 * The word for a result's status, and whether its retry time goes with it:
 * retrying with a retry time is the API's queued (or its failed, when that
 * is the word the report kept), and a queued result is written without one
 * (the API's readers would read it as retrying).
 */
const resultWord = (d: DestinationValue): { readonly word: string; readonly retryAt: boolean } => {
  if (d.status === "retrying" && d.nextRetryAt !== undefined) {
    const failed = wordFor("failed", d.vendorStatus, "destination");
    return {
      word: failed === d.vendorStatus ? failed : wordFor("queued", d.vendorStatus, "destination"),
      retryAt: true,
    };
  }
  return { word: wordFor(d.status, d.vendorStatus, "destination"), retryAt: d.status !== "queued" };
};

const accountResultOf = (d: DestinationValue): AccountResultWire => {
  const { word, retryAt } = resultWord(d);
  return {
    account_id: Number(d.id),
    account_name: null,
    platform: d.platform,
    status: word,
    published_at: utc(d.publishedAt) ?? null,
    platform_post_id: d.platformPostId ?? null,
    platform_post_url: d.platformUrl ?? null,
    error: d.error?.message ?? null,
    attempts: d.attempts,
    next_retry_at: retryAt ? (utc(d.nextRetryAt) ?? null) : null,
  };
};

const encodeResponse = (report: ReportValue): ResponseWire => ({
  data: {
    post_id: report.id,
    post_status: wordFor(claimedOf(report), report.vendorStatus, "post"),
    results: report.destinations.map(accountResultOf),
  },
  error: null,
});

/**
 * The codec between the results API's `GET /posts/:id/results` response
 * and postlife's `PostReport`: the post's status (what its results add up
 * to, the vendor's word kept) and one destination per account, with its
 * platform post, error message, attempts and retry time. Decoding a value
 * that lacks a required field or has one of the wrong type fails with a
 * `SchemaError` that names the path; encoding writes the API's words. See
 * the module comment for what is kept and what is left out.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema";
 * import { ResultsJson } from "postlife/wire";
 * const report = Schema.decodeUnknownSync(ResultsJson)({
 *   data: {
 *     post_id: "f47ac10b-58cc-4372-a567-0e02b2c3d479",
 *     post_status: "publishing",
 *     results: [{ account_id: 2282, account_name: "@mybrand", platform: "x", status: "queued",
 *       published_at: null, platform_post_id: null, platform_post_url: null,
 *       error: "Service unavailable", attempts: 1, next_retry_at: "2026-04-15T14:35:00.000Z" }],
 *   },
 *   error: null,
 * });
 * report.destinations[0]?.status; // "retrying"
 * report.destinations[0]?.nextRetryAt; // "2026-04-15T14:35:00.000Z"
 * Schema.encodeSync(ResultsJson)(report).data.results[0]?.status; // "queued"
 *
 * Schema.decodeUnknownSync(ResultsJson)({ data: { post_id: "p", post_status: "published", results: [{}] } });
 * // throws SchemaError: Missing key
 * //   at ["data"]["results"][0]["account_id"]
 * ```
 * @since 0.1.0
 */
export const ResultsJson: Schema.Codec<PostReport, ResultsResponse> = ResponseWire.pipe(
  Schema.decodeTo(ReportValue, {
    decode: SchemaGetter.transform(decodeResponse),
    encode: SchemaGetter.transform(encodeResponse),
  }),
).annotate({ identifier: "ResultsJson" });

/**
 * Reads the results API's `GET /posts/:id/results` response (any JSON
 * value) as a `PostReport`, without Effect: `Result.succeed(report)`, or
 * `Result.fail(error)` with a `SchemaError` whose message names the path of
 * the field at fault. Never throws.
 *
 * The post's `status` is what its results add up to; when the vendor's
 * `post_status` says otherwise, its word stays in `vendorStatus` and its
 * reading in `overruledStatus`.
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import { decodeResults } from "postlife/wire";
 * const read = decodeResults({
 *   data: {
 *     post_id: "f47ac10b-58cc-4372-a567-0e02b2c3d479",
 *     post_status: "published",
 *     results: [
 *       { account_id: 2282, platform: "x", status: "published", attempts: 1,
 *         platform_post_id: "1780123456789012345", published_at: "2026-04-15T16:30:03+02:00" },
 *       { account_id: 2285, platform: "linkedin", status: "failed", attempts: 3,
 *         error: "Token expired. Please reconnect your LinkedIn account." },
 *     ],
 *   },
 * });
 * if (Result.isSuccess(read)) {
 *   read.success.status; // "partially_published": what the results add up to
 *   read.success.overruledStatus; // "published": the vendor's word, overruled
 *   read.success.destinations[0]?.publishedAt; // "2026-04-15T14:30:03.000Z"
 * } else console.error(read.failure.message); // e.g. 'Expected an integer\n  at ["data"]["results"][0]["attempts"]'
 * ```
 * @since 0.1.0
 */
export const decodeResults: (json: unknown) => Result.Result<PostReport, Schema.SchemaError> =
  Schema.decodeUnknownResult(ResultsJson);

/**
 * Writes a `PostReport` as the results API's `GET /posts/:id/results`
 * response, without Effect: `Result.succeed(json)`, or `Result.fail(error)`
 * when the report lacks what the API requires or contradicts itself (the
 * `SchemaError` names the path).
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import { encodeResults } from "postlife/wire";
 * const written = encodeResults({
 *   id: "f47ac10b-58cc-4372-a567-0e02b2c3d479", status: "publishing", vendorStatus: "publishing",
 *   destinations: [{ id: "2282", platform: "x", status: "retrying", vendorStatus: "retrying",
 *     attempts: 1, nextRetryAt: "2026-04-15T14:35:00.000Z" }],
 * });
 * const [x] = Result.getOrThrow(written).data.results;
 * [x?.status, x?.next_retry_at]; // ["queued", "2026-04-15T14:35:00.000Z"]: the API's retrying
 * ```
 * @since 0.1.0
 */
export const encodeResults = (
  report: PostReport,
): Result.Result<ResultsResponse, Schema.SchemaError> =>
  Schema.encodeUnknownResult(ResultsJson)(report);
