/** The results API's answers (PostEverywhere): GET /posts/:id/results. */
import fc from "fast-check";
import { canonicalInstant } from "../../domain/instant.js";
import { groupStatus } from "../../wire/internal/group-status.js";
import type { DestinationReport, PostReport } from "../../wire/report.js";
import {
  type AccountResult,
  encodeResults,
  type ResultsResponse,
} from "../../wire/results.schema.js";
import { errorMessageArbitrary, publishErrorArbitrary } from "./internal/errors.js";
import {
  instantArbitrary,
  orNull,
  plain,
  platformPostIdArbitrary,
  platformUrlArbitrary,
  written,
} from "./internal/fields.js";
import { statusWordArbitrary, wordedArbitrary } from "./internal/words.js";

const resultsPlatforms = ["instagram", "x", "linkedin", "facebook", "tiktok"] as const;

const uuidArbitrary = fc.constantFrom(
  "f47ac10b-58cc-4372-a567-0e02b2c3d479",
  "9b2f6c1e-3d4a-4f5b-8c7d-1e2f3a4b5c6d",
);

const accountIdArbitrary = fc.integer({ min: 1, max: 99_999 });

const rawAccountResultArbitrary: fc.Arbitrary<AccountResult> = fc.record(
  {
    account_id: accountIdArbitrary,
    account_name: orNull(fc.constantFrom("@mybrand", "My Brand Inc.")),
    platform: fc.constantFrom(...resultsPlatforms),
    status: statusWordArbitrary("posteverywhere-results", ["destination"]),
    published_at: orNull(instantArbitrary),
    platform_post_id: orNull(platformPostIdArbitrary),
    platform_post_url: orNull(platformUrlArbitrary),
    error: orNull(errorMessageArbitrary),
    attempts: fc.integer({ min: 0, max: 5 }),
    // Queued or failed with a retry time is the API's retrying.
    next_retry_at: orNull(instantArbitrary),
  },
  { requiredKeys: ["account_id", "platform", "status", "attempts"], noNullPrototype: true },
);

const rawResultsArbitrary: fc.Arbitrary<ResultsResponse> = fc.record(
  {
    data: fc.record(
      {
        post_id: uuidArbitrary,
        post_status: statusWordArbitrary("posteverywhere-results", ["post"]),
        results: fc.uniqueArray(rawAccountResultArbitrary, {
          maxLength: 4,
          selector: (r) => r.account_id,
        }),
      },
      plain,
    ),
    error: fc.constant(null),
    meta: fc.record({ request_id: fc.constant("req_abc123"), timestamp: instantArbitrary }, plain),
  },
  { requiredKeys: ["data"], noNullPrototype: true },
);

const resultsReportArbitrary: fc.Arbitrary<PostReport> = fc
  .record({
    id: uuidArbitrary,
    worded: wordedArbitrary("posteverywhere-results", "post"),
    destinations: fc.uniqueArray(
      fc.record(
        {
          id: accountIdArbitrary.map(String),
          platform: fc.constantFrom(...resultsPlatforms),
          worded: wordedArbitrary("posteverywhere-results", "destination"),
          attempts: fc.integer({ min: 0, max: 5 }),
          platformPostId: platformPostIdArbitrary,
          platformUrl: platformUrlArbitrary,
          publishedAt: instantArbitrary.map(canonicalInstant),
          error: publishErrorArbitrary.map(({ code, message, retryable }) => ({
            code,
            message,
            retryable,
          })),
          nextRetryAt: instantArbitrary.map(canonicalInstant),
        },
        { requiredKeys: ["id", "platform", "worded", "attempts"], noNullPrototype: true },
      ),
      { maxLength: 4, selector: (d) => d.id },
    ),
  })
  .map(({ id, worded, destinations }) => {
    const reports = destinations.map(({ worded: w, ...d }): DestinationReport => {
      // The API reads queued or failed with a retry time as retrying; the report says so too.
      const waits = (w.status === "queued" || w.status === "failed") && d.nextRetryAt !== undefined;
      return {
        ...d,
        accountId: d.id,
        status: waits ? "retrying" : w.status,
        vendorStatus: w.vendorStatus,
      };
    });
    // The post is what its results add up to, the vendor's word kept beside.
    return {
      id,
      vendorStatus: worded.vendorStatus,
      ...groupStatus(worded.status, reports),
      destinations: reports,
    };
  });

/**
 * The results API's `GET /posts/:id/results` response (`ResultsResponse`),
 * as `ResultsJson` reads it: the post's status and zero to four account
 * results, every status word of the `posteverywhere-results` vocabulary
 * plus respellings, words it never writes and unknown ones; `queued` and
 * `failed` with and without `next_retry_at` (retrying, or queued and
 * failed); times in UTC and with offsets; `published_at`, `platform_post_id`,
 * `platform_post_url`, `error` and `account_name` present, absent or
 * `null`; the envelope's `error` and `meta` or not. Some are canonical
 * reports written by `encodeResults`.
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import fc from "fast-check";
 * import { resultsResponseArbitrary } from "postlife/testing";
 * import { decodeResults } from "postlife/wire";
 * fc.assert(
 *   fc.property(resultsResponseArbitrary, (response) => Result.isSuccess(decodeResults(response))),
 * );
 * ```
 * @since 0.1.0
 */
export const resultsResponseArbitrary: fc.Arbitrary<ResultsResponse> = fc.oneof(
  { weight: 2, arbitrary: rawResultsArbitrary },
  {
    weight: 1,
    arbitrary: resultsReportArbitrary.map((report) =>
      written(encodeResults(report), "results response"),
    ),
  },
);
