import type { KnownErrorCode } from "./publish-error.js";

/**
 * What a transport error (the call got no HTTP answer) means: its code, and
 * whether the request may already have reached the platform. Connection
 * errors happen before anything is sent; a reset or a timeout while waiting
 * for the answer may come after the platform acted.
 */
export interface TransportMeaning {
  readonly code: KnownErrorCode;
  /** `true` when the error can happen after the request was sent. */
  readonly mayHaveBeenSent: boolean;
}

/** Node, undici and browser fetch error names, upper-cased. */
export const transportErrors: Readonly<Record<string, TransportMeaning>> = {
  ETIMEDOUT: { code: "TIMEOUT_ERROR", mayHaveBeenSent: true },
  ESOCKETTIMEDOUT: { code: "TIMEOUT_ERROR", mayHaveBeenSent: true },
  UND_ERR_HEADERS_TIMEOUT: { code: "TIMEOUT_ERROR", mayHaveBeenSent: true },
  UND_ERR_BODY_TIMEOUT: { code: "TIMEOUT_ERROR", mayHaveBeenSent: true },
  TIMEOUTERROR: { code: "TIMEOUT_ERROR", mayHaveBeenSent: true },
  ABORTERROR: { code: "TIMEOUT_ERROR", mayHaveBeenSent: true },
  UND_ERR_CONNECT_TIMEOUT: { code: "TIMEOUT_ERROR", mayHaveBeenSent: false },
  ECONNRESET: { code: "NETWORK_ERROR", mayHaveBeenSent: true },
  EPIPE: { code: "NETWORK_ERROR", mayHaveBeenSent: true },
  ECONNABORTED: { code: "NETWORK_ERROR", mayHaveBeenSent: true },
  UND_ERR_SOCKET: { code: "NETWORK_ERROR", mayHaveBeenSent: true },
  ENOTFOUND: { code: "NETWORK_ERROR", mayHaveBeenSent: false },
  EAI_AGAIN: { code: "NETWORK_ERROR", mayHaveBeenSent: false },
  ECONNREFUSED: { code: "NETWORK_ERROR", mayHaveBeenSent: false },
  EHOSTUNREACH: { code: "NETWORK_ERROR", mayHaveBeenSent: false },
  ENETUNREACH: { code: "NETWORK_ERROR", mayHaveBeenSent: false },
  CERT_HAS_EXPIRED: { code: "NETWORK_ERROR", mayHaveBeenSent: false },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: { code: "NETWORK_ERROR", mayHaveBeenSent: false },
};

/**
 * HTTP statuses, when the platform says nothing more precise. A 504 is a
 * gateway that gave up waiting for the platform, which may still have acted.
 */
export const httpStatuses: Readonly<Record<string, KnownErrorCode>> = {
  "400": "INVALID_CONTENT",
  "401": "PLATFORM_AUTH_EXPIRED",
  "403": "PERMISSION_DENIED",
  "408": "TIMEOUT_ERROR",
  "413": "CONTENT_TOO_LARGE",
  "422": "INVALID_CONTENT",
  "429": "RATE_LIMITED",
  "500": "PLATFORM_SERVER_ERROR",
  "502": "PLATFORM_SERVER_ERROR",
  "503": "PLATFORM_SERVER_ERROR",
  "504": "TIMEOUT_ERROR",
};
