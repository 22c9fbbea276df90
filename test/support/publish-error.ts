/**
 * Any `PublishError`, made from its shape (src/errors/publish-error-shape.ts):
 * each field's values come from its kind, so a field added to the shape is
 * generated here, and reaches every round trip that uses this, without
 * anyone writing it in.
 */
import fc from "fast-check";
import {
  type ErrorCode,
  errorCodeTable,
  type KnownErrorCode,
  type PublishError,
} from "../../src/errors/publish-error.js";
import {
  type OptionalPublishErrorField,
  type PublishErrorKind,
  publishErrorShape,
} from "../../src/errors/publish-error-shape.js";

/** Codes postlife knows, mostly, and now and then one it does not (kept as it came). */
export const errorCodeArb: fc.Arbitrary<ErrorCode> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...(Object.keys(errorCodeTable) as KnownErrorCode[])) },
  { weight: 1, arbitrary: fc.constantFrom("MEDIA_PROCESSING_FAILED", "SPAM_RISK") },
);

/** Values of each kind that `apply` accepts in an error. */
const kindArbs: { readonly [K in PublishErrorKind]: fc.Arbitrary<unknown> } = {
  // The one id a PublishError has is its code.
  id: errorCodeArb,
  text: fc.string({ maxLength: 30 }),
  textOrNull: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
  boolean: fc.boolean(),
  count: fc.oneof(fc.integer({ min: 100, max: 599 }), fc.integer({ min: 0, max: 3_000_000 })),
  nonNegative: fc.integer({ min: 0, max: 48 * 3_600_000 }),
  instant: fc.constantFrom("2026-02-22T14:30:00.000Z", "2026-04-20T14:00:03Z"),
  codeOrNumber: fc.oneof(fc.integer({ min: -10, max: 100_000 }), fc.string({ maxLength: 12 })),
};

const fields = Object.entries(publishErrorShape).map(([field, kind]) => ({
  field,
  optional: kind.endsWith("?"),
  values: kindArbs[kind.replace(/\?$/, "") as PublishErrorKind],
}));

/**
 * Any PublishError: its required fields, and each optional one absent (never
 * `undefined`) or present, except those in `present`, always there.
 */
export const publishErrorArb = (
  present: readonly OptionalPublishErrorField[] = [],
): fc.Arbitrary<PublishError> =>
  fc
    .record(Object.fromEntries(fields.map(({ field, values }) => [field, values])), {
      requiredKeys: [
        ...fields.filter(({ optional }) => !optional).map(({ field }) => field),
        ...present,
      ],
    })
    // fast-check's records have no prototype; a PublishError is a plain object.
    .map((error) => ({ ...error }) as unknown as PublishError);
