/**
 * The error object as publishing APIs report it, as an Effect Schema codec
 * into postlife's plain `PublishError` and back: what the publish_post API
 * (Postato's `get_post_status`), Wahdx and webhook payloads carry in their
 * `error` field.
 */

import * as Schema from "effect/Schema";
import * as SchemaGetter from "effect/SchemaGetter";
import { type PublishError, wireCode } from "../errors/publish-error.js";
import { codeOf } from "./internal/code-of.js";
import { errorObjectFields } from "./publish-error.schema.js";
import { PublishErrorSchema } from "./report.schema.js";

/**
 * An error object as a publishing API reports it, on the wire: a bare
 * message, or the PostPost error object (`code`, `message`, `platformStatusCode`,
 * `platformError`, `failedAt`, `retryable`, and postlife's additions,
 * `postlifeCode` among them).
 *
 * @example
 * ```ts
 * import type { ReportedErrorWire } from "postlife/wire";
 * const bare: ReportedErrorWire = "Token expired";
 * const authExpired: ReportedErrorWire = { code: "PLATFORM_AUTH_EXPIRED", message: "Error validating access token", retryable: false };
 * ```
 * @since 0.1.0
 */
export type ReportedErrorWire =
  | string
  | {
      /** One of PostPost's eight codes when postlife writes it; any non-empty string is read. */
      readonly code: string;
      readonly message: string;
      /** Read as `false` when absent: a vendor's failure report is final. Always written. */
      readonly retryable?: boolean;
      /** `null` is read as absent, never written. */
      readonly platformStatusCode?: number | null;
      readonly platformError?: string | null;
      readonly failedAt?: string;
      readonly retryAfterMs?: number;
      readonly outcomeUnknown?: boolean;
      readonly platformCode?: string | number;
      readonly platformSubcode?: number;
      /** postlife's own code, where it is finer than `code` or unknown to PostPost. */
      readonly postlifeCode?: string;
    };

const ReportedErrorObject = Schema.Struct({
  ...errorObjectFields,
  retryable: Schema.optionalKey(Schema.Boolean),
});
type ReportedErrorObject = typeof ReportedErrorObject.Type;

/**
 * The fields read and written on their own: the code (with `postlifeCode`,
 * see `codeOf`), the message, and the status code, whose `null` is absent.
 */
const ownFields = ["code", "message", "platformStatusCode", "postlifeCode"] as const;

/** Every other field, copied as it is, both ways, in PostPost's order. */
const copiedErrorFields = Object.keys(errorObjectFields).filter(
  (field) => !(ownFields as readonly string[]).includes(field),
) as Exclude<keyof ReportedErrorObject, (typeof ownFields)[number]>[];

const decodeReportedError = (wire: string | ReportedErrorObject): PublishError => {
  if (typeof wire === "string") return { code: "UNKNOWN_ERROR", message: wire, retryable: false };
  const error: Record<string, unknown> = {
    code: codeOf(wire),
    message: wire.message,
    retryable: false,
  };
  if (wire.platformStatusCode !== undefined && wire.platformStatusCode !== null) {
    error.platformStatusCode = wire.platformStatusCode;
  }
  for (const key of copiedErrorFields) if (wire[key] !== undefined) error[key] = wire[key];
  return error as unknown as PublishError;
};

const encodeReportedError = (error: PublishError): ReportedErrorObject => {
  const code = wireCode(error.code);
  const wire: Record<string, unknown> = { code, message: error.message };
  if (error.platformStatusCode !== undefined) wire.platformStatusCode = error.platformStatusCode;
  for (const key of copiedErrorFields) if (error[key] !== undefined) wire[key] = error[key];
  if (code !== error.code) wire.postlifeCode = error.code;
  return wire as unknown as ReportedErrorObject;
};

/**
 * The codec between an error as a vendor reports it (`ReportedErrorWire`)
 * and postlife's plain `PublishError`. A bare message is an `UNKNOWN_ERROR`;
 * a code nobody knows is kept; a missing `retryable` is `false` (the report
 * of a failure is final). Written as the PostPost error object, the code in
 * PostPost's vocabulary and postlife's finer one in `postlifeCode`, like
 * `PublishErrorJson`; unlike it, an absent `platformError` stays absent, so
 * `decode(encode(e))` is `e` for every `PublishError` `apply` accepts.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema";
 * import { ReportedErrorJson } from "postlife/wire";
 * Schema.decodeUnknownSync(ReportedErrorJson)("Token expired");
 * // { code: "UNKNOWN_ERROR", message: "Token expired", retryable: false }
 * Schema.encodeSync(ReportedErrorJson)({ code: "DUPLICATE_CONTENT", message: "dup", retryable: false });
 * // { code: "INVALID_CONTENT", message: "dup", retryable: false, postlifeCode: "DUPLICATE_CONTENT" }
 * ```
 * @since 0.1.0
 */
export const ReportedErrorJson: Schema.Codec<PublishError, ReportedErrorWire> = Schema.Union([
  Schema.String,
  ReportedErrorObject,
])
  .pipe(
    Schema.decodeTo(PublishErrorSchema, {
      decode: SchemaGetter.transform(decodeReportedError),
      encode: SchemaGetter.transform(encodeReportedError),
    }),
  )
  .annotate({ identifier: "ReportedError" });
