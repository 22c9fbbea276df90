import { publishError } from "../rules/checks.js";
/**
 * The failure of one delivery attempt, as the PostPost error object carries it.
 *
 * The eight codes of the PostPost error object are the wire vocabulary. postlife adds four that
 * platforms distinguish and a service acts on differently (a duplicate is not
 * worth retrying, an exhausted quota is worth retrying only after its reset);
 * each maps back to one of the eight for the PostPost wire format. Three more
 * are postlife's own verdicts when a wait passes its deadline (no worker
 * started the delivery, no look-up answered, a retry-after beyond the
 * policy's longest wait). `ErrorCode`
 * stays open: an unknown code is kept verbatim and handled with the
 * `retryable` flag that came with it.
 */

/**
 * The PostPost error object's eight codes, in its documentation's order: the
 * wire vocabulary every code postlife knows is written as.
 *
 * @example
 * ```ts
 * import { wireErrorCodes } from "postlife";
 * wireErrorCodes.length; // 8
 * ```
 * @since 0.1.0
 */
export const wireErrorCodes = [
  "PLATFORM_AUTH_EXPIRED",
  "RATE_LIMITED",
  "INVALID_CONTENT",
  "CONTENT_TOO_LARGE",
  "PLATFORM_SERVER_ERROR",
  "NETWORK_ERROR",
  "TIMEOUT_ERROR",
  "UNKNOWN_ERROR",
] as const;

/**
 * One of the PostPost error object's eight codes.
 *
 * @example
 * ```ts
 * import type { WireErrorCode } from "postlife";
 * const wire: WireErrorCode = "RATE_LIMITED";
 * ```
 * @since 0.1.0
 */
export type WireErrorCode = (typeof wireErrorCodes)[number];

/**
 * One row of the error table: how postlife treats a code.
 *
 * @example
 * ```ts
 * import { type ErrorCodeRow, errorCodeRow } from "postlife";
 * const row: ErrorCodeRow | undefined = errorCodeRow("PERMISSION_DENIED");
 * row?.wire; // "PLATFORM_AUTH_EXPIRED"
 * row?.ownerAction; // true
 * ```
 * @since 0.1.0
 */
export interface ErrorCodeRow {
  /** The PostPost error code this one is written as on the wire. */
  readonly wire: WireErrorCode;
  /** Whether a retry may succeed. */
  readonly retryable: boolean;
  /** Automatic retries allowed at most (within the policy's attempts), when fewer than the policy's. */
  readonly maxRetries?: number;
  /** Whether the account's owner must act (reconnect, grant a permission, lift a restriction). */
  readonly ownerAction?: boolean;
  /**
   * postlife's own verdict when a wait ends (no worker started, no look-up
   * answered, a wait too long), never what a platform answered:
   * `classifyFailure` does not give it.
   */
  readonly verdict?: boolean;
  readonly description: string;
}

/**
 * Every code postlife knows: the PostPost error object's eight (`UNKNOWN_ERROR`'s "maybe" is a
 * single retry), then the four platform signals it adds and the three
 * verdicts of its own deadlines, each written on the wire as the PostPost code
 * in `wire`.
 *
 * @example
 * ```ts
 * import { errorCodeTable } from "postlife";
 * errorCodeTable.RATE_LIMITED.retryable; // true
 * errorCodeTable.DUPLICATE_CONTENT.wire; // "INVALID_CONTENT"
 * ```
 * @since 0.1.0
 */
export const errorCodeTable = {
  PLATFORM_AUTH_EXPIRED: {
    wire: "PLATFORM_AUTH_EXPIRED",
    retryable: false,
    ownerAction: true,
    description: "Access token expired or revoked",
  },
  RATE_LIMITED: {
    wire: "RATE_LIMITED",
    retryable: true,
    description: "Platform rate limit exceeded",
  },
  INVALID_CONTENT: {
    wire: "INVALID_CONTENT",
    retryable: false,
    description: "Content rejected by platform (e.g., too long, banned words)",
  },
  CONTENT_TOO_LARGE: {
    wire: "CONTENT_TOO_LARGE",
    retryable: false,
    description: "Media file exceeds platform limits",
  },
  PLATFORM_SERVER_ERROR: {
    wire: "PLATFORM_SERVER_ERROR",
    retryable: true,
    description: "Platform API returned 5xx error",
  },
  NETWORK_ERROR: {
    wire: "NETWORK_ERROR",
    retryable: true,
    description: "Could not reach platform API",
  },
  TIMEOUT_ERROR: { wire: "TIMEOUT_ERROR", retryable: true, description: "Request timed out" },
  UNKNOWN_ERROR: {
    wire: "UNKNOWN_ERROR",
    retryable: true,
    maxRetries: 1,
    description: "Unclassified error",
  },
  DUPLICATE_CONTENT: {
    wire: "INVALID_CONTENT",
    retryable: false,
    description: "The platform already has this post (the same text was published before)",
  },
  PERMISSION_DENIED: {
    wire: "PLATFORM_AUTH_EXPIRED",
    retryable: false,
    ownerAction: true,
    description: "The token lacks a permission the post needs; the owner must grant it",
  },
  ACCOUNT_RESTRICTED: {
    wire: "PLATFORM_AUTH_EXPIRED",
    retryable: false,
    ownerAction: true,
    description: "The account is suspended, locked or barred from posting",
  },
  QUOTA_EXHAUSTED: {
    wire: "RATE_LIMITED",
    retryable: true,
    description: "A daily or monthly posting quota is used up until its reset",
  },
  NEVER_STARTED: {
    wire: "TIMEOUT_ERROR",
    retryable: false,
    verdict: true,
    description:
      "No worker started the delivery, handed out as often as the policy allows; nothing was sent",
  },
  OUTCOME_UNKNOWN: {
    wire: "TIMEOUT_ERROR",
    retryable: false,
    verdict: true,
    description:
      "The request may have reached the platform and no look-up answered: a person must check before it is sent again",
  },
  WAIT_TOO_LONG: {
    wire: "RATE_LIMITED",
    retryable: false,
    verdict: true,
    description: "The platform asked to wait longer than the retry policy's longest wait",
  },
} as const satisfies Record<string, ErrorCodeRow>;

/**
 * A code postlife knows: the PostPost error object's eight and the seven it adds.
 *
 * @example
 * ```ts
 * import type { KnownErrorCode } from "postlife";
 * const code: KnownErrorCode = "QUOTA_EXHAUSTED";
 * ```
 * @since 0.1.0
 */
export type KnownErrorCode = keyof typeof errorCodeTable;

/**
 * An error code: one postlife knows, or any other string a platform or
 * vendor sent (kept, never dropped).
 *
 * @example
 * ```ts
 * import type { ErrorCode } from "postlife";
 * const vendorSpecific: ErrorCode = "MEDIA_PROCESSING_FAILED";
 * ```
 * @since 0.1.0
 */
export type ErrorCode = KnownErrorCode | (string & {});

/**
 * The row of a code, or undefined for a code postlife does not know.
 *
 * @example
 * ```ts
 * import { errorCodeRow } from "postlife";
 * errorCodeRow("QUOTA_EXHAUSTED")?.wire; // "RATE_LIMITED"
 * errorCodeRow("SOMETHING_ELSE"); // undefined
 * ```
 * @since 0.1.0
 */
export const errorCodeRow = (code: string): ErrorCodeRow | undefined =>
  typeof code === "string" && Object.hasOwn(errorCodeTable, code)
    ? errorCodeTable[code as KnownErrorCode]
    : undefined;

/**
 * A value read as a `PublishError`: itself when it is one (a failure class
 * instance is one too), else an `UNKNOWN_ERROR` that says what was wrong with
 * it, not retryable, so that nothing is retried on the strength of a value
 * nobody could read.
 */
export const publishErrorFrom = (value: unknown): PublishError => {
  const found = publishError(value, "error");
  return found === undefined
    ? (value as PublishError)
    : { code: "UNKNOWN_ERROR", message: `not a PublishError: ${found.message}`, retryable: false };
};

/**
 * The PostPost error code a code is written as on the wire: itself for the eight,
 * the mapped one for postlife's own, `UNKNOWN_ERROR` for a code nobody knows.
 *
 * @example
 * ```ts
 * import { wireCode } from "postlife";
 * wireCode("DUPLICATE_CONTENT"); // "INVALID_CONTENT"
 * wireCode("SOMETHING_ELSE"); // "UNKNOWN_ERROR"
 * ```
 * @since 0.1.0
 */
export const wireCode = (code: string): WireErrorCode =>
  errorCodeRow(code)?.wire ?? "UNKNOWN_ERROR";

/**
 * Why a delivery attempt failed: the PostPost error object, plus `retryAfterMs`
 * (the platform's own "come back later"), `outcomeUnknown` (the request may
 * have reached the platform, so a blind retry could publish twice) and the
 * platform's own code, kept as it came.
 *
 * @example
 * ```ts
 * import type { PublishError } from "postlife";
 * const expired: PublishError = {
 *   code: "PLATFORM_AUTH_EXPIRED",
 *   message: "Error validating access token",
 *   retryable: false,
 *   platformStatusCode: 401,
 *   platformError: "Invalid OAuth access token",
 * };
 * ```
 * @since 0.1.0
 */
export interface PublishError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly retryable: boolean;
  readonly platformStatusCode?: number;
  readonly platformError?: string | null;
  /** When the failure happened; `apply` stamps the event's `now` when it is missing. */
  readonly failedAt?: string;
  readonly retryAfterMs?: number;
  readonly outcomeUnknown?: boolean;
  /** The platform's own error code (Meta's 190, X's 187, TikTok's "spam_risk_too_many_posts"). */
  readonly platformCode?: string | number;
  /** The platform's sub-code, where it has one (Meta's error_subcode). */
  readonly platformSubcode?: number;
}

/**
 * What a worker saw when a publish call failed, before anyone classified it.
 *
 * @example
 * ```ts
 * import type { RawFailure } from "postlife";
 * const metaExpired: RawFailure = {
 *   platform: "instagram",
 *   httpStatus: 400,
 *   code: 190,
 *   subcode: 463,
 *   message: "Error validating access token: Session has expired",
 *   at: "2026-04-20T14:00:03Z",
 * };
 * ```
 * @since 0.1.0
 */
export interface RawFailure {
  readonly platform: string;
  readonly httpStatus?: number;
  /** The platform's error code: a number (Meta, X) or a string (TikTok, Bluesky, YouTube's reason). */
  readonly code?: string | number;
  readonly subcode?: number;
  readonly message?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** ECONNRESET, ETIMEDOUT, ENOTFOUND, ... when the call never got an HTTP answer. */
  readonly transportError?: string;
  /** Whether the request had been sent when it failed (a timeout after sending is not safe to retry). */
  readonly requestSent?: boolean;
  /** When it failed; needed to turn reset times and HTTP dates into `retryAfterMs`. */
  readonly at?: string;
}
