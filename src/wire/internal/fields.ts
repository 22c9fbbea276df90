/**
 * The small field schemas the codecs of `postlife/wire` build their shapes
 * from, so that a time, a count or a nullable text is checked the same way
 * in every payload. Private to `postlife/wire`; not in its barrel.
 */

import * as Schema from "effect/Schema";
import { parseInstant } from "../../domain/instant.js";

/**
 * An ISO 8601 date-time with a zone, as `apply` reads it: times that become
 * a delivery fact's `now` are checked here, so that a decoded fact is one
 * `apply` takes, and a bad time is named with its path at decode time.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema";
 * import { Instant } from "./internal/fields.js";
 * Schema.decodeUnknownSync(Instant)("2026-04-20T14:00:00Z"); // "2026-04-20T14:00:00Z"
 * ```
 * @since 0.1.0
 */
export const Instant: Schema.Codec<string> = Schema.String.pipe(
  Schema.check(
    Schema.makeFilter((value: string) => {
      const ms = parseInstant(value);
      return typeof ms === "number" ? undefined : ms;
    }),
  ),
).annotate({ identifier: "Instant" });

/**
 * A whole number of at least 0 (attempts, HTTP status codes, revisions).
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema";
 * import { Count } from "./internal/fields.js";
 * Schema.decodeUnknownSync(Count)(3); // 3
 * ```
 * @since 0.1.0
 */
export const Count = Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)));

/**
 * A finite number of at least 0 (durations, sizes).
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema";
 * import { NonNegative } from "./internal/fields.js";
 * Schema.decodeUnknownSync(NonNegative)(1.5); // 1.5
 * ```
 * @since 0.1.0
 */
export const NonNegative = Schema.Finite.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)));

/**
 * An optional text field; `null` is read as absent.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema";
 * import { OptionalText } from "./internal/fields.js";
 * const Reply = Schema.Struct({ externalUrl: OptionalText });
 * Schema.decodeUnknownSync(Reply)({ externalUrl: null }); // { externalUrl: null }
 * ```
 * @since 0.1.0
 */
export const OptionalText = Schema.optionalKey(Schema.NullOr(Schema.String));
