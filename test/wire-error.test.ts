/**
 * The wire codec (src/wire/publish-error.schema.ts): seed 001's JSON error
 * object into postlife's tagged failures and back, the finer code kept in
 * `postlifeCode`; and the proof that the main entry does not carry Effect
 * Schema.
 */
import { fc, test } from "@fast-check/vitest";
import * as Exit from "effect/Exit";
import * as Schema from "effect/Schema";
import { describe, expect, it } from "vitest";
import {
  errorCodeTable,
  type KnownErrorCode,
  PlatformAuthExpired,
  type PublishError,
  publishErrorOf,
  RateLimited,
  toPublishFailure,
  UnknownError,
  wireCode,
  wireErrorCodes,
} from "../src/index.js";
import { PublishErrorJson, type PublishErrorWire } from "../src/wire/index.js";
import { publishErrorArb } from "./support/publish-error.js";
import { seed001FailedPost, seed001ThreadsError } from "./support/wire-fixtures.js";

const decode = Schema.decodeUnknownSync(PublishErrorJson);
const encode = Schema.encodeSync(PublishErrorJson);

/** The error object of seed 001's "Failed Post Response", verbatim. */
const seedError: unknown = JSON.parse(seed001FailedPost).posts[0].error;

/** The SchemaError a decode fails with. */
const decodeError = (input: unknown): Schema.SchemaError => {
  const exit = Schema.decodeUnknownExit(PublishErrorJson)(input);
  if (Exit.isSuccess(exit)) throw new Error("expected the decode to fail");
  const reason = exit.cause.reasons[0];
  if (reason?._tag !== "Fail") throw new Error("expected a Fail");
  return reason.error;
};

describe("seed 001's error object", () => {
  it("decodes to PlatformAuthExpired with every field", () => {
    const failure = decode(seedError);
    expect(failure).toBeInstanceOf(PlatformAuthExpired);
    expect(failure._tag).toBe("PlatformAuthExpired");
    expect(publishErrorOf(failure)).toStrictEqual(seed001ThreadsError);
  });

  it("encodes back to the same JSON, key for key and in the seed's order", () => {
    const encoded = encode(decode(seedError));
    expect(encoded).toStrictEqual(seedError);
    expect(JSON.stringify(encoded)).toBe(JSON.stringify(seedError));
  });

  it("fields it does not know are ignored", () => {
    const failure = decode({ ...(seedError as object), traceId: "abc", attempts: 3 });
    expect(encode(failure)).toStrictEqual(seedError);
  });
});

describe("codes", () => {
  it("a code nobody knows is kept: an UnknownError on decode, the code in postlifeCode on encode", () => {
    const wire = {
      code: "MEDIA_PROCESSING_FAILED",
      message: "The video could not be processed",
      platformError: null,
      retryable: false,
    };
    const failure = decode(wire);
    expect(failure).toBeInstanceOf(UnknownError);
    expect(failure.code).toBe("MEDIA_PROCESSING_FAILED");
    expect(failure.retryable).toBe(false);
    const encoded = encode(failure);
    expect(encoded.code).toBe("UNKNOWN_ERROR");
    expect(encoded.postlifeCode).toBe("MEDIA_PROCESSING_FAILED");
    expect(decode(encoded).code).toBe("MEDIA_PROCESSING_FAILED");
  });

  it.each(
    (Object.keys(errorCodeTable) as KnownErrorCode[]).map(
      (code) => [code, wireCode(code)] as const,
    ),
  )("%s is written as %s, and read back as itself", (code, wire) => {
    const encoded = encode(toPublishFailure({ code, message: "m", retryable: true }));
    expect(encoded.code).toBe(wire);
    expect(encoded.postlifeCode).toBe(code === wire ? undefined : code);
    expect(decode(encoded).code).toBe(code);
  });

  it("postlifeCode is read only where it refines code: code on the wire is authoritative", () => {
    const failure = decode({
      code: "RATE_LIMITED",
      postlifeCode: "DUPLICATE_CONTENT",
      message: "m",
      platformError: null,
      retryable: true,
    });
    expect(failure).toBeInstanceOf(RateLimited);
  });

  it("a null platformStatusCode is read as absent, and never written", () => {
    const failure = decode({ ...(seedError as object), platformStatusCode: null });
    expect(failure.platformStatusCode).toBeUndefined();
    expect("platformStatusCode" in encode(failure)).toBe(false);
  });
});

describe("readable errors", () => {
  it("a missing code fails with a SchemaError naming the path", () => {
    const { code: _, ...withoutCode } = seedError as PublishErrorWire;
    const error = decodeError(withoutCode);
    expect(Schema.isSchemaError(error)).toBe(true);
    expect(error.message).toBe('Missing key\n  at ["code"]');
    expect(() => decode(withoutCode)).toThrow(/Missing key\s+at \["code"\]/);
  });

  it("a field of the wrong type fails naming its path and the type expected", () => {
    expect(decodeError({ ...(seedError as object), retryable: "no" }).message).toBe(
      'Expected boolean\n  at ["retryable"]',
    );
    expect(decodeError({ ...(seedError as object), platformStatusCode: "401" }).message).toMatch(
      /at \["platformStatusCode"\]/,
    );
  });

  it("fields apply would refuse in a DELIVERY_FAILED fail here, naming their path", () => {
    for (const [field, value] of [
      ["code", ""],
      ["platformStatusCode", 401.5],
      ["platformStatusCode", -1],
      ["failedAt", "yesterday"],
      ["failedAt", "2026-02-22T14:30:00"],
    ] as const) {
      expect(decodeError({ ...(seedError as object), [field]: value }).message, field).toMatch(
        new RegExp(`at \\["${field}"\\]`),
      );
    }
  });

  it("a value that is not an object fails", () => {
    expect(() => decode("PLATFORM_AUTH_EXPIRED")).toThrow(/Expected object/);
  });
});

/** Any PublishError postlife may hold: platformError given, as classifyFailure always gives it. */
const anyPublishError = publishErrorArb(["platformError"]);

/** Seed 001's objects as another service writes them: a seed code, and seed fields only. */
const seedWireArb: fc.Arbitrary<PublishErrorWire> = fc
  .record(
    {
      code: fc.constantFrom(...wireErrorCodes),
      message: fc.string({ maxLength: 30 }),
      platformStatusCode: fc.integer({ min: 100, max: 599 }),
      platformError: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
      failedAt: fc.constantFrom("2026-02-22T14:30:00.000Z", "2026-04-20T14:00:03Z"),
      retryable: fc.boolean(),
    },
    { requiredKeys: ["code", "message", "platformError", "failedAt", "retryable"] },
  )
  .map((wire) => ({ ...wire }));

describe("round trips", () => {
  test.prop([anyPublishError])(
    "decode(encode(f)) is f: the same class, every field, the finer code kept",
    (error) => {
      const failure = toPublishFailure(error);
      const back = decode(encode(failure));
      expect(back._tag).toBe(failure._tag);
      expect(back.constructor).toBe(failure.constructor);
      expect(publishErrorOf(back)).toStrictEqual(error);
    },
  );

  test.prop([anyPublishError])(
    "what encode writes is seed 001's JSON: a seed code, postlifeCode only when postlife's is finer",
    (error) => {
      const encoded = encode(toPublishFailure(error));
      expect(wireErrorCodes).toContain(encoded.code);
      expect(encoded.postlifeCode).toBe(encoded.code === error.code ? undefined : error.code);
      expect(Object.keys(encoded).slice(0, 2)).toEqual(["code", "message"]);
      expect(JSON.parse(JSON.stringify(encoded))).toStrictEqual(encoded);
    },
  );

  test.prop([seedWireArb])(
    "encode(decode(j)) is j for any object in seed 001's vocabulary",
    (wire) => {
      expect(encode(decode(wire))).toStrictEqual(wire);
    },
  );

  test.prop([anyPublishError.map(({ platformError: _, ...rest }) => rest as PublishError)])(
    "an absent platformError is written as seed 001's null, the only normalisation",
    (error) => {
      const encoded = encode(toPublishFailure(error));
      expect(encoded.platformError).toBeNull();
      expect(publishErrorOf(decode(encoded))).toStrictEqual({ ...error, platformError: null });
      expect(encode(decode(encoded))).toStrictEqual(encoded);
    },
  );
});
