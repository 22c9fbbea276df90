/**
 * Errors as vendors report them: the PostPost error object (with what
 * postlife adds to it), a bare message, and a `PublishError` as a canonical
 * report holds it.
 */
import fc from "fast-check";
import {
  type ErrorCode,
  errorCodeRow,
  errorCodeTable,
  type PublishError,
  wireCode,
  wireErrorCodes,
} from "../../../errors/publish-error.js";
import type { PublishErrorWire } from "../../../wire/publish-error.schema.js";
import type { ReportedErrorWire } from "../../../wire/reported-error.schema.js";
import { instantArbitrary, orNull } from "./fields.js";

/** Codes vendors invent, which every reader keeps as they came. */
const vendorCodes = ["TIKTOK_SPAM_RISK", "E_GRAPH_190", "media_processing_failed"] as const;

/**
 * An error code as the PostPost error object carries it: one of its eight
 * codes; postlife's finer code, written as its wire code plus `postlifeCode`;
 * or a vendor's own code.
 */
const errorCodeArbitrary: fc.Arbitrary<{ readonly code: string; readonly postlifeCode?: string }> =
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...wireErrorCodes).map((code) => ({ code })) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(...(Object.keys(errorCodeTable) as ErrorCode[]))
        .map((code) =>
          wireCode(code) === code ? { code } : { code: wireCode(code), postlifeCode: code },
        ),
    },
    { weight: 1, arbitrary: fc.constantFrom(...vendorCodes).map((code) => ({ code })) },
  );

export const errorMessageArbitrary = fc.constantFrom(
  "Error validating access token",
  "Rate limit exceeded",
  "Token expired. Please reconnect your LinkedIn account.",
  "Service unavailable",
  "Video duration exceeds the account's limit",
  "",
);

/** What postlife adds to the PostPost error object, now and then one of them. */
const additionsArbitrary = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, 60_000, 900_000).map((retryAfterMs) => ({ retryAfterMs })),
  },
  { weight: 1, arbitrary: fc.boolean().map((outcomeUnknown) => ({ outcomeUnknown })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { platformCode: 190, platformSubcode: 463 },
      { platformCode: "OAuthException" },
      { platformCode: 88 },
    ),
  },
);

/**
 * The PostPost error object: a code (see `errorCodeArbitrary`), the code's
 * description or a platform's message, the HTTP status, the platform's words
 * and the time as PostPost has them (present, absent or `null`), and
 * `retryable`, required or not (PostPost requires it).
 */
const errorObjectArbitrary = (retryableRequired: boolean) =>
  fc
    .record(
      {
        code: errorCodeArbitrary,
        message: errorMessageArbitrary,
        platformStatusCode: orNull(fc.constantFrom(400, 401, 403, 404, 413, 429, 500, 503)),
        platformError: orNull(fc.constantFrom("Invalid OAuth access token", "(#4) Too many calls")),
        failedAt: instantArbitrary,
        retryable: fc.boolean(),
      },
      {
        requiredKeys: retryableRequired ? ["code", "message", "retryable"] : ["code", "message"],
        noNullPrototype: true,
      },
    )
    .chain(({ code, ...error }) =>
      fc
        .tuple(
          fc.constantFrom(
            error.message,
            errorCodeRow(code.postlifeCode ?? code.code)?.description ?? error.message,
          ),
          additionsArbitrary,
        )
        .map(([message, additions]) => ({ ...code, ...error, message, ...additions })),
    );

/** An error as PostPost writes it: the object, `retryable` always there. */
export const publishErrorWireArbitrary: fc.Arbitrary<PublishErrorWire> = errorObjectArbitrary(
  true,
) as fc.Arbitrary<PublishErrorWire>;

/** An error as webhooks, the MCP service and Wahdx report it: a bare message or the object. */
export const reportedErrorArbitrary: fc.Arbitrary<ReportedErrorWire> = fc.oneof(
  { weight: 1, arbitrary: errorMessageArbitrary },
  { weight: 3, arbitrary: errorObjectArbitrary(false) },
);

/** A `PublishError` as a canonical report holds it (what the encoders write). */
export const publishErrorArbitrary: fc.Arbitrary<PublishError> = fc.record(
  {
    code: fc.constantFrom(...(Object.keys(errorCodeTable) as ErrorCode[]), ...vendorCodes),
    message: errorMessageArbitrary,
    retryable: fc.boolean(),
    platformStatusCode: fc.constantFrom(401, 429, 500),
    platformError: orNull(fc.constant("Invalid OAuth access token")),
    failedAt: instantArbitrary,
  },
  { requiredKeys: ["code", "message", "retryable"], noNullPrototype: true },
);
