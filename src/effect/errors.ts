/**
 * postlife's failures and refusals as Effect tagged errors.
 *
 * One `Data.TaggedError` class per code of the error table, its tag the
 * code in PascalCase (`RATE_LIMITED` is `RateLimited`), so that
 * `Effect.catchTag("RateLimited", (e) => …)` narrows to the one class and
 * `e.retryAfterMs` is there to read. The classes are made from the table by
 * one small factory: the tag, the default `retryable` and the `code` a class
 * carries all come from `errorCodeTable`, and a code nobody knows is an
 * `UnknownError` that keeps its own `code`.
 *
 * These are `Data` errors, not `Schema` classes, so the main entry does not
 * carry Effect Schema; the codecs from and to the PostPost error object's JSON live in
 * `postlife/wire`.
 */

import type * as Cause from "effect/Cause";
import * as Data from "effect/Data";
import type { Rejection, RejectionBase, RejectionReason, Violation } from "../domain/decision.js";
import {
  type ErrorCode,
  errorCodeTable,
  type KnownErrorCode,
  type PublishError,
  publishErrorFrom,
} from "../errors/publish-error.js";
import { optionalPublishErrorFields } from "../errors/publish-error-shape.js";
import type { PreflightReport } from "../rules/preflight.js";

/** `PLATFORM_AUTH_EXPIRED` as `PlatformAuthExpired`, at the type level. */
type PascalCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Capitalize<Lowercase<Head>>}${PascalCase<Tail>}`
  : Capitalize<Lowercase<S>>;

/** `PLATFORM_AUTH_EXPIRED` as `PlatformAuthExpired`, at run time. */
const pascalCase = <S extends string>(code: S): PascalCase<S> =>
  code
    .split("_")
    .map((word) => word.charAt(0) + word.slice(1).toLowerCase())
    .join("") as PascalCase<S>;

/** The code a class carries: its own, except `UnknownError`, which keeps any code it is given. */
type CarriedCode<C extends KnownErrorCode> = C extends "UNKNOWN_ERROR" ? ErrorCode : C;

/**
 * The fields every failure carries: a `PublishError`'s, with `code` narrowed
 * to the class's own code.
 *
 * @example
 * ```ts
 * import type { PublishFailureFields } from "postlife";
 * const fields: PublishFailureFields<"RATE_LIMITED"> = {
 *   code: "RATE_LIMITED", message: "Rate limit exceeded", retryable: true, retryAfterMs: 300_000,
 * };
 * ```
 * @since 0.1.0
 */
export type PublishFailureFields<C extends ErrorCode = ErrorCode> = Omit<PublishError, "code"> & {
  readonly code: C;
};

/**
 * What a failure class is constructed from: the fields, where `code` is the
 * class's own (only `UnknownError` takes another) and `retryable` defaults to
 * the table's answer for the code.
 *
 * @example
 * ```ts
 * import { RateLimited, type PublishFailureInput } from "postlife";
 * const input: PublishFailureInput<"RATE_LIMITED"> = { message: "slow down", retryAfterMs: 60_000 };
 * new RateLimited(input).retryable; // true
 * ```
 * @since 0.1.0
 */
export type PublishFailureInput<C extends KnownErrorCode> = Omit<
  PublishError,
  "code" | "retryable"
> & {
  readonly retryable?: boolean;
} & (C extends "UNKNOWN_ERROR" ? { readonly code?: ErrorCode } : { readonly code?: C });

/**
 * The class of one code: what `Data.TaggedError` makes, named so that the
 * declarations stay readable (and emittable).
 */
type FailureClass<C extends KnownErrorCode> = new (
  input: PublishFailureInput<C>,
) => Cause.YieldableError & { readonly _tag: PascalCase<C> } & Readonly<
    PublishFailureFields<CarriedCode<C>>
  >;

/**
 * The tagged error class of one code of the table, built from its row.
 *
 * Every class below is made at import, by a call: each call is marked `@__PURE__`, so that a
 * bundler drops the classes an app never names (and Effect with them) even from the one
 * published module; `test/size.test.ts` holds the `{ createPost, apply }` bundle to that.
 */
const failureClass = <const C extends KnownErrorCode>(code: C): FailureClass<C> => {
  const retryable: boolean = errorCodeTable[code].retryable;
  return class extends Data.TaggedError(pascalCase(code))<PublishFailureFields<CarriedCode<C>>> {
    constructor(input: PublishFailureInput<C>) {
      // Whatever it is given, a failure is made: the fields it can read, the row's defaults else.
      const given: Partial<Record<string, unknown>> =
        typeof input === "object" && input !== null ? input : {};
      super({
        ...given,
        // An Error's message is not enumerable: a failure given as input would lose it in the spread.
        message: typeof given.message === "string" ? given.message : "",
        code: typeof given.code === "string" && given.code !== "" ? given.code : code,
        retryable: typeof given.retryable === "boolean" ? given.retryable : retryable,
      } as never);
    }
  };
};

/**
 * `PLATFORM_AUTH_EXPIRED`: the access token expired or was revoked; the
 * account's owner must reconnect. Never retried.
 *
 * @example
 * ```ts
 * import { PlatformAuthExpired } from "postlife";
 * const e = new PlatformAuthExpired({ message: "Error validating access token", platformStatusCode: 401 });
 * e._tag; // "PlatformAuthExpired"
 * e.retryable; // false
 * ```
 * @since 0.1.0
 */
export class PlatformAuthExpired extends /* @__PURE__ */ failureClass("PLATFORM_AUTH_EXPIRED") {}

/**
 * `RATE_LIMITED`: the platform's rate limit was hit; retried, no sooner than
 * `retryAfterMs` when the platform said.
 *
 * @example
 * ```ts
 * import { RateLimited } from "postlife";
 * new RateLimited({ message: "Rate limit exceeded", retryAfterMs: 300_000 }).code; // "RATE_LIMITED"
 * ```
 * @since 0.1.0
 */
export class RateLimited extends /* @__PURE__ */ failureClass("RATE_LIMITED") {}

/**
 * `INVALID_CONTENT`: the platform refused the content. Never retried.
 *
 * @example
 * ```ts
 * import { InvalidContent } from "postlife";
 * new InvalidContent({ message: "Status is too long" })._tag; // "InvalidContent"
 * ```
 * @since 0.1.0
 */
export class InvalidContent extends /* @__PURE__ */ failureClass("INVALID_CONTENT") {}

/**
 * `CONTENT_TOO_LARGE`: a media file exceeds the platform's limits. Never retried.
 *
 * @example
 * ```ts
 * import { ContentTooLarge } from "postlife";
 * new ContentTooLarge({ message: "Video exceeds 512 MB", platformStatusCode: 413 }).retryable; // false
 * ```
 * @since 0.1.0
 */
export class ContentTooLarge extends /* @__PURE__ */ failureClass("CONTENT_TOO_LARGE") {}

/**
 * `PLATFORM_SERVER_ERROR`: the platform answered 5xx. Retried.
 *
 * @example
 * ```ts
 * import { PlatformServerError } from "postlife";
 * new PlatformServerError({ message: "Bad gateway", platformStatusCode: 502 }).retryable; // true
 * ```
 * @since 0.1.0
 */
export class PlatformServerError extends /* @__PURE__ */ failureClass("PLATFORM_SERVER_ERROR") {}

/**
 * `NETWORK_ERROR`: the platform could not be reached. Retried.
 *
 * @example
 * ```ts
 * import { NetworkError } from "postlife";
 * new NetworkError({ message: "ECONNREFUSED", platformError: "ECONNREFUSED" })._tag; // "NetworkError"
 * ```
 * @since 0.1.0
 */
export class NetworkError extends /* @__PURE__ */ failureClass("NETWORK_ERROR") {}

/**
 * `TIMEOUT_ERROR`: the request timed out. Retried, unless `outcomeUnknown`
 * says the platform may have acted (then reconcile first).
 *
 * @example
 * ```ts
 * import { TimeoutError } from "postlife";
 * new TimeoutError({ message: "ETIMEDOUT", outcomeUnknown: true }).outcomeUnknown; // true
 * ```
 * @since 0.1.0
 */
export class TimeoutError extends /* @__PURE__ */ failureClass("TIMEOUT_ERROR") {}

/**
 * `UNKNOWN_ERROR`, and any code postlife does not know (kept in `code`):
 * retried once, when its `retryable` flag allows.
 *
 * @example
 * ```ts
 * import { UnknownError } from "postlife";
 * new UnknownError({ message: "?" }).code; // "UNKNOWN_ERROR"
 * new UnknownError({ code: "MEDIA_PROCESSING_FAILED", message: "?", retryable: false }).code; // "MEDIA_PROCESSING_FAILED"
 * ```
 * @since 0.1.0
 */
export class UnknownError extends /* @__PURE__ */ failureClass("UNKNOWN_ERROR") {}

/**
 * `DUPLICATE_CONTENT`: the platform already has this post. Never retried;
 * written on the wire as `INVALID_CONTENT`.
 *
 * @example
 * ```ts
 * import { DuplicateContent } from "postlife";
 * new DuplicateContent({ message: "Status is a duplicate", platformCode: 187 }).retryable; // false
 * ```
 * @since 0.1.0
 */
export class DuplicateContent extends /* @__PURE__ */ failureClass("DUPLICATE_CONTENT") {}

/**
 * `PERMISSION_DENIED`: the token lacks a permission the post needs; the
 * owner must grant it. Never retried; written on the wire as `PLATFORM_AUTH_EXPIRED`.
 *
 * @example
 * ```ts
 * import { PermissionDenied } from "postlife";
 * new PermissionDenied({ message: "Missing scope w_member_social" })._tag; // "PermissionDenied"
 * ```
 * @since 0.1.0
 */
export class PermissionDenied extends /* @__PURE__ */ failureClass("PERMISSION_DENIED") {}

/**
 * `ACCOUNT_RESTRICTED`: the account is suspended, locked or barred from
 * posting. Never retried; written on the wire as `PLATFORM_AUTH_EXPIRED`.
 *
 * @example
 * ```ts
 * import { AccountRestricted } from "postlife";
 * new AccountRestricted({ message: "Account is suspended", platformCode: 64 }).retryable; // false
 * ```
 * @since 0.1.0
 */
export class AccountRestricted extends /* @__PURE__ */ failureClass("ACCOUNT_RESTRICTED") {}

/**
 * `QUOTA_EXHAUSTED`: a daily or monthly posting quota is used up; retried
 * after its reset (`retryAfterMs`). Written on the wire as `RATE_LIMITED`.
 *
 * @example
 * ```ts
 * import { QuotaExhausted } from "postlife";
 * new QuotaExhausted({ message: "Daily quota exceeded", retryAfterMs: 36_000_000 }).retryable; // true
 * ```
 * @since 0.1.0
 */
export class QuotaExhausted extends /* @__PURE__ */ failureClass("QUOTA_EXHAUSTED") {}

/**
 * `NEVER_STARTED`: no worker started the delivery, handed out as often as
 * the policy allows. Nothing was sent, so a manual retry is safe. Written
 * on the wire as `TIMEOUT_ERROR`.
 *
 * @example
 * ```ts
 * import { NeverStarted } from "postlife";
 * new NeverStarted({ message: "No worker started post-1:d-x:0:0" }).retryable; // false
 * ```
 * @since 0.1.0
 */
export class NeverStarted extends /* @__PURE__ */ failureClass("NEVER_STARTED") {}

/**
 * `OUTCOME_UNKNOWN`: the request may have reached the platform and no
 * look-up answered. Never sent again until a person has checked (and
 * answered `RECONCILED`). Written on the wire as `TIMEOUT_ERROR`.
 *
 * @example
 * ```ts
 * import { OutcomeUnknown } from "postlife";
 * new OutcomeUnknown({ message: "5 look-ups went unanswered", outcomeUnknown: true })._tag; // "OutcomeUnknown"
 * ```
 * @since 0.1.0
 */
export class OutcomeUnknown extends /* @__PURE__ */ failureClass("OUTCOME_UNKNOWN") {}

/**
 * `WAIT_TOO_LONG`: the platform asked to wait longer than the retry
 * policy's `maxWaitMs`. Written on the wire as `RATE_LIMITED`.
 *
 * @example
 * ```ts
 * import { WaitTooLong } from "postlife";
 * new WaitTooLong({ message: "Retry-After of 1157 days", retryAfterMs: 99_999_999_999 }).retryable; // false
 * ```
 * @since 0.1.0
 */
export class WaitTooLong extends /* @__PURE__ */ failureClass("WAIT_TOO_LONG") {}

/** Every class, by the code it stands for: the table, as classes. */
const failureClasses = {
  PLATFORM_AUTH_EXPIRED: PlatformAuthExpired,
  RATE_LIMITED: RateLimited,
  INVALID_CONTENT: InvalidContent,
  CONTENT_TOO_LARGE: ContentTooLarge,
  PLATFORM_SERVER_ERROR: PlatformServerError,
  NETWORK_ERROR: NetworkError,
  TIMEOUT_ERROR: TimeoutError,
  UNKNOWN_ERROR: UnknownError,
  DUPLICATE_CONTENT: DuplicateContent,
  PERMISSION_DENIED: PermissionDenied,
  ACCOUNT_RESTRICTED: AccountRestricted,
  QUOTA_EXHAUSTED: QuotaExhausted,
  NEVER_STARTED: NeverStarted,
  OUTCOME_UNKNOWN: OutcomeUnknown,
  WAIT_TOO_LONG: WaitTooLong,
} as const satisfies { readonly [C in KnownErrorCode]: { readonly name: string } };

/**
 * Why a delivery attempt failed, as a tagged error: one class per code of
 * `errorCodeTable`. Handle one with `Effect.catchTag`, several with
 * `Effect.catchTags`.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect";
 * import { classify, type PublishFailure } from "postlife";
 * const publish: Effect.Effect<string, PublishFailure> = classify({ platform: "x", httpStatus: 429 });
 * const handled = publish.pipe(
 *   Effect.catchTag("RateLimited", (e) => Effect.succeed(`wait ${e.retryAfterMs ?? 0} ms`)),
 * );
 * ```
 * @since 0.1.0
 * @useDeclaredType
 */
export type PublishFailure = InstanceType<(typeof failureClasses)[KnownErrorCode]>;

/**
 * The tag of one of the failure classes: `"RateLimited"`, `"UnknownError"`, ….
 *
 * @example
 * ```ts
 * import type { PublishFailureTag } from "postlife";
 * const tag: PublishFailureTag = "QuotaExhausted";
 * ```
 * @since 0.1.0
 */
export type PublishFailureTag = PublishFailure["_tag"];

const failureTags: ReadonlySet<string> = /* @__PURE__ */ (() =>
  new Set(Object.keys(failureClasses).map((code) => pascalCase(code))))();

/**
 * Whether a value is one of the failure classes. It reads the tag and the
 * fields rather than the prototype, so a failure made by another copy of
 * postlife (the CommonJS and ESM builds, `postlife` and `postlife/wire`)
 * still counts.
 *
 * @example
 * ```ts
 * import { isPublishFailure, RateLimited } from "postlife";
 * isPublishFailure(new RateLimited({ message: "slow down" })); // true
 * isPublishFailure({ code: "RATE_LIMITED", message: "slow down", retryable: true }); // false: a plain PublishError
 * ```
 * @since 0.1.0
 */
export const isPublishFailure = (value: unknown): value is PublishFailure => {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<Record<"_tag" | "code" | "message" | "retryable", unknown>>;
  return (
    typeof v._tag === "string" &&
    failureTags.has(v._tag) &&
    typeof v.code === "string" &&
    typeof v.message === "string" &&
    typeof v.retryable === "boolean"
  );
};

/**
 * The tagged error of a `PublishError`: the class of its code, every field
 * kept. A code nobody knows becomes an `UnknownError` that keeps its own code
 * (and its own `retryable`); a value that is not a `PublishError`, an
 * `UnknownError` that says what was wrong with it.
 *
 * @example
 * ```ts
 * import { classifyFailure, toPublishFailure } from "postlife";
 * toPublishFailure(classifyFailure({ platform: "x", httpStatus: 429 }))._tag; // "RateLimited"
 * toPublishFailure({ code: "MEDIA_PROCESSING_FAILED", message: "?", retryable: false }).code; // "MEDIA_PROCESSING_FAILED"
 * ```
 * @since 0.1.0
 */
export const toPublishFailure = (given: PublishError): PublishFailure => {
  const error = publishErrorFrom(given);
  const make = Object.hasOwn(failureClasses, error.code)
    ? failureClasses[error.code as KnownErrorCode]
    : UnknownError;
  return new (make as typeof UnknownError)(error);
};

/**
 * The plain `PublishError` of a failure, for storage, JSON, or a
 * `DELIVERY_FAILED` event: the fields and nothing else (no tag, no stack),
 * absent fields left out. A value that is not one gives an `UNKNOWN_ERROR`
 * that says what was wrong with it.
 *
 * @example
 * ```ts
 * import { publishErrorOf, RateLimited } from "postlife";
 * const failure = new RateLimited({ message: "slow down", retryAfterMs: 60_000 });
 * publishErrorOf(failure); // { code: "RATE_LIMITED", message: "slow down", retryable: true, retryAfterMs: 60000 }
 * // apply(post, { type: "DELIVERY_FAILED", destinationId, attempt, error: publishErrorOf(failure), now })
 * ```
 * @since 0.1.0
 */
export const publishErrorOf = (given: PublishError): PublishError => {
  const failure = publishErrorFrom(given);
  const plain: Record<string, unknown> = {
    code: failure.code,
    message: failure.message,
    retryable: failure.retryable,
  };
  for (const field of optionalPublishErrorFields) {
    if (failure[field] !== undefined) plain[field] = failure[field];
  }
  return plain as unknown as PublishError;
};

/**
 * `apply` refused an event: the `Rejection`'s fields, as a tagged error.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect";
 * import { applyEffect, createPost } from "postlife";
 * const created = createPost({ id: "p", content: "hi", destinations: [] });
 * if (!created.ok) throw new Error(created.rejection.message);
 * applyEffect(created.post, { type: "PUBLISH", now: "2026-04-20T14:00:00Z" }).pipe(
 *   Effect.catchTag("PostRejected", (e) => Effect.succeed(e.reason)), // "no_destinations"
 * );
 * ```
 * @since 0.1.0
 */
export class PostRejected extends /* @__PURE__ */ Data.TaggedError("PostRejected")<
  RejectionBase<RejectionReason> & {
    readonly acceptedFrom?: string;
    readonly violations?: readonly Violation[];
    /** The rejection itself, whose `reason` narrows in a `switch`. */
    readonly rejection: Rejection;
  }
> {}

/**
 * The preflight found content rules broken: every violation, and the
 * destinations it could not check.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect";
 * import { createPost, preflightEffect } from "postlife";
 * const created = createPost({ id: "p", content: "x".repeat(281), destinations: [{ id: "d-x", platform: "x", accountId: "a" }] });
 * if (!created.ok) throw new Error(created.rejection.message);
 * preflightEffect(created.post).pipe(
 *   Effect.catchTag("ContentInvalid", (e) => Effect.succeed(e.violations.map((v) => v.rule))), // ["text_length"]
 * );
 * ```
 * @since 0.1.0
 */
export class ContentInvalid extends /* @__PURE__ */ Data.TaggedError("ContentInvalid")<{
  readonly message: string;
  readonly violations: readonly Violation[];
  readonly unchecked: PreflightReport["unchecked"];
}> {}
