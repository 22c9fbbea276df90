/**
 * The canonical reports of `report.ts` as Effect Schema schemas (their JSON
 * is themselves): the target every vendor decoder of `postlife/wire`
 * decodes into, and what the encoders check before writing. Private to
 * `postlife/wire`; not in its barrel.
 */

import * as Schema from "effect/Schema";
import { destinationStatuses, postStatuses } from "../domain/status.js";
import { Count, Instant, NonNegative } from "./internal/fields.js";
import type { DestinationReport } from "./report.js";

/**
 * A `PublishError` held to what `apply` accepts in a DELIVERY_FAILED
 * (`eventShapes`): a report's `error`.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema";
 * import { PublishErrorSchema } from "./report.schema.js";
 * Schema.decodeUnknownSync(PublishErrorSchema)({ code: "RATE_LIMITED", message: "Slow down", retryable: true });
 * ```
 * @since 0.1.0
 */
export const PublishErrorSchema = Schema.Struct({
  code: Schema.NonEmptyString,
  message: Schema.String,
  retryable: Schema.Boolean,
  platformStatusCode: Schema.optionalKey(Count),
  platformError: Schema.optionalKey(Schema.NullOr(Schema.String)),
  failedAt: Schema.optionalKey(Instant),
  retryAfterMs: Schema.optionalKey(NonNegative),
  outcomeUnknown: Schema.optionalKey(Schema.Boolean),
  platformCode: Schema.optionalKey(Schema.Union([Schema.String, Schema.Finite])),
  platformSubcode: Schema.optionalKey(Count),
});

/**
 * The canonical `DestinationReport` as a schema.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema";
 * import { DestinationReportSchema } from "./report.schema.js";
 * Schema.decodeUnknownSync(DestinationReportSchema)({ id: "d-x", status: "queued", vendorStatus: "pending" });
 * ```
 * @since 0.1.0
 */
export const DestinationReportSchema: Schema.Codec<DestinationReport> = Schema.Struct({
  id: Schema.String,
  platform: Schema.optionalKey(Schema.String),
  accountId: Schema.optionalKey(Schema.String),
  status: Schema.Literals([...destinationStatuses, "unknown"]),
  vendorStatus: Schema.String,
  content: Schema.optionalKey(Schema.String),
  platformPostId: Schema.optionalKey(Schema.String),
  platformUrl: Schema.optionalKey(Schema.String),
  publishedAt: Schema.optionalKey(Instant),
  error: Schema.optionalKey(PublishErrorSchema),
  attempts: Schema.optionalKey(Count),
  nextRetryAt: Schema.optionalKey(Instant),
}).annotate({ identifier: "DestinationReport" });

/**
 * The fields of a canonical `PostReport`, for the schemas that extend it.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema";
 * import { postReportFields } from "./report.schema.js";
 * const Planned = Schema.Struct({ ...postReportFields, scheduledAt: Schema.optionalKey(Schema.String) });
 * ```
 * @since 0.1.0
 */
export const postReportFields = {
  id: Schema.String,
  status: Schema.Literals([...postStatuses, "unknown"]),
  vendorStatus: Schema.optionalKey(Schema.String),
  overruledStatus: Schema.optionalKey(Schema.Literals([...postStatuses, "unknown"])),
  destinations: Schema.Array(DestinationReportSchema),
};
