/**
 * aggregateStatus is held to spec/aggregation.json, and its rules are proven
 * as properties over any list of destination statuses.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  aggregateStatus,
  type DestinationStatus,
  destinationStatuses,
  postStatuses,
} from "../src/index.js";
import spec from "./aggregation.json";

const statusesArb = fc.array(fc.constantFrom(...destinationStatuses), { maxLength: 8 });
const done = ["published", "failed", "cancelled"] as const;
const underWay = ["queued", "publishing", "retrying", "unconfirmed"] as const;

describe("spec/aggregation.json", () => {
  it.each(spec.examples.map((e) => [e.statuses.join(" + ") || "(none)", e] as const))(
    "%s gives the listed status",
    (_, example) => {
      expect(aggregateStatus(example.statuses as DestinationStatus[])).toBe(example.status);
    },
  );

  it("names only real statuses", () => {
    for (const example of spec.examples) {
      expect(postStatuses).toContain(example.status);
      for (const s of example.statuses) expect(destinationStatuses).toContain(s);
    }
  });
});

describe("aggregateStatus", () => {
  test.prop([statusesArb, fc.nat()])("is order-independent", (statuses, seed) => {
    const shuffled = [...statuses].sort(
      (a, b) => ((a.charCodeAt(0) * (seed + 1)) % 7) - ((b.charCodeAt(0) * (seed + 1)) % 7),
    );
    expect(aggregateStatus(shuffled)).toBe(aggregateStatus(statuses));
    expect(aggregateStatus([...statuses].reverse())).toBe(aggregateStatus(statuses));
  });

  test.prop([statusesArb])("is total: any list gives a post status, never deleted", (statuses) => {
    const status = aggregateStatus(statuses);
    expect(postStatuses).toContain(status);
    expect(status).not.toBe("deleted");
  });

  test.prop([statusesArb])("takes any iterable, not only arrays", (statuses) => {
    expect(aggregateStatus(new Set(statuses))).toBe(aggregateStatus([...new Set(statuses)]));
  });

  test.prop([fc.array(fc.constantFrom(...done), { minLength: 1, maxLength: 6 })])(
    "when every destination is done: published, cancelled, partially_published or failed, by the rule",
    (statuses) => {
      const has = (s: string) => statuses.includes(s as never);
      const expected = statuses.every((s) => s === "published")
        ? "published"
        : statuses.every((s) => s === "cancelled")
          ? "cancelled"
          : has("published")
            ? "partially_published"
            : "failed";
      expect(aggregateStatus(statuses)).toBe(expected);
    },
  );

  test.prop([
    fc.array(fc.constantFrom(...done), { maxLength: 4 }),
    fc.array(fc.constantFrom(...underWay), { minLength: 1, maxLength: 4 }),
  ])(
    "while anything is under way: queued until something started, else publishing",
    (finished, open) => {
      const statuses = [...finished, ...open];
      const nothingStarted = statuses.every((s) => s === "queued" || s === "cancelled");
      expect(aggregateStatus(statuses)).toBe(nothingStarted ? "queued" : "publishing");
    },
  );

  test.prop([
    fc.constantFrom("draft", "pending_approval", "scheduled" as const),
    fc.integer({ min: 1, max: 5 }),
  ])("all in one editorial status gives that status", (status, n) => {
    expect(aggregateStatus(Array(n).fill(status))).toBe(status);
  });
});
