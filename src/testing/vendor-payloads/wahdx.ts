/** Wahdx's status checks: one answer, and a batch of them. */
import * as Schema from "effect/Schema";
import fc from "fast-check";
import type { DestinationReport } from "../../wire/report.js";
import {
  WahdxBatchStatusJson,
  type WahdxBatchStatusWire,
  WahdxStatusJson,
  type WahdxStatusWire,
} from "../../wire/wahdx.schema.js";
import { publishErrorArbitrary, reportedErrorArbitrary } from "./internal/errors.js";
import { orNull, plain, written } from "./internal/fields.js";
import { statusWordArbitrary, wordedArbitrary } from "./internal/words.js";

const publishIdArbitrary = fc.constantFrom("PUBLISH_ID_1", "PUBLISH_ID_2", "v_pub_7350000000");
const wahdxAccountIdArbitrary = fc.constantFrom("ACCOUNT_ID_1", "ACCOUNT_ID_2");

const rawWahdxStatusArbitrary: fc.Arbitrary<WahdxStatusWire> = fc.record(
  {
    accountId: wahdxAccountIdArbitrary,
    publishId: publishIdArbitrary,
    status: statusWordArbitrary("wahdx", ["destination"]),
    postUrl: orNull(fc.constantFrom("https://www.tiktok.com/@brand/video/7350000000000000000", "")),
    error: orNull(reportedErrorArbitrary),
  },
  { requiredKeys: ["accountId", "publishId", "status"], noNullPrototype: true },
);

const wahdxReportArbitrary: fc.Arbitrary<DestinationReport> = fc
  .record(
    {
      id: publishIdArbitrary,
      accountId: wahdxAccountIdArbitrary,
      worded: wordedArbitrary("wahdx", "destination"),
      platformUrl: fc.constant("https://www.tiktok.com/@brand/video/7350000000000000000"),
      error: publishErrorArbitrary,
    },
    { requiredKeys: ["id", "accountId", "worded"], noNullPrototype: true },
  )
  .map(({ worded, ...report }) => ({ ...report, ...worded }));

/**
 * One Wahdx status answer (`WahdxStatusWire`), as
 * `WahdxStatusJson` reads it: every state of the `wahdx` vocabulary (Queued,
 * Processing, Published, Failed) in any spelling, words it never writes and
 * unknown ones, with `postUrl` and `error` (a message or a PostPost error object)
 * present, absent or `null`. Some are canonical reports written by the codec.
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import fc from "fast-check";
 * import { wahdxStatusArbitrary } from "postlife/testing";
 * import { decodeWahdxStatus } from "postlife/wire";
 * fc.assert(fc.property(wahdxStatusArbitrary, (status) => Result.isSuccess(decodeWahdxStatus(status))));
 * ```
 * @since 0.1.0
 */
export const wahdxStatusArbitrary: fc.Arbitrary<WahdxStatusWire> = fc.oneof(
  { weight: 2, arbitrary: rawWahdxStatusArbitrary },
  {
    weight: 1,
    arbitrary: wahdxReportArbitrary.map((report) =>
      written(Schema.encodeUnknownResult(WahdxStatusJson)(report), "Wahdx status"),
    ),
  },
);

/**
 * A Wahdx batch answer (`WahdxBatchStatusWire`): zero to five
 * results of `wahdxStatusArbitrary`, the same check answered twice now and
 * then, as `WahdxBatchStatusJson` reads it.
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import fc from "fast-check";
 * import { wahdxBatchStatusArbitrary } from "postlife/testing";
 * import { decodeWahdxBatch, summarizeBatch } from "postlife/wire";
 * fc.assert(
 *   fc.property(wahdxBatchStatusArbitrary, (answer) => {
 *     const read = decodeWahdxBatch(answer);
 *     // A post checked twice counts once.
 *     return Result.isSuccess(read) && summarizeBatch(read.success).summary.total <= answer.results.length;
 *   }),
 * );
 * ```
 * @since 0.1.0
 */
export const wahdxBatchStatusArbitrary: fc.Arbitrary<WahdxBatchStatusWire> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({ results: fc.array(wahdxStatusArbitrary, { maxLength: 5 }) }, plain),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(wahdxReportArbitrary, { maxLength: 5 })
      .map((reports) =>
        written(Schema.encodeUnknownResult(WahdxBatchStatusJson)(reports), "Wahdx batch answer"),
      ),
  },
);
