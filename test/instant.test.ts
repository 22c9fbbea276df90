/**
 * Instants on the wire (src/domain/instant.ts): ISO 8601 date-times that name
 * their zone, read strictly (no zone guessed, no day rolled over), and stored
 * in one canonical UTC form.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  canonicalInstant,
  formatInstant,
  instantMs,
  isInstant,
  parseInstant,
} from "../src/domain/instant.js";
import { apply } from "../src/index.js";
import { draftOf } from "./support/draft.js";

const utc = (iso: string): number => new Date(iso).getTime();

/** `parseInstant`'s answer when it is a problem; fails the test when it is a time. */
const problemOf = (value: unknown): string => {
  const parsed = parseInstant(value);
  if (typeof parsed === "number") throw new Error(`expected a problem, got ${parsed}`);
  return parsed;
};

describe("parseInstant: zones", () => {
  it("reads Z as UTC", () => {
    expect(parseInstant("2026-04-20T14:00:00Z")).toBe(utc("2026-04-20T14:00:00.000Z"));
  });

  it("reads a +HH:MM offset as that far ahead of UTC", () => {
    expect(parseInstant("2026-04-20T16:00:00+02:00")).toBe(utc("2026-04-20T14:00:00.000Z"));
  });

  it("reads a -HH:MM offset, minutes included, as that far behind UTC", () => {
    expect(parseInstant("2026-04-20T08:30:00-05:30")).toBe(utc("2026-04-20T14:00:00.000Z"));
  });

  it("reads the basic ±HHMM offset the same as ±HH:MM", () => {
    expect(parseInstant("2026-04-20T16:00:00+0200")).toBe(
      parseInstant("2026-04-20T16:00:00+02:00"),
    );
    expect(parseInstant("2026-04-20T09:15:00-0445")).toBe(utc("2026-04-20T14:00:00.000Z"));
  });

  it("reads +00:00 and -00:00 as Z", () => {
    expect(parseInstant("2026-04-20T14:00:00+00:00")).toBe(parseInstant("2026-04-20T14:00:00Z"));
    expect(parseInstant("2026-04-20T14:00:00-00:00")).toBe(parseInstant("2026-04-20T14:00:00Z"));
  });

  it("takes a time without seconds", () => {
    expect(parseInstant("2026-04-20T14:00Z")).toBe(utc("2026-04-20T14:00:00.000Z"));
  });

  it("rejects a zone-less time with a message that says to add a zone, never guessing one", () => {
    for (const value of ["2026-03-29T09:00:00", "2026-03-29T09:00", "2026-03-29T09:00:00.250"]) {
      const problem = problemOf(value);
      expect(problem).toContain("has no time zone");
      expect(problem).toContain("add Z or an offset");
    }
  });

  it("rejects an offset no zone can have (hours above 23, minutes above 59)", () => {
    expect(problemOf("2026-04-20T14:00:00+24:00")).toContain("impossible offset");
    expect(problemOf("2026-04-20T14:00:00-05:60")).toContain("impossible offset");
  });
});

describe("parseInstant: fractions of a second", () => {
  it("takes 1 to 9 fractional digits, keeping milliseconds", () => {
    expect(parseInstant("2026-04-20T14:00:00.5Z")).toBe(utc("2026-04-20T14:00:00.500Z"));
    expect(parseInstant("2026-04-20T14:00:00.25Z")).toBe(utc("2026-04-20T14:00:00.250Z"));
    expect(parseInstant("2026-04-20T14:00:00.123Z")).toBe(utc("2026-04-20T14:00:00.123Z"));
    expect(parseInstant("2026-04-20T14:00:00.123456Z")).toBe(utc("2026-04-20T14:00:00.123Z"));
    expect(parseInstant("2026-04-20T14:00:00.987654321Z")).toBe(utc("2026-04-20T14:00:00.987Z"));
  });

  it("drops digits below the millisecond instead of rounding into the next one", () => {
    expect(parseInstant("2026-04-20T14:00:00.9999Z")).toBe(utc("2026-04-20T14:00:00.999Z"));
  });

  it("refuses ten fractional digits or a dot with none", () => {
    expect(problemOf("2026-04-20T14:00:00.1234567890Z")).toContain("is not an ISO 8601 date-time");
    expect(problemOf("2026-04-20T14:00:00.Z")).toContain("is not an ISO 8601 date-time");
  });
});

describe("parseInstant: impossible dates and times", () => {
  it.each([
    ["February 30th", "2026-02-30T12:00:00Z"],
    ["February 29th of 2025 (not a leap year)", "2025-02-29T12:00:00Z"],
    ["February 29th of 2100 (a century, not a leap year)", "2100-02-29T12:00:00Z"],
    ["April 31st", "2026-04-31T12:00:00Z"],
    ["month 13", "2026-13-01T12:00:00Z"],
    ["month 0", "2026-00-10T12:00:00Z"],
    ["day 0", "2026-04-00T12:00:00Z"],
    ["December 32nd", "2026-12-32T12:00:00Z"],
  ])("rejects %s as a day that does not exist, instead of rolling over", (_, value) => {
    expect(problemOf(value)).toBe(`"${value}" names a day that does not exist`);
  });

  it.each([
    ["February 29th of 2024 (a leap year)", "2024-02-29T12:00:00Z"],
    ["February 29th of 2000 (divisible by 400, a leap year)", "2000-02-29T12:00:00Z"],
    ["February 28th of 2025", "2025-02-28T12:00:00Z"],
    ["April 30th", "2026-04-30T12:00:00Z"],
    ["December 31st", "2026-12-31T23:59:59.999Z"],
  ])("takes %s", (_, value) => {
    expect(parseInstant(value)).toBe(utc(value));
  });

  it.each([
    ["hour 24", "2026-04-20T24:00:00Z"],
    ["minute 60", "2026-04-20T14:60:00Z"],
    ["second 60 (no leap seconds)", "2026-04-20T14:00:60Z"],
  ])("rejects %s as a time that does not exist", (_, value) => {
    expect(problemOf(value)).toBe(`"${value}" names a time that does not exist`);
  });

  it("reads years below 100 as themselves, not as 19xx", () => {
    const ms = parseInstant("0099-06-15T00:00:00Z");
    expect(typeof ms).toBe("number");
    expect(new Date(ms as number).getUTCFullYear()).toBe(99);
    expect(canonicalInstant("0042-01-01T00:00:00Z")).toBe("0042-01-01T00:00:00.000Z");
  });
});

describe("parseInstant: what is not an instant", () => {
  it.each([
    ["a number", 1_776_693_600_000],
    ["null", null],
    ["undefined", undefined],
    ["a Date", new Date("2026-04-20T14:00:00Z")],
    ["an object", { iso: "2026-04-20T14:00:00Z" }],
  ])("refuses %s: only strings are instants", (_, value) => {
    expect(problemOf(value)).toBe("must be an ISO 8601 date-time string");
    expect(isInstant(value)).toBe(false);
  });

  it.each([
    "",
    "tomorrow",
    "2026-04-20",
    "2026-04-20 14:00:00Z",
    "20260420T140000Z",
    "2026-4-20T14:00:00Z",
    "2026-04-20T14:00:00 UTC",
  ])("refuses %j with an example of the expected form", (value) => {
    expect(problemOf(value)).toBe(
      `"${value}" is not an ISO 8601 date-time (expected e.g. 2026-04-20T14:00:00Z)`,
    );
  });

  it("isInstant holds exactly for what parseInstant reads", () => {
    expect(isInstant("2026-04-20T14:00:00+02:00")).toBe(true);
    expect(isInstant("2026-04-20T14:00:00")).toBe(false);
  });

  it("instantMs of a non-instant is NaN, which every comparison treats as not yet", () => {
    const ms = instantMs("soon");
    expect(ms).toBeNaN();
    expect(ms < Date.now()).toBe(false);
    expect(ms >= Date.now()).toBe(false);
    expect(instantMs("2026-04-20T14:00:00Z")).toBe(utc("2026-04-20T14:00:00Z"));
  });

  it("apply refuses a zone-less now as malformed, naming the field and asking for a zone", () => {
    const post = draftOf({
      id: "p",
      content: "hi",
      destinations: [{ id: "d", platform: "x", accountId: "a" }],
    });
    const decision = apply(post, { type: "PUBLISH", now: "2026-04-20T14:00:00" });
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.rejection).toMatchObject({ reason: "malformed_event", path: "now" });
    expect(decision.rejection.message).toContain("add Z or an offset");
  });
});

describe("canonicalInstant", () => {
  it("normalizes any offset to the UTC …Z form with milliseconds", () => {
    expect(canonicalInstant("2026-04-20T16:00:00+02:00")).toBe("2026-04-20T14:00:00.000Z");
    expect(canonicalInstant("2026-04-20T09:00-0500")).toBe("2026-04-20T14:00:00.000Z");
    expect(canonicalInstant("2026-04-20T14:00:00.5Z")).toBe("2026-04-20T14:00:00.500Z");
  });

  it("crosses the date line when the offset says so", () => {
    expect(canonicalInstant("2026-04-21T01:00:00+11:00")).toBe("2026-04-20T14:00:00.000Z");
    expect(canonicalInstant("2026-12-31T23:30:00-01:00")).toBe("2027-01-01T00:30:00.000Z");
  });

  it("leaves a string that is not an instant unchanged, for the checks to name", () => {
    for (const garbage of ["next tuesday", "2026-02-30T12:00:00Z", "2026-04-20T14:00:00", ""]) {
      expect(canonicalInstant(garbage)).toBe(garbage);
    }
  });
});

/** Any millisecond from year 0 to year 9999: the range ISO 8601's four-digit years cover. */
const msArb = fc.integer({
  min: utc("0000-01-01T00:00:00.000Z"),
  max: utc("9999-12-31T23:59:59.999Z"),
});

/** An offset a zone can have: up to 23:59 either way. */
const offsetArb = fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 });

const pad = (n: number): string => String(n).padStart(2, "0");

/** An offset as ISO 8601 writes it: `+05:30`, or `+0530` without the colon. */
const offsetText = (offsetMinutes: number, colon = true): string => {
  const abs = Math.abs(offsetMinutes);
  const sign = offsetMinutes < 0 ? "-" : "+";
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ":" : ""}${pad(abs % 60)}`;
};

/** The wall-clock time `offsetMinutes` from UTC, written with that offset. */
const withOffset = (ms: number, offsetMinutes: number, colon: boolean): string =>
  formatInstant(ms + offsetMinutes * 60_000).slice(0, -1) + offsetText(offsetMinutes, colon);

describe("instant properties", () => {
  test.prop([msArb])("formatting then parsing gives back the same millisecond", (ms) => {
    expect(parseInstant(formatInstant(ms))).toBe(ms);
  });

  test.prop([msArb])("the canonical form is a fixed point of canonicalInstant", (ms) => {
    const canonical = formatInstant(ms);
    expect(canonicalInstant(canonical)).toBe(canonical);
  });

  test.prop([
    fc.integer({ min: utc("1900-01-02T00:00:00Z"), max: utc("2200-12-30T00:00:00Z") }),
    offsetArb,
    fc.boolean(),
  ])(
    "an offset shifts the instant by exactly its minutes (wall time minus offset is UTC)",
    (ms, offsetMinutes, colon) => {
      const written = withOffset(ms, offsetMinutes, colon);
      expect(parseInstant(written)).toBe(ms);
      expect(canonicalInstant(written)).toBe(formatInstant(ms));
    },
  );

  test.prop([fc.integer({ min: 0, max: utc("2200-01-01T00:00:00Z") }), offsetArb])(
    "the same wall time read under an offset of +m minutes is m minutes earlier than under Z",
    (ms, offsetMinutes) => {
      const wall = formatInstant(ms).slice(0, -1);
      expect(parseInstant(`${wall}${offsetText(offsetMinutes)}`)).toBe(ms - offsetMinutes * 60_000);
    },
  );
});
