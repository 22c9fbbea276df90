/**
 * Seed 003's `GET /posts/:id/results` response as an Effect Schema codec
 * into postlife's `PostReport` and back.
 *
 * Decoding reads the post and one result per connected account: every
 * status word through the vocabulary of vendor `seed-003`
 * (`normalizeStatus`), a word nobody knows kept as `status: "unknown"` with
 * the word in `vendorStatus`; `queued` with a non-null `next_retry_at` is
 * `retrying` (the vendor waits to try again); `account_id` (an integer) is
 * the destination's `id` and `accountId`, as a string; the `error` string is
 * a `PublishError` whose code is what the platform's words say
 * (`classifyFailure`: LinkedIn's "Token expired" is `PLATFORM_AUTH_EXPIRED`),
 * `UNKNOWN_ERROR` when they say nothing, the message kept as it came;
 * `attempts` and `next_retry_at` are carried. Fields it does not know are
 * ignored; `null` and an absent key are the same wherever seed 003 allows
 * `null`.
 *
 * Encoding writes seed 003's own word for each status (`queued` with
 * `next_retry_at` for retrying), or the report's `vendorStatus` when that is
 * one of seed 003's words for the status (in any case or spacing) or a word
 * nobody knows, so such a word comes back as it went; a word of another
 * vendor's, or postlife's where seed 003 has its own, is replaced by seed
 * 003's. Every field of a result is written, `null` when absent, as the seed
 * does. What seed 003 has no place for is left out: an error's code and
 * details (only its message is written, and read back through the platform's
 * words), a destination's `content`, and `nextRetryAt` on a `queued`
 * destination (seed 003 would read it as retrying). A report that lacks what
 * seed 003 requires (`platform`, `attempts`, an integer id) or contradicts
 * itself fails with a `SchemaError` naming the path. For every report the
 * shape can carry, `decode(encode(r))` is `r`.
 */

import type * as Result from "effect/Result";
import * as Schema from "effect/Schema";
import * as SchemaGetter from "effect/SchemaGetter";
import { destinationStatuses, postStatuses } from "../domain/status.js";
import { classifyFailure } from "../errors/classify.js";
import { Count, Instant } from "./internal/fields.js";
import { present } from "./internal/present.js";
import { statusOf } from "./internal/status-of.js";
import type { PostReport } from "./report.js";
import { vendorWord } from "./vocabulary.js";

/**
 * One entry of seed 003's `results[]`: the post's outcome on one connected account.
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
  readonly published_at?: string | null;
  readonly platform_post_id?: string | null;
  readonly platform_post_url?: string | null;
  /** A human-readable error message. */
  readonly error?: string | null;
  readonly attempts: number;
  /** When the vendor tries again; with `status: "queued"` the result is retrying. */
  readonly next_retry_at?: string | null;
}

/**
 * Seed 003's `GET /posts/:id/results` response.
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
    readonly post_status: string;
    readonly results: readonly AccountResult[];
  };
  /** The envelope's error: read and ignored, written as `null`. */
  readonly error?: unknown;
  /** The envelope's request id and time: read and ignored, never written. */
  readonly meta?: unknown;
}

const vendor = "seed-003";

// ---------------------------------------------------------------------------
// The wire: seed 003's JSON, field by field, in the seed's order.

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
// Words: what seed 003's words mean, and which word to write for a status.

type Level = "post" | "destination";

/** A result's status: its word's, except that queued with a retry time is retrying. */
const readResult = (word: string, nextRetryAt: string | undefined) => {
  const status = statusOf(word, { vendor, level: "destination" });
  return status === "queued" && nextRetryAt !== undefined ? "retrying" : status;
};

/**
 * The word to write for a status (`vendorWord`): the report's own word only
 * when it is one of seed 003's, in any case or spacing. Another vendor's
 * word is not written: a reader of seed 003's JSON would not know it.
 */
const wordFor = (status: string, vendorStatus: string | undefined, level: Level): string =>
  vendorWord(status, { vendor, level, keep: vendorStatus, ownWordsOnly: true });

/** An unknown status keeps the word nobody understood; a word seed 003 knows contradicts it. */
const unknownKeepsItsWord = (status: string, read: string, word: string): Schema.FilterOutput =>
  status !== "unknown" || read === "unknown"
    ? undefined
    : {
        path: ["vendorStatus"],
        issue: `status is "unknown", but seed 003 reads ${JSON.stringify(word)} as ${read}`,
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
  publishedAt: Schema.optionalKey(Schema.String),
  error: Schema.optionalKey(PublishErrorValue),
  attempts: Count,
  nextRetryAt: Schema.optionalKey(Schema.String),
}).check(
  Schema.makeFilter((d) =>
    d.accountId !== undefined && d.accountId !== d.id
      ? {
          path: ["accountId"],
          issue: `seed 003 names a result by its account_id: accountId must be the id ${JSON.stringify(d.id)}`,
        }
      : unknownKeepsItsWord(d.status, readResult(d.vendorStatus, d.nextRetryAt), d.vendorStatus),
  ),
);

const ReportValue = Schema.Struct({
  id: Schema.String,
  status: Schema.Literals([...postStatuses, "unknown"]),
  vendorStatus: Schema.optionalKey(Schema.String),
  destinations: Schema.Array(DestinationValue),
}).check(
  Schema.makeFilter((r) =>
    r.status !== "unknown"
      ? undefined
      : r.vendorStatus === undefined
        ? {
            path: ["vendorStatus"],
            issue: 'status is "unknown": seed 003 needs the word it wrote (vendorStatus)',
          }
        : unknownKeepsItsWord(
            r.status,
            statusOf(r.vendorStatus, { vendor, level: "post" }),
            r.vendorStatus,
          ),
  ),
);

type ReportValue = (typeof ReportValue)["Type"];
type DestinationValue = (typeof DestinationValue)["Type"];

// ---------------------------------------------------------------------------
// The transformation between the two.

/** The error seed 003's string stands for: what the platform's words say, the message kept. */
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
    ...present("publishedAt", result.published_at),
    ...present("error", errorOf(result.platform, result.error)),
    attempts: result.attempts,
    ...present("nextRetryAt", nextRetryAt),
  };
};

const decodeResponse = (response: ResponseWire): ReportValue => {
  const { post_id, post_status, results } = response.data;
  return {
    id: post_id,
    status: statusOf(post_status, { vendor, level: "post" }),
    vendorStatus: post_status,
    destinations: results.map(destinationOf),
  };
};

/**
 * The word for a result's status, and whether its retry time goes with it:
 * retrying with a retry time is seed 003's queued, and a queued result is
 * written without one (seed 003 would read it as retrying).
 */
const resultWord = (d: DestinationValue): { readonly word: string; readonly retryAt: boolean } =>
  d.status === "retrying" && d.nextRetryAt !== undefined
    ? { word: wordFor("queued", d.vendorStatus, "destination"), retryAt: true }
    : { word: wordFor(d.status, d.vendorStatus, "destination"), retryAt: d.status !== "queued" };

const accountResultOf = (d: DestinationValue): AccountResultWire => {
  const { word, retryAt } = resultWord(d);
  return {
    account_id: Number(d.id),
    account_name: null,
    platform: d.platform,
    status: word,
    published_at: d.publishedAt ?? null,
    platform_post_id: d.platformPostId ?? null,
    platform_post_url: d.platformUrl ?? null,
    error: d.error?.message ?? null,
    attempts: d.attempts,
    next_retry_at: retryAt ? (d.nextRetryAt ?? null) : null,
  };
};

const encodeResponse = (report: ReportValue): ResponseWire => ({
  data: {
    post_id: report.id,
    post_status: wordFor(report.status, report.vendorStatus, "post"),
    results: report.destinations.map(accountResultOf),
  },
  error: null,
});

/**
 * The codec between seed 003's `/posts/:id/results` response and
 * postlife's `PostReport`: the post's status and one destination per
 * account, with its platform post, error message, attempts and retry time.
 * Decoding a value that lacks a required field or has one of the wrong type
 * fails with a `SchemaError` that names the path; encoding writes seed
 * 003's words. See the module comment for what is kept and what is left out.
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
 * Reads seed 003's `/posts/:id/results` response (any JSON value) as a
 * `PostReport`, without Effect: `Result.succeed(report)`, or
 * `Result.fail(error)` with a `SchemaError` whose message names the path of
 * the field at fault. Never throws.
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import { decodeResults } from "postlife/wire";
 * declare const response: Response; // a fetch() of the API
 * const read = decodeResults(await response.json());
 * if (Result.isSuccess(read)) console.log(read.success.destinations.map((d) => d.status));
 * else console.error(read.failure.message); // e.g. 'Expected an integer\n  at ["data"]["results"][0]["attempts"]'
 * ```
 * @since 0.1.0
 */
export const decodeResults: (json: unknown) => Result.Result<PostReport, Schema.SchemaError> =
  Schema.decodeUnknownResult(ResultsJson);

/**
 * Writes a `PostReport` as seed 003's `/posts/:id/results` response, without
 * Effect: `Result.succeed(json)`, or `Result.fail(error)` when the report
 * lacks what seed 003 requires or contradicts itself (the `SchemaError`
 * names the path).
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
 * [x?.status, x?.next_retry_at]; // ["queued", "2026-04-15T14:35:00.000Z"]: seed 003's retrying
 * ```
 * @since 0.1.0
 */
export const encodeResults = (
  report: PostReport,
): Result.Result<ResultsResponse, Schema.SchemaError> =>
  Schema.encodeUnknownResult(ResultsJson)(report);
