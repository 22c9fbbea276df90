/**
 * The Effect face (src/effect): one tagged error per code, the Effect forms
 * of apply, classifyFailure, preflight and stepDestination, and the retry
 * policy as a Schedule that agrees with the plain functions step for step.
 */
import { fc, test } from "@fast-check/vitest";
import * as Clock from "effect/Clock";
import * as Duration from "effect/Duration";
import * as Effect from "effect/Effect";
import * as Exit from "effect/Exit";
import * as Fiber from "effect/Fiber";
import * as Pull from "effect/Pull";
import * as Schedule from "effect/Schedule";
import { TestClock } from "effect/testing";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  AccountRestricted,
  apply,
  applyEffect,
  attemptsAllowed,
  ContentInvalid,
  classify,
  classifyFailure,
  DuplicateContent,
  defaultRetryPolicy,
  errorCodeTable,
  failureOutcome,
  isPublishFailure,
  type KnownErrorCode,
  PlatformAuthExpired,
  PostRejected,
  type PublishError,
  type PublishFailure,
  preflight,
  preflightEffect,
  publishErrorOf,
  QuotaExhausted,
  RateLimited,
  type RawFailure,
  type RetryPolicy,
  retryDelay,
  retrySchedule,
  stepDestination,
  stepDestinationEffect,
  toPublishFailure,
  UnknownError,
} from "../src/index.js";
import { reachablePostArb, resolve } from "./support/arbitraries.js";
import { draftOf } from "./support/draft.js";
import { errorCodeArb, publishErrorArb } from "./support/publish-error.js";

const tagOf: { readonly [C in KnownErrorCode]: PublishFailure["_tag"] } = {
  PLATFORM_AUTH_EXPIRED: "PlatformAuthExpired",
  RATE_LIMITED: "RateLimited",
  INVALID_CONTENT: "InvalidContent",
  CONTENT_TOO_LARGE: "ContentTooLarge",
  PLATFORM_SERVER_ERROR: "PlatformServerError",
  NETWORK_ERROR: "NetworkError",
  TIMEOUT_ERROR: "TimeoutError",
  UNKNOWN_ERROR: "UnknownError",
  DUPLICATE_CONTENT: "DuplicateContent",
  PERMISSION_DENIED: "PermissionDenied",
  ACCOUNT_RESTRICTED: "AccountRestricted",
  QUOTA_EXHAUSTED: "QuotaExhausted",
  NEVER_STARTED: "NeverStarted",
  OUTCOME_UNKNOWN: "OutcomeUnknown",
  WAIT_TOO_LONG: "WaitTooLong",
};
const knownCodes = Object.keys(errorCodeTable) as KnownErrorCode[];

/** The error an Effect failed with (its first `Fail`), or undefined when it succeeded. */
const failureOf = <A, E>(effect: Effect.Effect<A, E>): E | undefined => {
  const exit = Effect.runSyncExit(effect);
  if (Exit.isSuccess(exit)) return undefined;
  const reason = exit.cause.reasons.find((r) => r._tag === "Fail");
  return reason?._tag === "Fail" ? (reason.error as E) : undefined;
};

/** Any PublishError, optional fields absent (never undefined) or present. */
const anyPublishError = publishErrorArb();

describe("tagged errors, one per code", () => {
  it.each(knownCodes.map((code) => [code, tagOf[code]] as const))(
    "%s is the tagged error %s, and catchTag of that tag catches it (and no other tag does)",
    (code, tag) => {
      const failure = toPublishFailure({ code, message: "it failed", retryable: true });
      expect(failure._tag).toBe(tag);
      expect(failure.code).toBe(code);
      expect(failure).toBeInstanceOf(Error);
      const caught = Effect.fail(failure).pipe(
        Effect.catchTag(tag, (e) => Effect.succeed(`caught ${e.code}`)),
      );
      expect(Effect.runSync(caught)).toBe(`caught ${code}`);
      const other = tag === "RateLimited" ? "NetworkError" : "RateLimited";
      const missed = Effect.fail(failure).pipe(
        Effect.catchTag(other, () => Effect.succeed("wrong handler")),
      );
      expect(failureOf(missed)).toBe(failure);
    },
  );

  it("catchTag narrows to the one class, with its code as a literal and its fields typed", () => {
    const failing = (e: PublishFailure): Effect.Effect<string, PublishFailure> => Effect.fail(e);
    const program = failing(new RateLimited({ message: "slow down", retryAfterMs: 60_000 })).pipe(
      Effect.catchTag("RateLimited", (e) => {
        expectTypeOf(e).toEqualTypeOf<RateLimited>();
        expectTypeOf(e.code).toEqualTypeOf<"RATE_LIMITED">();
        expectTypeOf(e.retryAfterMs).toEqualTypeOf<number | undefined>();
        return Effect.succeed(`wait ${e.retryAfterMs} ms`);
      }),
    );
    expectTypeOf(program).toEqualTypeOf<
      Effect.Effect<string, Exclude<PublishFailure, RateLimited>>
    >();
    expect(Effect.runSync(program)).toBe("wait 60000 ms");
  });

  it("catchTags over the twelve tags leaves no error", () => {
    const all = Object.fromEntries(
      knownCodes.map((code) => [tagOf[code], (e: PublishFailure) => Effect.succeed(e.code)]),
    ) as { readonly [T in PublishFailure["_tag"]]: (e: PublishFailure) => Effect.Effect<string> };
    const program = (
      Effect.fail(new QuotaExhausted({ message: "q" })) as Effect.Effect<string, PublishFailure>
    ).pipe(Effect.catchTags(all));
    expectTypeOf(program).toEqualTypeOf<Effect.Effect<string>>();
    expect(Effect.runSync(program)).toBe("QUOTA_EXHAUSTED");
  });

  it("a class's retryable defaults to the table's answer, and the given flag wins", () => {
    expect(new RateLimited({ message: "m" }).retryable).toBe(true);
    expect(new PlatformAuthExpired({ message: "m" }).retryable).toBe(false);
    expect(new DuplicateContent({ message: "m" }).retryable).toBe(false);
    expect(new RateLimited({ message: "m", retryable: false }).retryable).toBe(false);
    // @ts-expect-error a class carries its own code, no other
    expect(new AccountRestricted({ message: "m", code: "RATE_LIMITED" })).toBeDefined();
  });

  it("a code nobody knows becomes an UnknownError that keeps its code and flag", () => {
    const failure = toPublishFailure({
      code: "MEDIA_PROCESSING_FAILED",
      message: "the video could not be processed",
      retryable: false,
    });
    expect(failure).toBeInstanceOf(UnknownError);
    expect(failure._tag).toBe("UnknownError");
    expect(failure.code).toBe("MEDIA_PROCESSING_FAILED");
    expect(failure.retryable).toBe(false);
  });

  it("isPublishFailure knows the classes by tag and fields, not by prototype", () => {
    const failure = new RateLimited({ message: "slow down" });
    expect(isPublishFailure(failure)).toBe(true);
    expect(isPublishFailure({ ...failure, message: failure.message })).toBe(true);
    expect(isPublishFailure({ code: "RATE_LIMITED", message: "m", retryable: true })).toBe(false);
    expect(
      isPublishFailure({ _tag: "PostRejected", code: "x", message: "m", retryable: true }),
    ).toBe(false);
    expect(isPublishFailure(null)).toBe(false);
    expect(isPublishFailure("RateLimited")).toBe(false);
  });

  it("a failure given to toPublishFailure comes back the same, message included", () => {
    const failure = new QuotaExhausted({ message: "Daily quota exceeded", retryAfterMs: 1_000 });
    const again = toPublishFailure(failure);
    expect(again).toBeInstanceOf(QuotaExhausted);
    expect(again.message).toBe("Daily quota exceeded");
    expect(publishErrorOf(again)).toStrictEqual(publishErrorOf(failure));
  });

  it("a failure is yieldable in Effect.gen, and fails the Effect with itself", () => {
    const failure = new PlatformAuthExpired({ message: "Error validating access token" });
    const program = Effect.gen(function* () {
      yield* failure;
      return "unreachable";
    });
    expect(failureOf(program)).toBe(failure);
  });

  test.prop([anyPublishError])(
    "publishErrorOf gives back the PublishError a failure was made from, field for field",
    (error) => {
      const failure = toPublishFailure(error);
      expect(failure._tag).toBe(
        Object.hasOwn(tagOf, error.code) ? tagOf[error.code as KnownErrorCode] : "UnknownError",
      );
      expect(publishErrorOf(failure)).toStrictEqual(error);
    },
  );
});

const draft = draftOf({
  id: "post-1",
  content: "Launch day!",
  destinations: [{ id: "d-x", platform: "x", accountId: "acct-1" }],
});
const NOW = "2026-04-20T14:00:00.000Z";

describe("applyEffect", () => {
  it("succeeds with apply's Accepted decision", () => {
    const event = { type: "PUBLISH", now: NOW } as const;
    const accepted = Effect.runSync(applyEffect(draft, event));
    expect(accepted).toStrictEqual(apply(draft, event));
    expect(accepted.post.status).toBe("queued");
  });

  it("fails with PostRejected carrying the rejection's reason and fields", () => {
    const empty = draftOf({ id: "p", content: "hi", destinations: [] });
    const event = { type: "PUBLISH", now: NOW } as const;
    const rejected = failureOf(applyEffect(empty, event));
    expect(rejected).toBeInstanceOf(PostRejected);
    expect(rejected?._tag).toBe("PostRejected");
    expect(rejected?.reason).toBe("no_destinations");
    expect(rejected?.status).toBe("draft");
    expect(rejected?.eventType).toBe("PUBLISH");
    const recovered = applyEffect(empty, event).pipe(
      Effect.catchTag("PostRejected", (e) => Effect.succeed(e.reason)),
    );
    expect(Effect.runSync(recovered)).toBe("no_destinations");
  });

  test.prop([reachablePostArb, fc.nat({ max: 10_000 })])(
    "applyEffect agrees with apply on any reachable post and event",
    (post, choice) => {
      const event = resolve(post, choice);
      const decision = apply(post, event);
      const exit = Effect.runSyncExit(applyEffect(post, event));
      if (decision.ok) {
        expect(Exit.isSuccess(exit) && exit.value).toStrictEqual(decision);
      } else {
        const rejected = failureOf(applyEffect(post, event));
        expect(rejected).toBeInstanceOf(PostRejected);
        // `message` is the Error's own, not enumerable: read it apart.
        expect({ ...rejected, message: rejected?.message }).toStrictEqual({
          ...decision.rejection,
          rejection: decision.rejection,
          _tag: "PostRejected",
        });
      }
    },
  );
});

const rawArb: fc.Arbitrary<RawFailure> = fc.record(
  {
    platform: fc.constantFrom("x", "instagram", "threads", "linkedin", "tiktok", "friendster"),
    httpStatus: fc.constantFrom(400, 401, 403, 404, 408, 413, 429, 500, 502, 503, 504),
    code: fc.oneof(fc.constantFrom(88, 187, 190, 4, 32, 64), fc.constantFrom("spam_risk", "x")),
    subcode: fc.constantFrom(463, 2207042),
    message: fc.constantFrom("Rate limit exceeded", "Status is a duplicate.", "boom"),
    transportError: fc.constantFrom("ETIMEDOUT", "ECONNRESET", "ENOTFOUND"),
    requestSent: fc.boolean(),
    at: fc.constant("2026-04-20T14:00:03Z"),
  },
  { requiredKeys: ["platform"] },
);

describe("classify", () => {
  it("fails with the tag of the code classifyFailure gives", () => {
    const program = classify({ platform: "x", httpStatus: 429, code: 88, message: "Rate limit" });
    const failure = failureOf(program);
    expect(failure?._tag).toBe("RateLimited");
    expect(failure?.platformStatusCode).toBe(429);
  });

  test.prop([rawArb])(
    "classify always fails, with the class of classifyFailure's code and every one of its fields",
    (raw) => {
      const exit = Effect.runSyncExit(classify(raw));
      expect(Exit.isFailure(exit)).toBe(true);
      const failure = failureOf(classify(raw));
      const error = classifyFailure(raw);
      expect(failure?._tag).toBe(tagOf[error.code as KnownErrorCode] ?? "UnknownError");
      expect(failure && publishErrorOf(failure)).toStrictEqual(error);
    },
  );
});

describe("preflightEffect", () => {
  it("succeeds with the report when no rule is broken (unknown platforms listed, passing)", () => {
    const post = draftOf({
      id: "p",
      content: "Short and sweet",
      destinations: [
        { id: "d-x", platform: "x", accountId: "a" },
        { id: "d-new", platform: "friendster", accountId: "c" },
      ],
    });
    const report = Effect.runSync(preflightEffect(post));
    expect(report).toStrictEqual(preflight(post));
    expect(report.unchecked.map((u) => u.destinationId)).toEqual(["d-new"]);
  });

  it("fails with ContentInvalid listing every violation", () => {
    const post = draftOf({
      id: "p",
      content: "x".repeat(281),
      destinations: [{ id: "d-x", platform: "x", accountId: "a" }],
    });
    const failure = failureOf(preflightEffect(post));
    expect(failure).toBeInstanceOf(ContentInvalid);
    expect(failure?.violations).toStrictEqual(preflight(post).violations);
    expect(failure?.violations.map((v) => v.rule)).toEqual(["text_length"]);
    expect(failure?.message).toMatch(/^1 content rule broken: /);
  });

  it("counts the rules broken in its message", () => {
    const post = draftOf({
      id: "p",
      content: "x".repeat(281),
      destinations: [
        { id: "d-x", platform: "x", accountId: "a" },
        { id: "d-ig", platform: "instagram", accountId: "b" },
      ],
    });
    const failure = failureOf(preflightEffect(post));
    expect(failure?.violations.length).toBeGreaterThan(1);
    expect(failure?.message).toMatch(
      new RegExp(`^${failure?.violations.length} content rules broken: `),
    );
  });
});

describe("stepDestinationEffect", () => {
  const ctx = (status: "draft" | "published") => ({
    postId: "post-1",
    revision: 0,
    retry: defaultRetryPolicy,
    destination: {
      id: "d-x",
      platform: "x",
      accountId: "a",
      postType: "post",
      status,
      attempts: 0,
      generation: 0,
    },
  });

  it("succeeds with an accepted step", () => {
    const event = {
      type: "ENQUEUE",
      idempotencyKey: "post-1:d-x:0:0",
      now: "2026-04-20T14:00:00Z",
    } as const;
    const step = Effect.runSync(stepDestinationEffect(ctx("draft"), event));
    expect(step).toStrictEqual(stepDestination(ctx("draft"), event));
  });

  it("fails with DestinationRejected where stepDestination rejects", () => {
    const step = stepDestination(ctx("published"), { type: "CANCEL" });
    expect(step.kind).toBe("rejected");
    const failure = failureOf(stepDestinationEffect(ctx("published"), { type: "CANCEL" }));
    expect(failure?._tag).toBe("DestinationRejected");
    expect(failure?.destinationId).toBe("d-x");
    expect(failure?.eventType).toBe("CANCEL");
    expect(step.kind === "rejected" && failure?.reason).toBe(
      step.kind === "rejected" && step.reason,
    );
    expect(failure && "acceptedFrom" in failure).toBe(false);
  });

  it("a RETRY_DUE before the retry time is refused, with the time it is accepted from", () => {
    const retrying = {
      ...ctx("draft"),
      destination: {
        ...ctx("draft").destination,
        status: "retrying" as const,
        attempts: 1,
        nextRetryAt: "2026-04-20T14:05:00.000Z",
      },
    };
    const event = { type: "RETRY_DUE", destinationId: "d-x", now: NOW } as const;
    const failure = failureOf(stepDestinationEffect(retrying, event));
    expect(failure?.reason).toBe("too_early");
    expect(failure?.acceptedFrom).toBe("2026-04-20T14:05:00.000Z");
  });
});

// ---------------------------------------------------------------------------
// The retry Schedule

/** A usable policy, as the readiness check requires: maxDelayMs at least baseDelayMs. */
const policyArb: fc.Arbitrary<RetryPolicy> = fc
  .record({
    maxAttempts: fc.integer({ min: 1, max: 8 }),
    baseDelayMs: fc.integer({ min: 1, max: 600_000 }),
    extraCapMs: fc.integer({ min: 0, max: 24 * 3_600_000 }),
  })
  .map(({ maxAttempts, baseDelayMs, extraCapMs }) => ({
    ...defaultRetryPolicy,
    maxAttempts,
    baseDelayMs,
    maxDelayMs: baseDelayMs + extraCapMs,
  }));
const keyArb = fc.string({ minLength: 1, maxLength: 40 });

/** Failures as a worker meets them: mostly retryable codes, sometimes a veto or an unknown outcome. */
const stepFailureArb: fc.Arbitrary<PublishFailure> = fc
  .record(
    {
      code: errorCodeArb,
      message: fc.constant("it failed"),
      retryable: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, fc.constant(false)),
      retryAfterMs: fc.oneof(
        fc.integer({ min: 0, max: 48 * 3_600_000 }),
        fc.double({ min: 0, max: 3_600_000, noNaN: true }),
      ),
      outcomeUnknown: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, fc.constant(true)),
    },
    { requiredKeys: ["code", "message", "retryable"] },
  )
  .map(toPublishFailure);

type Step = { readonly delayMs: number; readonly output: number } | "stop";

/** Feeds the failures to the Schedule one by one (as Effect.retry does) and records each step. */
const stepsOf = (
  schedule: Schedule.Schedule<number, PublishFailure>,
  failures: readonly PublishFailure[],
): Step[] =>
  Effect.runSync(
    Effect.gen(function* () {
      const step = yield* Schedule.toStep(schedule);
      const steps: Step[] = [];
      for (const failure of failures) {
        const exit = yield* Effect.exit(step(0, failure));
        if (Exit.isSuccess(exit)) {
          const [output, delay] = exit.value;
          steps.push({ delayMs: Duration.toMillis(delay), output });
        } else {
          expect(Pull.isDoneCause(exit.cause)).toBe(true);
          steps.push("stop");
          break;
        }
      }
      return steps;
    }),
  );

/** What the plain policy says of the same failures. */
const plainSteps = (
  policy: RetryPolicy,
  key: string,
  failures: readonly PublishError[],
): Step[] => {
  const steps: Step[] = [];
  for (const [i, failure] of failures.entries()) {
    const attempt = i + 1;
    if (failureOutcome(policy, attempt, failure) !== "retrying") {
      steps.push("stop");
      break;
    }
    const retryAfterMs = failure.retryAfterMs;
    steps.push({
      delayMs: retryDelay(policy, {
        attempt,
        key,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      }),
      output: attempt,
    });
  }
  return steps;
};

describe("retrySchedule", () => {
  test.prop([policyArb, keyArb, fc.array(stepFailureArb, { minLength: 1, maxLength: 10 })])(
    "the Schedule and the plain policy agree: the same delays, and a stop exactly where failureOutcome is not retrying",
    (policy, key, failures) => {
      expect(stepsOf(retrySchedule(policy, key), failures)).toStrictEqual(
        plainSteps(policy, key, failures),
      );
    },
  );

  test.prop([policyArb, keyArb, fc.array(stepFailureArb, { minLength: 1, maxLength: 10 })])(
    "through the Schedule, retryAfterMs is a floor: no retry comes sooner than the platform asked",
    (policy, key, failures) => {
      const steps = stepsOf(retrySchedule(policy, key), failures);
      for (const [i, step] of steps.entries()) {
        if (step === "stop") continue;
        expect(step.delayMs).toBeGreaterThanOrEqual(
          (failures[i] as PublishFailure).retryAfterMs ?? 0,
        );
      }
    },
  );

  test.prop([policyArb, keyArb, fc.array(stepFailureArb, { minLength: 1, maxLength: 10 })])(
    "one Schedule value runs many times: each run starts again at attempt 1",
    (policy, key, failures) => {
      const schedule = retrySchedule(policy, key);
      expect(stepsOf(schedule, failures)).toStrictEqual(stepsOf(schedule, failures));
    },
  );

  it("a retryable code is retried while attempts are left; UNKNOWN_ERROR once", () => {
    const policy = {
      ...defaultRetryPolicy,
      maxAttempts: 4,
      baseDelayMs: 1_000,
      maxDelayMs: 60_000,
    };
    const server = new RateLimited({ message: "m" });
    const steps = stepsOf(retrySchedule(policy, "k"), Array(6).fill(server));
    expect(steps.filter((s) => s !== "stop")).toHaveLength(3);
    expect(steps.at(-1)).toBe("stop");
    const unknown = new UnknownError({ message: "?" });
    expect(attemptsAllowed(policy, "UNKNOWN_ERROR")).toBe(2);
    expect(stepsOf(retrySchedule(policy, "k"), Array(6).fill(unknown))).toHaveLength(2);
  });

  it("an unknown outcome is never retried blindly, nor is a code no retry cures", () => {
    const schedule = retrySchedule(defaultRetryPolicy, "k");
    const timeout = toPublishFailure({
      code: "TIMEOUT_ERROR",
      message: "ETIMEDOUT",
      retryable: true,
      outcomeUnknown: true,
    });
    expect(stepsOf(schedule, [timeout])).toEqual(["stop"]);
    // The flag says yes, the table says no: the table wins.
    const expired = new PlatformAuthExpired({ message: "expired", retryable: true });
    expect(stepsOf(schedule, [expired])).toEqual(["stop"]);
  });

  /** Runs `Effect.retry` under the TestClock: the times of each attempt, and how it ended. */
  const retried = (policy: RetryPolicy, key: string, failure: PublishFailure) =>
    Effect.runPromise(
      Effect.provide(
        Effect.gen(function* () {
          const times: number[] = [];
          const publish = Effect.gen(function* () {
            times.push(yield* Clock.currentTimeMillis);
            return yield* Effect.fail(failure);
          });
          const fiber = yield* Effect.forkChild(
            Effect.exit(Effect.retry(publish, retrySchedule(policy, key))),
          );
          yield* TestClock.adjust(Duration.days(400));
          const exit = yield* Fiber.join(fiber);
          return { times, exit };
        }),
        TestClock.layer(),
      ),
    );

  it("Effect.retry with the Schedule retries a retryable code the policy's number of times, waiting its delays", async () => {
    const policy = { ...defaultRetryPolicy, maxAttempts: 4 };
    const failure = new RateLimited({ message: "slow down", retryAfterMs: 45_000 });
    const { times, exit } = await retried(policy, "post-1:d-x:0:0", failure);
    expect(times).toHaveLength(4);
    const waits = times.slice(1).map((t, i) => t - (times[i] as number));
    expect(waits).toEqual(
      [1, 2, 3].map((attempt) =>
        retryDelay(policy, { attempt, key: "post-1:d-x:0:0", retryAfterMs: 45_000 }),
      ),
    );
    expect(waits.every((w) => w >= 45_000)).toBe(true);
    expect(Exit.isFailure(exit) && exit.cause.reasons[0]).toMatchObject({
      _tag: "Fail",
      error: failure,
    });
  });

  it("Effect.retry with the Schedule does not retry a non-retryable code, nor an unknown outcome", async () => {
    for (const failure of [
      new DuplicateContent({ message: "Status is a duplicate." }),
      new PlatformAuthExpired({ message: "Error validating access token" }),
      new RateLimited({ message: "sent, then the line dropped", outcomeUnknown: true }),
    ]) {
      const { times, exit } = await retried(defaultRetryPolicy, "k", failure);
      expect(times).toEqual([0]);
      expect(Exit.isFailure(exit)).toBe(true);
    }
  });

  test.prop([policyArb, keyArb, stepFailureArb], { numRuns: 50 })(
    "Effect.retry makes exactly as many attempts as failureOutcome allows",
    async (policy, key, failure) => {
      const { times } = await retried(policy, key, failure);
      let expected = 1;
      while (failureOutcome(policy, expected, failure) === "retrying") expected++;
      expect(times).toHaveLength(expected);
    },
  );
});
