/**
 * Field values that every vendor's answers share (times, platform post ids
 * and URLs, content), as JSON.parse gives them, and `written`, for the
 * canonical reports the kit writes with `postlife/wire`'s encoders.
 */
import * as Result from "effect/Result";
import type * as Schema from "effect/Schema";
import fc from "fast-check";
import { LATER, NOW, PAST } from "../../alphabet.js";

/** Records as JSON.parse gives them: plain objects, never fast-check's null-prototype ones. */
export const plain = { noNullPrototype: true } as const;

/** An optional wire field's value, or `null` one time in four (absence is the record's). */
export const orNull = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.option(arbitrary, { nil: null, freq: 4 });

/** Times around the kit's `NOW`, in the spellings vendors use (offsets, microseconds). */
export const instantArbitrary: fc.Arbitrary<string> = fc.constantFrom(
  PAST,
  NOW,
  LATER,
  "2026-04-20T12:00:03Z",
  "2026-04-20T14:00:03+02:00",
  "2026-04-20T12:00:05.123456Z",
);

export const platformPostIdArbitrary = fc.constantFrom(
  "1780123456789012345",
  "17912345678901234",
  "urn:li:share:7180000000000000000",
);

export const platformUrlArbitrary = fc.constantFrom(
  "https://x.com/i/status/1780123456789012345",
  "https://www.linkedin.com/feed/update/urn:li:share:7180000000000000000",
  "https://www.threads.net/@brand/post/C5xYz",
);

export const contentArbitrary = fc.constantFrom(
  "Excited to share our new product launch! 🚀",
  "Check out our new feature!",
  "",
);

/** The value of a `Result` the kit built to succeed; its failure is a bug of the kit, said as such. */
export const written = <A>(result: Result.Result<A, Schema.SchemaError>, what: string): A => {
  if (Result.isFailure(result)) {
    throw new Error(
      `postlife/testing built a ${what} its encoder refuses: ${result.failure.message}`,
    );
  }
  return result.success;
};
