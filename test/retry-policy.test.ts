/**
 * The retry policy (src/errors/retry-policy.ts): capped exponential backoff
 * with "equal jitter" derived from the delivery's key and attempt, the
 * platform's retry-after honoured as a floor. Each property is named as the
 * invariant it proves.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  defaultRetryPolicy,
  idempotencyKey,
  jitterOf,
  type RetryPolicy,
  retryDelay,
} from "../src/index.js";

/** A usable policy, as the readiness check requires: maxDelayMs at least baseDelayMs. */
const policyArb: fc.Arbitrary<RetryPolicy> = fc
  .record({
    maxAttempts: fc.integer({ min: 1, max: 10 }),
    baseDelayMs: fc.integer({ min: 1, max: 600_000 }),
    extraCapMs: fc.integer({ min: 0, max: 24 * 3_600_000 }),
  })
  .map(({ maxAttempts, baseDelayMs, extraCapMs }) => ({
    ...defaultRetryPolicy,
    maxAttempts,
    baseDelayMs,
    maxDelayMs: baseDelayMs + extraCapMs,
  }));

const keyArb = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc
    .tuple(
      fc.constantFrom("post-1", "pst_01HZX3K8Q4W7"),
      fc.constantFrom("d-x", "d-li", "d-threads"),
      fc.nat({ max: 20 }),
      fc.nat({ max: 3 }),
    )
    .map(([p, d, r, g]) => idempotencyKey(p, d, r, g)),
);
const attemptArb = fc.integer({ min: 1, max: 40 });
const retryAfterArb = fc.option(fc.double({ min: 0, max: 48 * 3_600_000, noNaN: true }), {
  nil: undefined,
});

const failureOf = (attempt: number, key: string, retryAfterMs: number | undefined) => ({
  attempt,
  key,
  ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
});

describe("retryDelay properties", () => {
  test.prop([policyArb, attemptArb, keyArb, retryAfterArb])(
    "every delay is a positive whole number of milliseconds",
    (policy, attempt, key, retryAfterMs) => {
      const delay = retryDelay(policy, failureOf(attempt, key, retryAfterMs));
      expect(delay).toBeGreaterThan(0);
      expect(Number.isInteger(delay)).toBe(true);
    },
  );

  test.prop([policyArb, attemptArb, keyArb, retryAfterArb])(
    "no delay exceeds maxDelayMs unless the platform's retryAfterMs is larger",
    (policy, attempt, key, retryAfterMs) => {
      const delay = retryDelay(policy, failureOf(attempt, key, retryAfterMs));
      expect(delay).toBeLessThanOrEqual(Math.max(policy.maxDelayMs, Math.ceil(retryAfterMs ?? 0)));
    },
  );

  test.prop([
    policyArb,
    attemptArb,
    keyArb,
    fc.double({ min: 0, max: 48 * 3_600_000, noNaN: true }),
  ])(
    "retryAfterMs is a floor: the delay is never shorter than the platform asked",
    (policy, attempt, key, retryAfterMs) => {
      expect(retryDelay(policy, { attempt, key, retryAfterMs })).toBeGreaterThanOrEqual(
        retryAfterMs,
      );
    },
  );

  test.prop([policyArb, attemptArb, keyArb, fc.integer({ min: 0, max: 1_000 })])(
    "a retryAfterMs below the computed delay changes nothing",
    (policy, attempt, key, retryAfterMs) => {
      const computed = retryDelay(policy, { attempt, key });
      fc.pre(retryAfterMs <= computed);
      expect(retryDelay(policy, { attempt, key, retryAfterMs })).toBe(computed);
    },
  );

  test.prop([policyArb, keyArb, fc.integer({ min: 1, max: 39 })])(
    "for a fixed key, the delay never decreases as attempts grow",
    (policy, key, attempt) => {
      expect(retryDelay(policy, { attempt: attempt + 1, key })).toBeGreaterThanOrEqual(
        retryDelay(policy, { attempt, key }),
      );
    },
  );

  test.prop([policyArb, attemptArb, keyArb, retryAfterArb])(
    "the same key and attempt always give the same delay (deterministic, replay-safe)",
    (policy, attempt, key, retryAfterMs) => {
      const failure = failureOf(attempt, key, retryAfterMs);
      expect(retryDelay(policy, failure)).toBe(retryDelay({ ...policy }, { ...failure }));
    },
  );

  test.prop([policyArb, keyArb])(
    "the first retry waits between half the base delay and the base delay (equal jitter)",
    (policy, key) => {
      const delay = retryDelay(policy, { attempt: 1, key });
      expect(delay).toBeGreaterThanOrEqual(policy.baseDelayMs / 2);
      expect(delay).toBeLessThanOrEqual(policy.baseDelayMs);
    },
  );

  test.prop([policyArb, attemptArb, keyArb])(
    "below the cap, attempt n waits within the upper half of base·2^(n-1)",
    (policy, attempt, key) => {
      const exponential = policy.baseDelayMs * 2 ** (attempt - 1);
      fc.pre(exponential <= policy.maxDelayMs);
      const delay = retryDelay(policy, { attempt, key });
      expect(delay).toBeGreaterThanOrEqual(exponential / 2);
      expect(delay).toBeLessThanOrEqual(exponential);
    },
  );

  test.prop([policyArb, keyArb])("once the cap is reached, the delay is the cap", (policy, key) => {
    // base·2^(n-1)/2 ≥ maxDelayMs from this attempt on, so even the least jitter is capped.
    const attempt = Math.ceil(Math.log2((2 * policy.maxDelayMs) / policy.baseDelayMs)) + 1;
    expect(retryDelay(policy, { attempt, key })).toBe(policy.maxDelayMs);
  });
});

describe("jitterOf", () => {
  test.prop([keyArb, attemptArb])("is a fraction in [0, 1)", (key, attempt) => {
    const jitter = jitterOf(key, attempt);
    expect(jitter).toBeGreaterThanOrEqual(0);
    expect(jitter).toBeLessThan(1);
  });

  test.prop([keyArb, attemptArb])("is the same for the same key and attempt", (key, attempt) => {
    expect(jitterOf(key, attempt)).toBe(jitterOf(`${key}`, attempt));
  });

  it("spreads destinations that failed together: many keys give many different jitters", () => {
    const keys = Array.from({ length: 200 }, (_, i) => idempotencyKey("post-1", `d-${i}`, 0, 0));
    const jitters = new Set(keys.map((k) => jitterOf(k, 1)));
    expect(jitters.size).toBeGreaterThan(190);
    const low = keys.filter((k) => jitterOf(k, 1) < 0.5).length;
    expect(low).toBeGreaterThan(60);
    expect(low).toBeLessThan(140);
  });
});

describe("defaultRetryPolicy", () => {
  it("is three attempts, 30 s doubling, capped at 15 minutes; no wait beyond 3 days; deadlines of minutes", () => {
    expect(defaultRetryPolicy).toEqual({
      maxAttempts: 3,
      baseDelayMs: 30_000,
      maxDelayMs: 900_000,
      maxWaitMs: 259_200_000,
      startWithinMs: 900_000,
      maxHandOuts: 4,
      callTimeoutMs: 600_000,
      callTimeoutMsByPlatform: { youtube: 3_600_000, tiktok: 1_800_000 },
      lookupTimeoutMs: 120_000,
      maxLookups: 5,
    });
  });

  it("retries first after 15 to 30 seconds, then after 30 to 60", () => {
    const key = idempotencyKey("post-1", "d-x", 0, 0);
    const first = retryDelay(defaultRetryPolicy, { attempt: 1, key });
    const second = retryDelay(defaultRetryPolicy, { attempt: 2, key });
    expect(first).toBeGreaterThanOrEqual(15_000);
    expect(first).toBeLessThanOrEqual(30_000);
    expect(second).toBeGreaterThanOrEqual(30_000);
    expect(second).toBeLessThanOrEqual(60_000);
  });

  it("a RATE_LIMITED reset an hour away is waited out, above the 15-minute cap", () => {
    const key = idempotencyKey("post-1", "d-x", 0, 0);
    expect(retryDelay(defaultRetryPolicy, { attempt: 1, key, retryAfterMs: 3_600_000 })).toBe(
      3_600_000,
    );
  });

  it("a fractional retryAfterMs is rounded up, never down below what was asked", () => {
    const key = "k";
    expect(
      retryDelay(
        { ...defaultRetryPolicy, maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
        { attempt: 1, key, retryAfterMs: 1500.2 },
      ),
    ).toBe(1501);
  });
});
