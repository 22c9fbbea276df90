/**
 * The shape of a `PublishError` as data: what each field holds and whether it
 * may be absent, in the order postlife writes them. The check `apply` runs on
 * an error (`publishError` in `rules/checks.ts`), the Effect Schema of a
 * report's error and, from it, the PostPost error object's fields
 * (`postlife/wire`), the fields `publishErrorOf` copies, and the test
 * arbitrary of any error are all read from here, so that a field is added in
 * one place.
 *
 * `PublishError` itself stays an interface, where each field is documented
 * and read at a glance; the compiler holds this table to it field for field
 * (`ShapeOf`): a field missing here, one the type does not have, a kind whose
 * values are not the field's type, or a `?` where the field is required (or
 * none where it is optional) does not compile.
 */
import type { PublishError } from "./publish-error.js";

/**
 * What a field may hold, and the TypeScript type of those values. Each reader
 * of the shape turns a kind into its own terms (a check, a schema, an
 * arbitrary), which is where the rules beyond the type live: an `id` is
 * non-empty, a `count` whole and at least 0, an `instant` a date-time with a
 * zone.
 */
interface KindValues {
  readonly id: string;
  readonly text: string;
  readonly textOrNull: string | null;
  readonly boolean: boolean;
  readonly count: number;
  readonly nonNegative: number;
  readonly instant: string;
  readonly codeOrNumber: string | number;
}

/** A kind of field value of a `PublishError`. */
export type PublishErrorKind = keyof KindValues;

/** The kinds whose values are exactly the type `T`. */
type KindsOf<T> = {
  [K in PublishErrorKind]: [KindValues[K]] extends [T]
    ? [T] extends [KindValues[K]]
      ? K
      : never
    : never;
}[PublishErrorKind];

/** Every field of `T` with a kind of its type, and a trailing "?" exactly when it is optional. */
type ShapeOf<T> = {
  readonly [K in keyof T]-?: object extends Pick<T, K>
    ? `${KindsOf<Exclude<T[K], undefined>>}?`
    : KindsOf<T[K]>;
};

/** Each field of a `PublishError`, its kind, and "?" when it may be absent. */
export const publishErrorShape = {
  code: "id",
  message: "text",
  retryable: "boolean",
  platformStatusCode: "count?",
  platformError: "textOrNull?",
  failedAt: "instant?",
  retryAfterMs: "nonNegative?",
  outcomeUnknown: "boolean?",
  platformCode: "codeOrNumber?",
  platformSubcode: "count?",
} as const satisfies ShapeOf<PublishError>;

/** The fields of a `PublishError` that may be absent, in the shape's order. */
export type OptionalPublishErrorField = {
  [K in keyof typeof publishErrorShape]: (typeof publishErrorShape)[K] extends `${string}?`
    ? K
    : never;
}[keyof typeof publishErrorShape];

/** The fields of a `PublishError` that may be absent, in the shape's order. */
export const optionalPublishErrorFields = /* @__PURE__ */ (() =>
  Object.keys(publishErrorShape).filter((field) =>
    publishErrorShape[field as keyof typeof publishErrorShape].endsWith("?"),
  ) as OptionalPublishErrorField[])();
