/**
 * spec/errors.json, read as a service in another language would read it
 * (plain JSON, no TypeScript types from src/), and held against the code:
 * every row it lists is what classifyFailure does. The JSON's own $comment
 * is the contract: each platform's signals are "sub-codes, codes, code
 * prefixes and message phrases, checked in that order, then statuses; reset
 * headers say when to come back", and an HTTP status or a transport error
 * decides "when the platform says nothing more precise".
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classifyFailure, errorCodeRow, type RawFailure, wireCode } from "../src/index.js";

interface CodeRow {
  readonly wire: string;
  readonly retryable: boolean;
  readonly maxRetries?: number;
  readonly ownerAction?: boolean;
  readonly description: string;
}
interface PlatformSignals {
  readonly subcodes?: Readonly<Record<string, string>>;
  readonly codes?: Readonly<Record<string, string>>;
  readonly codePrefixes?: readonly (readonly [string, string])[];
  readonly messages?: readonly (readonly [string, string])[];
  readonly statuses?: Readonly<Record<string, string>>;
  readonly dailyQuotaResetZone?: string;
  readonly resetHeaders?: readonly (
    | readonly [string, string]
    | readonly [string, string, string]
  )[];
}
interface ErrorsSpec {
  readonly seedCodes: readonly string[];
  readonly codes: Readonly<Record<string, CodeRow>>;
  readonly httpStatuses: Readonly<Record<string, string>>;
  readonly transportErrors: Readonly<
    Record<string, { readonly code: string; readonly mayHaveBeenSent: boolean }>
  >;
  readonly platforms: Readonly<Record<string, PlatformSignals>>;
}

const spec = JSON.parse(
  readFileSync(new URL("./errors.json", import.meta.url), "utf8"),
) as ErrorsSpec;

const AT = "2026-04-20T14:00:00.000Z";
const AT_MS = Date.parse(AT);
const platformEntries = Object.entries(spec.platforms);

/** Classifies and checks what every row promises: the code, and the code's row in `codes`. */
const gives = (raw: RawFailure, code: string) => {
  const error = classifyFailure(raw);
  expect(error.code, JSON.stringify(raw)).toBe(code);
  expect(error.retryable).toBe(spec.codes[code]?.retryable);
  return error;
};

/** A numeric key of the JSON ("187") as the number a platform's body carries (187). */
const asNumber = (key: string): number | undefined =>
  /^-?\d+$/.test(key) ? Number(key) : undefined;

describe("codes", () => {
  it("lists seed 001's eight codes, each written on the wire as itself", () => {
    expect(spec.seedCodes).toHaveLength(8);
    for (const seed of spec.seedCodes) expect(spec.codes[seed]?.wire).toBe(seed);
  });

  it.each(Object.entries(spec.codes))(
    "%s is written on the wire as one of seedCodes, as wireCode says",
    (code, row) => {
      expect(spec.seedCodes).toContain(row.wire);
      expect(wireCode(code)).toBe(row.wire);
    },
  );

  it.each(Object.entries(spec.codes))(
    "%s: the row the code uses is the row the JSON ships",
    (code, row) => {
      expect(errorCodeRow(code)).toEqual(row);
    },
  );

  it("a code the JSON does not list is written as UNKNOWN_ERROR and has no row", () => {
    expect(wireCode("MEDIA_PROCESSING_FAILED")).toBe("UNKNOWN_ERROR");
    expect(errorCodeRow("MEDIA_PROCESSING_FAILED")).toBeUndefined();
  });

  it("every code a platform signal names is a row of codes", () => {
    for (const [, s] of platformEntries) {
      const named = [
        ...Object.values(s.subcodes ?? {}),
        ...Object.values(s.codes ?? {}),
        ...(s.codePrefixes ?? []).map(([, c]) => c),
        ...(s.messages ?? []).map(([, c]) => c),
        ...Object.values(s.statuses ?? {}),
      ];
      for (const code of named) expect(Object.keys(spec.codes)).toContain(code);
    }
    for (const code of Object.values(spec.httpStatuses)) {
      expect(Object.keys(spec.codes)).toContain(code);
    }
  });
});

describe.each(platformEntries)("platform %s: each signal alone gives its code", (platform, s) => {
  const subcodes = Object.entries(s.subcodes ?? {});
  const codes = Object.entries(s.codes ?? {});
  const prefixes = s.codePrefixes ?? [];
  const messages = s.messages ?? [];
  const statuses = Object.entries(s.statuses ?? {});

  if (subcodes.length > 0)
    it.each(subcodes)("sub-code %s: %s", (key, code) => {
      const subcode = Number(key);
      expect(gives({ platform, subcode, at: AT }, code).platformSubcode).toBe(subcode);
    });

  if (codes.length > 0)
    it.each(codes)("code %s: %s", (key, code) => {
      expect(gives({ platform, code: key }, code).platformCode).toBe(key);
      const number = asNumber(key);
      if (number !== undefined)
        expect(gives({ platform, code: number }, code).platformCode).toBe(number);
    });

  if (prefixes.length > 0)
    it.each(prefixes)("a code starting %s: %s", (prefix, code) => {
      gives({ platform, code: `${prefix}_not_listed_anywhere` }, code);
    });

  if (messages.length > 0)
    it.each(messages)("a message containing %j: %s", (phrase, code) => {
      gives({ platform, message: `The platform said: ${phrase}. Try later.` }, code);
      gives({ platform, message: phrase.toUpperCase() }, code);
    });

  if (statuses.length > 0)
    it.each(statuses)("HTTP %s: %s", (key, code) => {
      gives({ platform, httpStatus: Number(key) }, code);
    });

  it("checks sub-codes, codes, prefixes, messages, statuses in that order", () => {
    // Each pair: a more precise signal with a code that differs from a less precise one.
    const order: [string, RawFailure, string][] = [];
    const [sub] = subcodes;
    const firstOther = (list: readonly (readonly [string, string])[], not: string) =>
      list.find(([, c]) => c !== not);
    if (sub !== undefined) {
      const code = firstOther(codes, sub[1]);
      if (code !== undefined) {
        order.push([
          "sub-code over code",
          { platform, subcode: Number(sub[0]), code: code[0] },
          sub[1],
        ]);
      }
    }
    for (const [key, value] of codes.slice(0, 1)) {
      const message = firstOther(messages, value);
      if (message !== undefined) {
        order.push(["code over message", { platform, code: key, message: message[0] }, value]);
      }
      const status = firstOther(statuses, value);
      if (status !== undefined) {
        order.push(["code over status", { platform, code: key, httpStatus: +status[0] }, value]);
      }
    }
    for (const [prefix, value] of prefixes.slice(0, 1)) {
      const message = firstOther(messages, value);
      if (message !== undefined) {
        order.push([
          "prefix over message",
          { platform, code: `${prefix}_x`, message: message[0] },
          value,
        ]);
      }
    }
    for (const [phrase, value] of messages.slice(0, 1)) {
      const status = firstOther(statuses, value);
      if (status !== undefined) {
        order.push([
          "message over status",
          { platform, message: phrase, httpStatus: +status[0] },
          value,
        ]);
      }
    }
    for (const [, raw, code] of order) gives(raw, code);
  });
});

describe("reset headers: when to come back", () => {
  /** The header value each format uses to say "come back in 90 s" (meta-usage: 2 minutes). */
  const valueFor = (format: string): [value: string, waitMs: number] | undefined => {
    switch (format) {
      case "seconds":
        return ["90", 90_000];
      case "epoch-seconds":
        return [String(AT_MS / 1000 + 90), 90_000];
      case "iso":
        return [new Date(AT_MS + 90_000).toISOString(), 90_000];
      case "http-date":
        return [new Date(AT_MS + 90_000).toUTCString(), 90_000];
      case "meta-usage":
        return [
          JSON.stringify({ "42": [{ type: "pages", estimated_time_to_regain_access: 2 }] }),
          120_000,
        ];
      default:
        return undefined;
    }
  };

  const rows = platformEntries.flatMap(([platform, s]) =>
    (s.resetHeaders ?? []).map(
      ([header, format, onlyWhenZero]) => [platform, header, format, onlyWhenZero] as const,
    ),
  );

  it.each(rows)("%s: %s (%s)", (platform, header, format, onlyWhenZero) => {
    const known = valueFor(format);
    expect(known, `a format the JSON names but this test does not know: ${format}`).toBeDefined();
    if (known === undefined) return;
    const [value, waitMs] = known;
    for (const name of [header, header.toUpperCase()]) {
      // A header read only once its cap is used up needs the count that says so.
      const remaining = onlyWhenZero === undefined ? {} : { [onlyWhenZero]: "0" };
      const error = classifyFailure({
        platform,
        httpStatus: 429,
        headers: { [name]: value, ...remaining },
        at: AT,
      });
      expect(error.retryAfterMs).toBe(waitMs);
      if (onlyWhenZero !== undefined) {
        const notYet = classifyFailure({
          platform,
          httpStatus: 429,
          headers: { [name]: value, [onlyWhenZero]: "12" },
          at: AT,
        });
        expect(notYet.retryAfterMs, "read although the cap has room").not.toBe(waitMs);
      }
    }
  });

  it("Retry-After, in seconds or as an HTTP date, holds for every platform and for none", () => {
    for (const platform of [...Object.keys(spec.platforms), "friendster"]) {
      for (const value of ["90", new Date(AT_MS + 90_000).toUTCString()]) {
        const error = classifyFailure({
          platform,
          httpStatus: 503,
          headers: { "Retry-After": value },
          at: AT,
        });
        expect(error.retryAfterMs, `${platform} ${value}`).toBe(90_000);
      }
    }
  });

  /** The next midnight in `zone` after `at`, found by walking minute by minute. */
  const nextMidnightIn = (zone: string, at: number): number => {
    const parts = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      hour: "2-digit",
      minute: "2-digit",
    });
    let t = Math.floor(at / 60_000) * 60_000 + 60_000;
    for (let i = 0; i < 26 * 60; i++, t += 60_000) {
      if (parts.format(t) === "00:00") return t;
    }
    throw new Error(`no midnight in ${zone} within 26 hours of ${new Date(at).toISOString()}`);
  };

  const zoned = platformEntries.filter(([, s]) => s.dailyQuotaResetZone !== undefined);

  if (zoned.length > 0)
    it.each(zoned)(
      "%s: a daily quota is waited out until midnight in its dailyQuotaResetZone",
      (platform, s) => {
        const zone = s.dailyQuotaResetZone as string;
        const quota = Object.entries(s.codes ?? {}).find(([, c]) => c === "QUOTA_EXHAUSTED");
        const status = Object.entries(s.statuses ?? {}).find(([, c]) => c === "QUOTA_EXHAUSTED");
        expect(quota ?? status, "a code or status that means QUOTA_EXHAUSTED").toBeDefined();
        for (const at of [
          "2026-04-20T14:00:00.000Z",
          "2026-03-08T09:00:00.000Z",
          "2026-03-08T11:00:00.000Z",
          "2026-11-01T08:30:00.000Z",
          "2026-11-01T09:30:00.000Z",
          "2026-12-31T23:59:59.000Z",
          "2027-01-01T07:59:30.250Z",
        ]) {
          const error = gives(
            quota === undefined
              ? { platform, httpStatus: Number(status?.[0]), at }
              : { platform, code: quota[0], at },
            "QUOTA_EXHAUSTED",
          );
          const ms = Date.parse(at);
          expect(error.retryAfterMs, at).toBe(nextMidnightIn(zone, ms) - ms);
        }
      },
    );
});

describe("httpStatuses: when the platform says nothing more precise", () => {
  const rows = Object.entries(spec.httpStatuses);

  it.each(rows)("HTTP %s of a platform postlife does not know: %s", (status, code) => {
    gives({ platform: "friendster", httpStatus: Number(status) }, code);
  });

  it.each(rows)(
    "HTTP %s of every known platform without its own sense for it: %s",
    (status, code) => {
      for (const [platform, s] of platformEntries) {
        const own = s.statuses?.[status];
        gives({ platform, httpStatus: Number(status) }, own ?? code);
      }
    },
  );
});

describe("transportErrors: the call got no HTTP answer", () => {
  const rows = Object.entries(spec.transportErrors);

  it.each(rows)(
    "%s: its code, and outcome unknown exactly when it may have been sent",
    (name, row) => {
      for (const platform of ["x", "instagram", "friendster"]) {
        const unsaid = gives({ platform, transportError: name }, row.code);
        expect(unsaid.outcomeUnknown === true).toBe(row.mayHaveBeenSent);
        const sent = gives({ platform, transportError: name, requestSent: true }, row.code);
        expect(sent.outcomeUnknown === true).toBe(row.mayHaveBeenSent);
        const unsent = gives({ platform, transportError: name, requestSent: false }, row.code);
        expect(unsent.outcomeUnknown).toBeUndefined();
      }
    },
  );

  it.each(rows)("%s is recognised whatever its case", (name, row) => {
    gives({ platform: "x", transportError: name.toLowerCase() }, row.code);
  });
});
