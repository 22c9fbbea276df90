/**
 * Properties of classifyFailure (src/errors/classify.ts), and of what `apply`
 * does with the failures it classifies. Each property is named as the
 * invariant it proves. Raw failures are drawn from every platform's own
 * signals (read from spec/errors.json), from their aliases and unknown
 * platforms, with reset headers in every format and transport errors.
 */
import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  apply,
  classifyFailure,
  type Decision,
  type Instruction,
  type Post,
  type PostEvent,
  platforms,
  type RawFailure,
  type ReportedFailure,
  wireCode,
  wireErrorCodes,
} from "../src/index.js";
import { draftOf } from "./support/draft.js";
import { accept, ofType } from "./support/seed-fixtures.js";

interface Signals {
  readonly subcodes?: Record<string, string>;
  readonly codes?: Record<string, string>;
  readonly messages?: [string, string][];
  readonly codePrefixes?: [string, string][];
  readonly statuses?: Record<string, string>;
  readonly resetHeaders?: [string, string][];
}
const spec = JSON.parse(readFileSync(new URL("../spec/errors.json", import.meta.url), "utf8")) as {
  readonly codes: Record<string, { readonly retryable: boolean; readonly ownerAction?: boolean }>;
  readonly httpStatuses: Record<string, string>;
  readonly transportErrors: Record<string, { code: string; mayHaveBeenSent: boolean }>;
  readonly platforms: Record<string, Signals>;
};
const signals = Object.values(spec.platforms);

const T0 = Date.parse("2026-04-20T14:00:00.000Z");
const NOW = new Date(T0).toISOString();

// ---------------------------------------------------------------------------
// Arbitraries

const platformIds = platforms.flatMap((p) => [p.id, ...p.aliases]);
const platformArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...platformIds) },
  { weight: 1, arbitrary: fc.constantFrom("Twitter", " X ", "friendster", "myspace", "") },
  { weight: 1, arbitrary: fc.string() },
);

const knownCodes = [
  ...new Set(signals.flatMap((s) => Object.keys(s.codes ?? {}))),
  ...new Set(signals.flatMap((s) => (s.codePrefixes ?? []).map(([p]) => `${p}_something`))),
];
const codeArb: fc.Arbitrary<string | number> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...knownCodes) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...knownCodes.filter((c) => /^-?\d+$/.test(c)).map(Number)),
  },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 10_000_000 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const knownSubcodes = [...new Set(signals.flatMap((s) => Object.keys(s.subcodes ?? {})))].map(
  Number,
);
const subcodeArb = fc.oneof(fc.constantFrom(...knownSubcodes), fc.nat({ max: 3_000_000 }));
const statusArb = fc.oneof(
  fc.constantFrom(
    ...Object.keys(spec.httpStatuses).map(Number),
    ...signals.flatMap((s) => Object.keys(s.statuses ?? {}).map(Number)),
    418,
    451,
    501,
    520,
    599,
  ),
  fc.integer({ min: 0, max: 999 }),
);
const phrases = signals.flatMap((s) => (s.messages ?? []).map(([phrase]) => phrase));
const messageArb = fc.oneof(
  fc.constantFrom(...phrases).map((p) => `Error: ${p}.`),
  fc.string({ maxLength: 40 }),
);
const transportNames = Object.keys(spec.transportErrors);
const transportArb = fc.oneof(
  fc.constantFrom(...transportNames),
  fc.constantFrom(...transportNames).map((n) => n.toLowerCase()),
  fc.constantFrom("AbortError", "TimeoutError", "EWHATEVER", ""),
);

const headerNames = [
  ...new Set(signals.flatMap((s) => (s.resetHeaders ?? []).map(([h]) => h))),
  "retry-after",
];
const headerNameArb = fc.oneof(
  fc.constantFrom(...headerNames),
  fc.constantFrom(...headerNames).map((h) => h.toUpperCase()),
  fc.constantFrom("content-type", "x-app-usage"),
);
/** Values a platform might send, in every reset format, within a realistic range. */
const headerValueArb = fc.oneof(
  fc.nat({ max: 200_000 }).map(String),
  fc.integer({ min: -200_000, max: 10_000_000 }).map((s) => String(T0 / 1000 + s)),
  fc
    .integer({ min: -200_000, max: 10_000_000 })
    .map((s) => new Date(T0 + s * 1000).toISOString().replace("Z", "000Z")),
  fc.integer({ min: -200_000, max: 10_000_000 }).map((s) => new Date(T0 + s * 1000).toUTCString()),
  fc
    .double({ min: 0, max: 1440, noNaN: true })
    .map((m) => JSON.stringify({ "1": [{ type: "pages", estimated_time_to_regain_access: m }] })),
  fc.constantFrom("1.5", "0", "soon", "{", "[]", "null"),
  fc.string({ maxLength: 10 }),
);
const headersArb = fc.dictionary(headerNameArb, headerValueArb, { maxKeys: 3 });

/** An instant a worker would stamp, in UTC or with an offset. */
const atArb = fc
  .tuple(
    fc.integer({
      min: Date.parse("2000-01-01T00:00:00Z"),
      max: Date.parse("2099-12-31T00:00:00Z"),
    }),
    fc.constantFrom("Z", "+02:00", "-08:00", "+05:30"),
  )
  .map(([ms, zone]) => {
    if (zone === "Z") return new Date(ms).toISOString();
    const sign = zone.startsWith("-") ? -1 : 1;
    const [h, m] = zone.slice(1).split(":").map(Number) as [number, number];
    const local = new Date(ms + sign * (h * 60 + m) * 60_000).toISOString();
    return local.replace("Z", zone);
  });

/** A raw failure as a worker builds one: every field well formed, any combination. */
const workerFailureArb: fc.Arbitrary<RawFailure> = fc.record(
  {
    platform: platformArb,
    httpStatus: statusArb,
    code: codeArb,
    subcode: subcodeArb,
    message: messageArb,
    headers: headersArb,
    transportError: transportArb,
    requestSent: fc.boolean(),
    at: atArb,
  },
  { requiredKeys: ["platform"] },
);

/** A worker's raw failure that says where and when it happened, as RawFailure documents. */
const completeFailureArb: fc.Arbitrary<RawFailure> = fc.record(
  {
    platform: platformArb,
    httpStatus: statusArb,
    code: codeArb,
    subcode: subcodeArb,
    message: messageArb,
    headers: headersArb,
    transportError: transportArb,
    requestSent: fc.boolean(),
    at: atArb,
  },
  { requiredKeys: ["platform", "at"] },
);

/** Raw failures with any values in their fields, well formed or not. */
const shapedFailureArb = fc.record(
  {
    platform: fc.oneof(platformArb, fc.anything()),
    httpStatus: fc.oneof(statusArb, fc.double(), fc.anything()),
    code: fc.oneof(codeArb, fc.double(), fc.anything()),
    subcode: fc.oneof(subcodeArb, fc.integer(), fc.anything()),
    message: fc.oneof(messageArb, fc.anything()),
    headers: fc.oneof(
      headersArb,
      fc.dictionary(headerNameArb, fc.anything()),
      fc.dictionary(headerNameArb, fc.string()),
      fc.anything(),
    ),
    transportError: fc.oneof(transportArb, fc.anything()),
    requestSent: fc.anything(),
    at: fc.oneof(atArb, fc.string(), fc.anything()),
  },
  { requiredKeys: [] },
) as unknown as fc.Arbitrary<RawFailure>;

// ---------------------------------------------------------------------------
// The classifier alone

const knownCodeNames = Object.keys(spec.codes);

describe("classifyFailure properties", () => {
  test.prop([fc.anything()])("never throws, whatever it is handed", (anything) => {
    const error = classifyFailure(anything as RawFailure);
    expect(typeof error.code).toBe("string");
    expect(typeof error.message).toBe("string");
    expect(typeof error.retryable).toBe("boolean");
  });

  test.prop([shapedFailureArb])(
    "never throws for raw failures with any platform, code, headers and status",
    (raw) => {
      expect(() => classifyFailure(raw)).not.toThrow();
    },
  );

  test.prop([fc.oneof(workerFailureArb, shapedFailureArb)])(
    "the code is always one of errorCodeTable's",
    (raw) => {
      expect(knownCodeNames).toContain(classifyFailure(raw).code);
    },
  );

  test.prop([fc.oneof(workerFailureArb, shapedFailureArb)])(
    "retryable always matches the code's row in the table",
    (raw) => {
      const error = classifyFailure(raw);
      expect(error.retryable).toBe(spec.codes[error.code]?.retryable);
    },
  );

  test.prop([fc.oneof(workerFailureArb, shapedFailureArb)])(
    "the wire code of every result is one of seed 001's eight",
    (raw) => {
      expect(wireErrorCodes).toContain(wireCode(classifyFailure(raw).code));
    },
  );

  test.prop([fc.oneof(workerFailureArb, shapedFailureArb)])(
    "retryAfterMs, when present, is a positive whole number of milliseconds",
    (raw) => {
      const { retryAfterMs } = classifyFailure(raw);
      if (retryAfterMs !== undefined) {
        expect(Number.isSafeInteger(retryAfterMs)).toBe(true);
        expect(retryAfterMs).toBeGreaterThan(0);
      }
    },
  );

  test.prop([workerFailureArb])(
    "outcomeUnknown only for a bare 504 (no platform refusal in it), or a timeout or reset with no HTTP answer not known to be unsent",
    (raw) => {
      const error = classifyFailure(raw);
      const meaning =
        raw.transportError === undefined
          ? undefined
          : spec.transportErrors[raw.transportError.toUpperCase()];
      // A 504 the platform's signals did not explain reads as the gateway's timeout.
      const mayHaveActed =
        (raw.httpStatus === 504 && error.code === "TIMEOUT_ERROR") ||
        (raw.httpStatus === undefined &&
          meaning?.mayHaveBeenSent === true &&
          raw.requestSent !== false);
      expect(error.outcomeUnknown === true).toBe(mayHaveActed);
    },
  );

  test.prop([fc.oneof(workerFailureArb, shapedFailureArb)])(
    "deterministic: the same raw failure always gives the same error",
    (raw) => {
      expect(classifyFailure(raw)).toEqual(classifyFailure(structuredClone(raw)));
    },
  );

  test.prop([workerFailureArb])(
    "what the platform said is kept: its status, code, sub-code and words",
    (raw) => {
      const error = classifyFailure(raw);
      expect(error.platformStatusCode).toBe(raw.httpStatus);
      expect(error.platformSubcode).toBe(raw.subcode);
      if (typeof raw.code === "number" || (raw.code ?? "").trim() !== "") {
        expect(error.platformCode).toBe(raw.code);
      }
      if ((raw.message ?? "").trim() !== "") expect(error.platformError).toBe(raw.message);
    },
  );
});

// ---------------------------------------------------------------------------
// Through apply

/** Platforms whose rules a text-only post meets, and one postlife does not know. */
const textPlatformArb = fc.constantFrom(
  "x",
  "linkedin",
  "facebook",
  "threads",
  "bluesky",
  "mastodon",
  "friendster",
);

const policyArb = fc
  .record({
    maxAttempts: fc.integer({ min: 1, max: 6 }),
    baseDelayMs: fc.integer({ min: 1, max: 600_000 }),
    extraCapMs: fc.integer({ min: 0, max: 6 * 3_600_000 }),
  })
  .map(({ maxAttempts, baseDelayMs, extraCapMs }) => ({
    maxAttempts,
    baseDelayMs,
    maxDelayMs: baseDelayMs + extraCapMs,
  }));

interface Delivering {
  readonly post: Post;
  /** When the attempt in flight started: the time of the next event. */
  readonly now: string;
}

/**
 * A post publishing attempt `prior + 1` to one account: each earlier attempt
 * failed with a server error, was retried at its nextRetryAt, and started again.
 */
const delivering = (
  platform: string,
  retry: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number },
  prior: number,
): Delivering => {
  let post = draftOf({
    id: "post-1",
    content: "Launch day",
    destinations: [{ id: "d", platform, accountId: "acct-1" }],
    retry,
  });
  let now = NOW;
  post = accept(apply(post, { type: "PUBLISH", now })).post;
  post = accept(apply(post, { type: "DELIVERY_STARTED", destinationId: "d", now })).post;
  for (let i = 0; i < prior; i++) {
    const failed = accept(
      apply(post, {
        type: "DELIVERY_FAILED",
        destinationId: "d",
        now,
        error: { code: "PLATFORM_SERVER_ERROR", message: "Service Unavailable", retryable: true },
      }),
    );
    now = failed.post.destinations[0]?.nextRetryAt ?? now;
    post = accept(apply(failed.post, { type: "RETRY_DUE", destinationId: "d", now })).post;
    post = accept(
      apply(post, { type: "DELIVERY_STARTED", destinationId: "d", attempt: i + 2, now }),
    ).post;
  }
  return { post, now };
};

const deliveringArb = fc
  .tuple(textPlatformArb, policyArb, fc.nat())
  .map(([platform, retry, n]) => delivering(platform, retry, n % retry.maxAttempts));

/** The worker's report of the attempt in flight, naming it as workers do. */
const failedWith = (post: Post, now: string, failure: ReportedFailure): PostEvent =>
  ({
    type: "DELIVERY_FAILED",
    destinationId: "d",
    attempt: post.destinations[0]?.attempts,
    now,
    failure,
  }) as PostEvent;

const retriesIn = (outbox: readonly Instruction[]) => ofType(outbox, "schedule_retry");

const accepted = (decision: Decision) => {
  expect(decision.ok, decision.ok ? "" : decision.rejection.message).toBe(true);
  return accept(decision);
};

const ownerCodes = Object.entries(spec.codes)
  .filter(([, row]) => row.ownerAction === true)
  .map(([code]) => code);

/** A failure whose platform signal means an owner must act: from every platform's tables. */
const ownerSignalArb: fc.Arbitrary<RawFailure> = fc.constantFrom(
  ...Object.entries(spec.platforms).flatMap(([platform, s]) => [
    ...Object.entries(s.subcodes ?? {})
      .filter(([, c]) => ownerCodes.includes(c))
      .map(([k]): RawFailure => ({ platform, subcode: Number(k) })),
    ...Object.entries(s.codes ?? {})
      .filter(([, c]) => ownerCodes.includes(c))
      .map(([k]): RawFailure => ({ platform, code: /^-?\d+$/.test(k) ? Number(k) : k })),
    ...(s.codePrefixes ?? [])
      .filter(([, c]) => ownerCodes.includes(c))
      .map(([p]): RawFailure => ({ platform, code: `${p}_unlisted` })),
    ...(s.messages ?? [])
      .filter(([, c]) => ownerCodes.includes(c))
      .map(([m]): RawFailure => ({ platform, message: `The platform says: ${m}` })),
    ...Object.entries(s.statuses ?? {})
      .filter(([, c]) => ownerCodes.includes(c))
      .map(([k]): RawFailure => ({ platform, httpStatus: Number(k) })),
  ]),
  { platform: "friendster", httpStatus: 401 },
  { platform: "friendster", httpStatus: 403 },
);
const ownerFailureArb = fc
  .tuple(
    ownerSignalArb,
    fc.option(fc.constantFrom(400, 401, 403, 422, 500), { nil: undefined }),
    headersArb,
  )
  .map(
    ([signal, status, headers]): RawFailure => ({
      ...(status === undefined ? {} : { httpStatus: status }),
      ...signal,
      headers,
    }),
  );

/** Failures every platform classifies as retryable with a known outcome. */
const retryableFailureArb: fc.Arbitrary<ReportedFailure> = fc.oneof(
  fc.constantFrom<ReportedFailure>(
    { httpStatus: 503 },
    { httpStatus: 500, message: "Internal Server Error" },
    { httpStatus: 502 },
    { transportError: "ECONNREFUSED", requestSent: false },
    { transportError: "ETIMEDOUT", requestSent: false },
    { httpStatus: 429 },
  ),
  fc
    .tuple(fc.constantFrom(429, 503), fc.integer({ min: 1, max: 48 * 3600 }))
    .map(([httpStatus, s]) => ({ httpStatus, headers: { "Retry-After": String(s) } })),
);

describe("through apply", () => {
  test.prop([deliveringArb, completeFailureArb])(
    "a DELIVERY_FAILED with a raw failure is decided exactly as one with error: classifyFailure(failure)",
    ({ post, now }, failure) => {
      const raw = apply(post, failedWith(post, now, failure));
      const classified = apply(post, {
        type: "DELIVERY_FAILED",
        destinationId: "d",
        attempt: post.destinations[0]?.attempts ?? 1,
        now,
        error: classifyFailure(failure),
      });
      expect(raw).toEqual(classified);
      expect(raw.ok).toBe(true);
    },
  );

  test.prop([deliveringArb, workerFailureArb])(
    "a failure without platform or at is classified as the destination's platform, at the event's now",
    ({ post, now }, failure) => {
      const { platform: _platform, at: _at, ...reported } = failure;
      const d = post.destinations[0];
      const raw = apply(post, failedWith(post, now, reported));
      const classified = apply(post, {
        type: "DELIVERY_FAILED",
        destinationId: "d",
        attempt: post.destinations[0]?.attempts ?? 1,
        now,
        error: classifyFailure({ ...reported, platform: d?.platform ?? "", at: now }),
      });
      expect(raw).toEqual(classified);
    },
  );

  test.prop([deliveringArb, workerFailureArb])(
    "a failure no retry can cure never schedules a retry",
    ({ post, now }, failure) => {
      const decision = accepted(apply(post, failedWith(post, now, failure)));
      const error = decision.post.destinations[0]?.error;
      if (error !== undefined && spec.codes[error.code]?.retryable === false) {
        expect(retriesIn(decision.outbox)).toEqual([]);
        expect(["failed", "unconfirmed"]).toContain(decision.post.destinations[0]?.status);
      }
    },
  );

  test.prop([deliveringArb, ownerFailureArb])(
    "an expired token, a missing permission or a restricted account asks for a reconnect, never a retry",
    ({ post, now }, failure) => {
      const decision = accepted(apply(post, failedWith(post, now, failure)));
      const d = decision.post.destinations[0];
      expect(["PLATFORM_AUTH_EXPIRED", "PERMISSION_DENIED", "ACCOUNT_RESTRICTED"]).toContain(
        d?.error?.code,
      );
      expect(d?.status).toBe("failed");
      expect(retriesIn(decision.outbox)).toEqual([]);
      expect(ofType(decision.outbox, "request_reconnect")).toEqual([
        {
          type: "request_reconnect",
          postId: "post-1",
          destinationId: "d",
          platform: post.destinations[0]?.platform,
          accountId: "acct-1",
        },
      ]);
    },
  );

  test.prop([textPlatformArb, policyArb, retryableFailureArb])(
    "retry delays are positive, capped at maxDelayMs unless retryAfterMs is larger, never shorter than retryAfterMs, and grow with the attempt",
    (platform, retry, failure) => {
      let { post, now } = delivering(platform, retry, 0);
      const delays: number[] = [];
      for (let attempt = 1; attempt < retry.maxAttempts; attempt++) {
        const decision = accepted(apply(post, failedWith(post, now, failure)));
        const error = decision.post.destinations[0]?.error;
        const [scheduled] = retriesIn(decision.outbox);
        expect(scheduled, `attempt ${attempt} of ${retry.maxAttempts}`).toBeDefined();
        if (scheduled === undefined || error === undefined) return;
        expect(scheduled.attempt).toBe(attempt + 1);
        const delay = Date.parse(scheduled.at) - Date.parse(now);
        const floor = error.retryAfterMs ?? 0;
        expect(delay).toBeGreaterThan(0);
        expect(delay).toBeLessThanOrEqual(Math.max(retry.maxDelayMs, Math.ceil(floor)));
        expect(delay).toBeGreaterThanOrEqual(floor);
        delays.push(delay);
        now = scheduled.at;
        post = accepted(apply(decision.post, { type: "RETRY_DUE", destinationId: "d", now })).post;
        post = accepted(
          apply(post, { type: "DELIVERY_STARTED", destinationId: "d", attempt: attempt + 1, now }),
        ).post;
      }
      for (let i = 1; i < delays.length; i++) {
        expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] as number);
      }
      // The last attempt's failure is final: no retry beyond maxAttempts.
      const last = accepted(apply(post, failedWith(post, now, failure)));
      expect(retriesIn(last.outbox)).toEqual([]);
      expect(last.post.destinations[0]?.status).toBe("failed");
    },
  );
});
