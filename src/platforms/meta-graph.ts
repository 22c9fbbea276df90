import type { ErrorSignals, MediaProcessing } from "./platform.js";

/**
 * The error signals Meta's Graph API shares across Facebook, Instagram and
 * Threads: `{ error: { code, error_subcode, message, type, is_transient } }`.
 * https://developers.facebook.com/docs/graph-api/guides/error-handling
 */

/** Ranges written out, so that the data stays a plain lookup. */
const range = (from: number, to: number, code: "PERMISSION_DENIED" | "RATE_LIMITED") =>
  Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [String(from + i), code]));

export const metaGraphErrors = {
  subcodes: {
    // Access token sub-codes of 190: expired (463), password changed (460), app removed
    // (458), invalid (467): the owner must log in again.
    "458": "PLATFORM_AUTH_EXPIRED",
    "460": "PLATFORM_AUTH_EXPIRED",
    "463": "PLATFORM_AUTH_EXPIRED",
    "467": "PLATFORM_AUTH_EXPIRED",
    // Invalid session: the user lacks a role on the Page.
    "492": "PERMISSION_DENIED",
    // Checkpointed (459) or unconfirmed (464) user: the account needs its owner's action.
    "459": "ACCOUNT_RESTRICTED",
    "464": "ACCOUNT_RESTRICTED",
  },
  codes: {
    "190": "PLATFORM_AUTH_EXPIRED", // OAuthException: token expired, revoked or invalid
    "102": "PLATFORM_AUTH_EXPIRED", // API session
    "1": "PLATFORM_SERVER_ERROR", // API Unknown: "possibly a temporary issue due to downtime"
    "2": "PLATFORM_SERVER_ERROR", // API Service: temporary, "wait and retry"
    "4": "RATE_LIMITED", // application-level throttling
    "17": "RATE_LIMITED", // user-level throttling
    "32": "RATE_LIMITED", // page-level throttling
    "341": "RATE_LIMITED", // application limit reached
    "613": "RATE_LIMITED", // calls within one hour exceeded
    ...range(80001, 80009, "RATE_LIMITED"), // Business Use Case rate limits
    "368": "RATE_LIMITED", // temporarily blocked for policy violations: "wait and retry"
    "10": "PERMISSION_DENIED", // permission denied
    ...range(200, 299, "PERMISSION_DENIED"), // permission not granted or removed
    "100": "INVALID_CONTENT", // invalid parameter
    "506": "DUPLICATE_CONTENT", // duplicate post
  },
  messages: [
    ["duplicate", "DUPLICATE_CONTENT"],
    ["session has expired", "PLATFORM_AUTH_EXPIRED"],
  ],
  // Business Use Case throttling says when access returns (minutes), then Retry-After.
  resetHeaders: [
    ["x-business-use-case-usage", "meta-usage"],
    ["retry-after", "seconds"],
  ],
} as const satisfies ErrorSignals;

/** A media container's words, as Meta's `status_code` writes them and most APIs share. */
export const containerStates: MediaProcessing["states"] = {
  IN_PROGRESS: "processing",
  FINISHED: "ready",
  ERROR: "failed",
  EXPIRED: "expired",
  PUBLISHED: "live",
};

/**
 * Instagram's and Threads' media containers: created, processed, then
 * published by a call of their own. `status_code` is IN_PROGRESS, FINISHED,
 * ERROR, EXPIRED (not published within 24 hours) or PUBLISHED
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container,
 * https://developers.facebook.com/docs/threads/reference/publishing). Meta
 * advises a status query about once a minute; Threads, about 30 seconds
 * before publishing.
 */
export const metaContainers = (pollEveryMs: number): MediaProcessing => ({
  phase: "before_publish",
  states: containerStates,
  pollEveryMs,
  processingWithinMs: 24 * 60 * 60_000,
});
