/**
 * The failure of one delivery attempt, as seed 001's error object carries it.
 *
 * The eight codes below are the seed's table; platforms and vendors add more,
 * so `ErrorCode` stays open: an unknown code is kept verbatim and handled with
 * the `retryable` flag that came with it.
 */

/**
 * The error codes of seed 001, each with whether a retry may succeed.
 * `UNKNOWN_ERROR` is "maybe" in the seed; its row says `true` because an
 * unclassified failure gets the benefit of the doubt and the attempt budget
 * bounds the cost.
 *
 * @example
 * ```ts
 * import { errorCodeTable } from "postlife";
 * errorCodeTable.RATE_LIMITED.retryable; // true
 * ```
 * @since 0.1.0
 */
export const errorCodeTable = {
  PLATFORM_AUTH_EXPIRED: { retryable: false, description: "Access token expired or revoked" },
  RATE_LIMITED: { retryable: true, description: "Platform rate limit exceeded" },
  INVALID_CONTENT: {
    retryable: false,
    description: "Content rejected by platform (e.g., too long, banned words)",
  },
  CONTENT_TOO_LARGE: { retryable: false, description: "Media file exceeds platform limits" },
  PLATFORM_SERVER_ERROR: { retryable: true, description: "Platform API returned 5xx error" },
  NETWORK_ERROR: { retryable: true, description: "Could not reach platform API" },
  TIMEOUT_ERROR: { retryable: true, description: "Request timed out" },
  UNKNOWN_ERROR: { retryable: true, description: "Unclassified error" },
} as const satisfies Record<string, { retryable: boolean; description: string }>;

/**
 * One of seed 001's eight error codes.
 *
 * @example
 * ```ts
 * import type { KnownErrorCode } from "postlife";
 * const code: KnownErrorCode = "TIMEOUT_ERROR";
 * ```
 * @since 0.1.0
 */
export type KnownErrorCode = keyof typeof errorCodeTable;

/**
 * An error code: one of the known eight, or any other string a platform or
 * vendor sent (kept, never dropped).
 *
 * @example
 * ```ts
 * import type { ErrorCode } from "postlife";
 * const vendorSpecific: ErrorCode = "DUPLICATE_CONTENT";
 * ```
 * @since 0.1.0
 */
export type ErrorCode = KnownErrorCode | (string & {});

/**
 * Why a delivery attempt failed: seed 001's error object, plus `retryAfterMs`
 * (the platform's own "come back later") and `outcomeUnknown` (the request may
 * have reached the platform, so a blind retry could publish twice).
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
  /** When the failure was recorded; `apply` stamps it from the event's `now`. */
  readonly failedAt?: string;
  readonly retryAfterMs?: number;
  readonly outcomeUnknown?: boolean;
}
