/**
 * Wahdx Connection's status tracking (https://wahdx.com/docs/status-tracking)
 * as Effect Schema codecs: the
 * single status check (`GET /api/content/status/{accountId}/{publishId}
 * ?mediaType=`), the batch check (`POST /api/content/status/batch` with
 * `{ checks: [...] }`), and their answers, decoded into `DestinationReport`s
 * (one per `accountId` + `publishId`: a Wahdx post is one platform account's
 * post, one destination in postlife's terms).
 *
 * Wahdx's page shows the requests but not a single answer. The answer shapes
 * here are the minimal ones its words support, and are postlife's design,
 * not Wahdx's documentation: a status names the post it checked (`accountId`,
 * `publishId`), its state (the page's "Operational states to monitor":
 * Queued, Processing, Published, Failed; any other word is kept), the
 * "public post URL" the page mentions (`postUrl`), and, when it failed, why
 * (`error`, a message or the PostPost error object); the batch answers
 * `{ results: [...] }`, one per check. Wahdx's page names no platform post
 * id, so a Published report gives no DELIVERY_SUCCEEDED via `factsOf`
 * (postlife confirms only what it can name).
 */

import * as Effect from "effect/Effect";
import type * as Result from "effect/Result";
import * as Schema from "effect/Schema";
import * as SchemaGetter from "effect/SchemaGetter";
import type * as SchemaIssue from "effect/SchemaIssue";
import { issueAt } from "./internal/issue-at.js";
import { present } from "./internal/present.js";
import { statusOf } from "./internal/status-of.js";
import type { DestinationReport } from "./report.js";
import { DestinationReportSchema } from "./report.schema.js";
import { ReportedErrorJson, type ReportedErrorWire } from "./reported-error.schema.js";
import { vendorWord } from "./vocabulary.js";

/**
 * One status check, as Wahdx takes it: in the single check's path and
 * query, and as one entry of the batch's `checks`. `mediaType` ("video" or
 * "photo") matters for TikTok; any word is kept.
 *
 * @example
 * ```ts
 * import type { WahdxStatusCheck } from "postlife/wire";
 * const check: WahdxStatusCheck = { accountId: "ACCOUNT_ID_1", publishId: "PUBLISH_ID_1", mediaType: "video" };
 * ```
 * @since 0.1.0
 */
export interface WahdxStatusCheck {
  readonly accountId: string;
  readonly publishId: string;
  readonly mediaType?: string;
}

/**
 * The codec of one status check (its JSON is itself; other fields are
 * ignored, a missing `accountId` or `publishId` is named).
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema";
 * import { WahdxStatusCheckJson } from "postlife/wire";
 * Schema.decodeUnknownSync(WahdxStatusCheckJson)({ accountId: "ACCOUNT_ID_2", publishId: "PUBLISH_ID_2" });
 * ```
 * @since 0.1.0
 */
export const WahdxStatusCheckJson: Schema.Codec<WahdxStatusCheck> = Schema.Struct({
  accountId: Schema.NonEmptyString,
  publishId: Schema.NonEmptyString,
  mediaType: Schema.optionalKey(Schema.String),
}).annotate({ identifier: "WahdxStatusCheck" });

/**
 * Wahdx's batch request: `{ checks: [...] }`.
 *
 * @example
 * ```ts
 * import type { WahdxBatchCheck } from "postlife/wire";
 * const batch: WahdxBatchCheck = { checks: [{ accountId: "ACCOUNT_ID_1", publishId: "PUBLISH_ID_1" }] };
 * ```
 * @since 0.1.0
 */
export interface WahdxBatchCheck {
  readonly checks: readonly WahdxStatusCheck[];
}

/**
 * The codec of the batch request; a bad check is named by its index
 * (`["checks"][1]["publishId"]`).
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema";
 * import { WahdxBatchCheckJson } from "postlife/wire";
 * Schema.decodeUnknownSync(WahdxBatchCheckJson)({
 *   checks: [{ accountId: "ACCOUNT_ID_1", publishId: "PUBLISH_ID_1", mediaType: "video" }],
 * });
 * ```
 * @since 0.1.0
 */
export const WahdxBatchCheckJson: Schema.Codec<WahdxBatchCheck> = Schema.Struct({
  checks: Schema.Array(WahdxStatusCheckJson),
}).annotate({ identifier: "WahdxBatchCheck" });

/**
 * One status answer, as postlife designs it from Wahdx's words (its page
 * shows none): see the module comment. `null` in an optional field is read
 * as absent.
 *
 * @example
 * ```ts
 * import type { WahdxStatusWire } from "postlife/wire";
 * const failed: WahdxStatusWire = {
 *   accountId: "ACCOUNT_ID_2", publishId: "PUBLISH_ID_2", status: "Failed",
 *   error: "Video duration exceeds the account's limit",
 * };
 * ```
 * @since 0.1.0
 */
export interface WahdxStatusWire {
  readonly accountId: string;
  readonly publishId: string;
  /** Queued, Processing, Published, Failed (any case), or any other word (kept). */
  readonly status: string;
  readonly postUrl?: string | null;
  readonly error?: ReportedErrorWire | null;
}

const WahdxStatusWireSchema = Schema.Struct({
  accountId: Schema.NonEmptyString,
  publishId: Schema.NonEmptyString,
  status: Schema.String,
  postUrl: Schema.optionalKey(Schema.NullOr(Schema.String)),
  error: Schema.optionalKey(Schema.NullOr(ReportedErrorJson)),
});

const decodeStatus = (wire: typeof WahdxStatusWireSchema.Type): DestinationReport => ({
  id: wire.publishId,
  accountId: wire.accountId,
  status: statusOf(wire.status, { vendor: "wahdx", level: "destination" }),
  vendorStatus: wire.status,
  ...present("platformUrl", wire.postUrl),
  ...present("error", wire.error),
});

const encodeStatus = (
  report: DestinationReport,
): Effect.Effect<typeof WahdxStatusWireSchema.Type, SchemaIssue.Issue> =>
  report.accountId === undefined || report.accountId === ""
    ? Effect.fail(issueAt(["accountId"], "a Wahdx status names its account: accountId is missing"))
    : Effect.succeed({
        accountId: report.accountId,
        publishId: report.id,
        status: vendorWord(report.status, {
          vendor: "wahdx",
          level: "destination",
          keep: report.vendorStatus,
        }),
        ...present("postUrl", report.platformUrl),
        ...present("error", report.error),
      });

/**
 * The codec between one Wahdx status answer and a `DestinationReport`:
 * `publishId` is the report's `id`, `accountId` its account, `postUrl` its
 * `platformUrl`; the state is read with the `wahdx` vocabulary (Queued is
 * queued, Processing is publishing, Published, Failed), an unknown one kept
 * as `status: "unknown"` with the word. Encoding needs the report's
 * `accountId` (its absence is named) and writes the state in Wahdx's
 * spelling; fields the answer has no place for (platform post id, attempts)
 * are not written. `decode(encode(r))` is `r` for every report decoding gives.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema";
 * import { WahdxStatusJson } from "postlife/wire";
 * Schema.decodeUnknownSync(WahdxStatusJson)({ accountId: "ACCOUNT_ID_1", publishId: "PUBLISH_ID_1", status: "Processing" });
 * // { id: "PUBLISH_ID_1", accountId: "ACCOUNT_ID_1", status: "publishing", vendorStatus: "Processing" }
 * ```
 * @since 0.1.0
 */
export const WahdxStatusJson: Schema.Codec<DestinationReport, WahdxStatusWire> =
  WahdxStatusWireSchema.pipe(
    Schema.decodeTo(DestinationReportSchema, {
      decode: SchemaGetter.transform(decodeStatus),
      encode: SchemaGetter.transformEffect(encodeStatus),
    }),
  ).annotate({ identifier: "WahdxStatus" });

/**
 * The batch answer, as postlife designs it: `{ results: [...] }`, one
 * `WahdxStatusWire` per check.
 *
 * @example
 * ```ts
 * import type { WahdxBatchStatusWire } from "postlife/wire";
 * const answer: WahdxBatchStatusWire = {
 *   results: [{ accountId: "ACCOUNT_ID_1", publishId: "PUBLISH_ID_1", status: "Published", postUrl: "https://www.tiktok.com/@brand/video/7350000000000000000" }],
 * };
 * ```
 * @since 0.1.0
 */
export interface WahdxBatchStatusWire {
  readonly results: readonly WahdxStatusWire[];
}

/**
 * The codec between the batch answer and its reports, in the answer's
 * order. One bad result fails the batch naming it (`["results"][2]["status"]`):
 * a monitor must not take a partial answer for the whole. Summarize the
 * reports with `summarizeBatch`.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema";
 * import { WahdxBatchStatusJson } from "postlife/wire";
 * const reports = Schema.decodeUnknownSync(WahdxBatchStatusJson)({
 *   results: [{ accountId: "ACCOUNT_ID_1", publishId: "PUBLISH_ID_1", status: "Queued" }],
 * });
 * reports[0]?.status; // "queued"
 * ```
 * @since 0.1.0
 */
export const WahdxBatchStatusJson: Schema.Codec<
  readonly DestinationReport[],
  WahdxBatchStatusWire
> = Schema.Struct({ results: Schema.Array(WahdxStatusJson) })
  .pipe(
    Schema.decodeTo(Schema.Array(DestinationReportSchema), {
      decode: SchemaGetter.transform(
        (answer: { readonly results: readonly DestinationReport[] }) => answer.results,
      ),
      encode: SchemaGetter.transform((results: readonly DestinationReport[]) => ({ results })),
    }),
  )
  .annotate({ identifier: "WahdxBatchStatus" });

/**
 * Decodes one Wahdx status answer, as a plain `Result`.
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import { decodeWahdxStatus } from "postlife/wire";
 * const result = decodeWahdxStatus({ accountId: "A", publishId: "P", status: "Archived" });
 * if (Result.isSuccess(result)) result.success.status; // "unknown" (vendorStatus "Archived")
 * ```
 * @since 0.1.0
 */
export const decodeWahdxStatus = (
  input: unknown,
): Result.Result<DestinationReport, Schema.SchemaError> =>
  Schema.decodeUnknownResult(WahdxStatusJson)(input);

/**
 * Decodes a Wahdx batch answer into its reports, as a plain `Result`.
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import { decodeWahdxBatch, summarizeBatch } from "postlife/wire";
 * const result = decodeWahdxBatch({ results: [{ accountId: "A", publishId: "P", status: "Published" }] });
 * if (Result.isSuccess(result)) summarizeBatch(result.success).summary.status; // "published"
 * ```
 * @since 0.1.0
 */
export const decodeWahdxBatch = (
  input: unknown,
): Result.Result<readonly DestinationReport[], Schema.SchemaError> =>
  Schema.decodeUnknownResult(WahdxBatchStatusJson)(input);
