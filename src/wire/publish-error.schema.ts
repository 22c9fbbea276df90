/**
 * The PostPost error object (the `error` of a failed post in PostPost's
 * get-post response), as an Effect Schema codec into postlife's tagged
 * failures and back.
 *
 * Decoding takes the JSON error object of a failed post (`code`, `message`,
 * `platformStatusCode` when present, `platformError`, `failedAt`,
 * `retryable`), plus the fields postlife adds (`retryAfterMs`,
 * `outcomeUnknown`, `platformCode`, `platformSubcode`, `postlifeCode`), and
 * gives the `PublishFailure` class of its code; fields it does not know are
 * ignored, and a code nobody knows is kept in an `UnknownError`.
 *
 * Encoding writes PostPost's vocabulary: `code` is always one of its eight
 * codes (`wireCode`), so a consumer that only knows PostPost's reads it
 * right. Where postlife's code is finer than that (`DUPLICATE_CONTENT` is
 * written as `INVALID_CONTENT`) or unknown to PostPost, it is kept in
 * `postlifeCode`, which decoding prefers whenever it refines `code`
 * (`wireCode(postlifeCode) === code`). So the round trip keeps the code:
 * `decode(encode(f))` is `f`, field for field, with one normalisation: an
 * absent `platformError` is written as PostPost's `null`.
 *
 * This module is the `postlife/wire` entry; the main entry never loads Effect Schema.
 */

import * as Schema from "effect/Schema";
import * as SchemaGetter from "effect/SchemaGetter";
import { isPublishFailure, type PublishFailure, toPublishFailure } from "../effect/errors.js";
import { type PublishError, wireCode } from "../errors/publish-error.js";
import { codeOf } from "./internal/code-of.js";
import { Count } from "./internal/fields.js";
import { PublishErrorSchema } from "./report.schema.js";

/**
 * The PostPost error object's JSON, as postlife writes it and reads it.
 *
 * @example
 * ```ts
 * import type { PublishErrorWire } from "postlife/wire";
 * const threadsAuthExpired: PublishErrorWire = {
 *   code: "PLATFORM_AUTH_EXPIRED",
 *   message: "Error validating access token",
 *   platformStatusCode: 401,
 *   platformError: "Invalid OAuth access token",
 *   failedAt: "2026-02-22T14:30:00.000Z",
 *   retryable: false,
 * };
 * ```
 * @since 0.1.0
 */
export interface PublishErrorWire {
  /** One of PostPost's eight codes when postlife writes it; any string is read. */
  readonly code: string;
  readonly message: string;
  /** Absent when there was no HTTP answer; `null` is read as absent, never written. */
  readonly platformStatusCode?: number | null;
  /** Always written (`null` when the platform said nothing); may be absent when read. */
  readonly platformError?: string | null;
  readonly failedAt?: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly outcomeUnknown?: boolean;
  readonly platformCode?: string | number;
  readonly platformSubcode?: number;
  /** postlife's own code, where it is finer than `code` or unknown to PostPost. */
  readonly postlifeCode?: string;
}

/**
 * What postlife adds to the PostPost error object: every field of a
 * `PublishError` (`publishErrorShape`) the object does not have, checked as
 * the report's error is.
 */
const {
  code,
  message,
  retryable,
  platformStatusCode: _,
  platformError,
  failedAt,
  ...additions
} = PublishErrorSchema.fields;

/** The names of postlife's additions, in the shape's order. */
const additionFields = Object.keys(additions) as (keyof typeof additions)[];

/**
 * The PostPost error object, field by field, checked as `apply` checks a
 * failure's error (a code, whole status codes, an instant), so that a decoded
 * error always makes a `DELIVERY_FAILED` that `apply` takes: a bad field is
 * named with its path here, not refused later as a malformed event. The
 * fields are a `PublishError`'s (`PublishErrorSchema`), in PostPost's order,
 * with its `null` status code read as absent, then postlife's additions and
 * `postlifeCode`. Shared with `ReportedErrorJson`, which reads the same
 * object with `retryable` optional. Not in the barrel.
 */
export const errorObjectFields = {
  code,
  message,
  platformStatusCode: Schema.optionalKey(Schema.NullOr(Count)),
  platformError,
  failedAt,
  retryable,
  ...additions,
  postlifeCode: Schema.optionalKey(Schema.NonEmptyString),
};

/** The JSON object's fields, in PostPost's order, then postlife's. */
const Wire = Schema.Struct(errorObjectFields);

/** The tagged failures, checked by tag and fields (`isPublishFailure`). */
const Failure = Schema.declare<PublishFailure>(isPublishFailure, {
  identifier: "PublishFailure",
  description: "One of postlife's tagged publish failures (RateLimited, PlatformAuthExpired, …)",
});

const decodeWire = (wire: PublishErrorWire): PublishFailure => {
  const { postlifeCode: _, platformStatusCode, ...rest } = wire;
  const error = {
    ...rest,
    code: codeOf(wire),
    ...(platformStatusCode === undefined || platformStatusCode === null
      ? {}
      : { platformStatusCode }),
  } satisfies PublishError;
  return toPublishFailure(error);
};

const encodeFailure = (failure: PublishFailure): PublishErrorWire => {
  const code = wireCode(failure.code);
  const wire: Record<string, unknown> = {
    code,
    message: failure.message,
    ...(failure.platformStatusCode === undefined
      ? {}
      : { platformStatusCode: failure.platformStatusCode }),
    platformError: failure.platformError ?? null,
    ...(failure.failedAt === undefined ? {} : { failedAt: failure.failedAt }),
    retryable: failure.retryable,
  };
  for (const field of additionFields) {
    if (failure[field] !== undefined) wire[field] = failure[field];
  }
  if (code !== failure.code) wire.postlifeCode = failure.code;
  return wire as unknown as PublishErrorWire;
};

/**
 * The codec between the PostPost error object's JSON and postlife's tagged
 * failures. Decoding a value that lacks a required field (`code`,
 * `message`, `retryable`) or has one of the wrong type fails with a
 * `SchemaError` that names the path.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema";
 * import { PublishErrorJson } from "postlife/wire";
 * const failure = Schema.decodeUnknownSync(PublishErrorJson)({
 *   code: "PLATFORM_AUTH_EXPIRED",
 *   message: "Error validating access token",
 *   platformStatusCode: 401,
 *   platformError: "Invalid OAuth access token",
 *   failedAt: "2026-02-22T14:30:00.000Z",
 *   retryable: false,
 * });
 * failure._tag; // "PlatformAuthExpired"
 * Schema.encodeSync(PublishErrorJson)(failure); // the same JSON object
 *
 * Schema.decodeUnknownSync(PublishErrorJson)({ message: "?", retryable: true });
 * // throws SchemaError: Missing key
 * //   at ["code"]
 * ```
 * @since 0.1.0
 */
export const PublishErrorJson: Schema.Codec<PublishFailure, PublishErrorWire> = Wire.pipe(
  Schema.decodeTo(Failure, {
    decode: SchemaGetter.transform(decodeWire),
    encode: SchemaGetter.transform(encodeFailure),
  }),
).annotate({ identifier: "PublishErrorJson" });
