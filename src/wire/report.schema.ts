/**
 * The canonical reports of `report.ts` as Effect Schema schemas (their JSON
 * is themselves): the target every vendor decoder of `postlife/wire`
 * decodes into, and what the encoders check before writing. Private to
 * `postlife/wire`; not in its barrel.
 */

import * as Schema from "effect/Schema";
import { destinationStatuses, postStatuses } from "../domain/status.js";
import { threadItemStatuses } from "../domain/thread.js";
import { type PublishErrorKind, publishErrorShape } from "../errors/publish-error-shape.js";
import { Count, Instant, NonNegative } from "./internal/fields.js";
import type { DestinationReport } from "./report.js";

/** The schema of each kind of field a `PublishError` has (see `publishErrorShape`). */
const publishErrorKinds = {
  id: Schema.NonEmptyString,
  text: Schema.String,
  textOrNull: Schema.NullOr(Schema.String),
  boolean: Schema.Boolean,
  count: Count,
  nonNegative: NonNegative,
  instant: Instant,
  codeOrNumber: Schema.Union([Schema.String, Schema.Finite]),
} as const satisfies Record<PublishErrorKind, Schema.Top>;
type Kinds = typeof publishErrorKinds;

/** A shape's fields as schemas: each kind's schema, `optionalKey` where the kind ends in "?". */
type FieldsOf<S> = {
  readonly [F in keyof S]: S[F] extends `${infer K extends keyof Kinds}?`
    ? Schema.optionalKey<Kinds[K]>
    : Kinds[S[F] & keyof Kinds];
};

const fieldsOf = <S extends Readonly<Record<string, PublishErrorKind | `${PublishErrorKind}?`>>>(
  shape: S,
): FieldsOf<S> =>
  Object.fromEntries(
    Object.entries(shape).map(([field, kind]) =>
      kind.endsWith("?")
        ? [field, Schema.optionalKey(publishErrorKinds[kind.slice(0, -1) as PublishErrorKind])]
        : [field, publishErrorKinds[kind as PublishErrorKind]],
    ),
  ) as FieldsOf<S>;

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
export const PublishErrorSchema = Schema.Struct(fieldsOf(publishErrorShape));

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
  item: Schema.optionalKey(Count),
  items: Schema.optionalKey(
    Schema.Array(
      Schema.Struct({
        status: Schema.Literals([...threadItemStatuses, "unknown"]),
        vendorStatus: Schema.String,
        platformPostId: Schema.optionalKey(Schema.String),
        platformUrl: Schema.optionalKey(Schema.String),
        publishedAt: Schema.optionalKey(Instant),
      }),
    ),
  ),
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
