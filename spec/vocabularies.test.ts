/**
 * normalizeStatus is held to spec/vocabularies.json, read as plain JSON:
 * every word of every vendor means what the table says, whatever its case
 * and spacing; every canonical status a vendor has a word for is reachable
 * through its words; postlife's own words are understood everywhere; and
 * anything else is kept as unknown, never thrown.
 */
import { existsSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  destinationStatuses,
  isDestinationStatus,
  isPostStatus,
  normalizeStatus,
  postStatuses,
  vendors,
} from "../src/index.js";
import spec from "./vocabularies.json";

type Words = Readonly<Record<string, string>>;
interface VendorSpec {
  readonly name: string;
  readonly sources: readonly string[];
  readonly post: Words;
  readonly destination: Words;
  readonly unmapped?: Words;
}
const table = spec.vendors as unknown as Readonly<Record<string, VendorSpec>>;
const entries = Object.entries(table);
const levels = ["post", "destination"] as const;

const rows = entries.flatMap(([vendor, v]) =>
  levels.flatMap((level) =>
    Object.entries(v[level]).map(([word, status]) => [vendor, level, word, status] as const),
  ),
);

describe("spec/vocabularies.json", () => {
  it("names every vendor the code knows, generic first, each with its sources", () => {
    expect(Object.keys(table)).toEqual([...vendors]);
    expect(vendors[0]).toBe("generic");
    for (const [vendor, v] of entries) expect(v.sources.length, vendor).toBeGreaterThan(0);
  });

  it("cites its sources as public URLs or paths in this repository, never a local folder", () => {
    const root = new URL("..", import.meta.url);
    for (const [vendor, v] of entries) {
      for (const source of v.sources) {
        // A source is its address, then what it is, in words.
        const [where = ""] = source.split(" ");
        const url = /^https?:\/\/[^/\s]+\//.test(where);
        const inRepository = /^[\w-]+(\/[\w.-]+)+$/.test(where) && existsSync(new URL(where, root));
        expect(url || inRepository, `${vendor}: ${source}`).toBe(true);
      }
    }
  });

  it("maps only to canonical statuses of the right level", () => {
    for (const [vendor, level, word, status] of rows) {
      const valid = level === "post" ? isPostStatus(status) : isDestinationStatus(status);
      expect(valid, `${vendor} ${level} "${word}" → ${status}`).toBe(true);
    }
  });

  it("covers the seeds' and the ten peers' vocabularies", () => {
    expect(Object.keys(table)).toEqual(
      expect.arrayContaining([
        "postato",
        "postpost",
        "posteverywhere-results",
        "wahdx",
        "zernio",
        "posteverywhere",
        "ayrshare",
        "bundle-social",
        "upload-post",
        "post-for-me",
        "outstand",
        "hootsuite",
        "mixpost",
        "postiz",
      ]),
    );
  });

  it.each(rows)("%s, %s level: %j means %s", (vendor, level, word, status) => {
    expect(normalizeStatus(word, { vendor, level })).toEqual({ ok: true, status });
  });

  it.each(entries)(
    "%s: every canonical status it has a word for is reachable through its words",
    (vendor, v) => {
      for (const level of levels) {
        const reached = new Set(
          Object.keys(v[level]).map((word) => {
            const n = normalizeStatus(word, { vendor, level });
            return n.ok ? n.status : undefined;
          }),
        );
        expect([...reached].sort()).toEqual([...new Set(Object.values(v[level]))].sort());
      }
    },
  );

  it("every canonical status is reachable from at least one word of the generic table", () => {
    for (const status of destinationStatuses) {
      expect(Object.values(table.generic?.destination ?? {}), status).toContain(status);
    }
    for (const status of postStatuses) {
      expect(Object.values(table.generic?.post ?? {}), status).toContain(status);
    }
  });

  it.each(entries.filter(([, v]) => v.unmapped !== undefined))(
    "%s: a word it lists as unmapped stays unknown, with the reason kept in the table",
    (vendor, v) => {
      for (const [word, why] of Object.entries(v.unmapped ?? {})) {
        expect(why.length).toBeGreaterThan(0);
        const n = normalizeStatus(word, { vendor });
        if (!n.ok) expect(n.unknown).toBe(word);
      }
    },
  );
});

describe("normalizeStatus", () => {
  const wordArb = fc.constantFrom(...rows);
  const respell = (word: string, style: number): string =>
    [
      word.toUpperCase(),
      word.toLowerCase(),
      ` ${word} `,
      word.replace(/[ _-]/g, " "),
      word.replace(/[ _-]/g, "-"),
      word.replace(/[ _]/g, "__"),
    ][style % 6] as string;

  test.prop([wordArb, fc.nat()])(
    "forgives case, surrounding spaces, and spaces, hyphens or underscores between words",
    ([vendor, level, word, status], style) => {
      expect(normalizeStatus(respell(word, style), { vendor, level })).toEqual({
        ok: true,
        status,
      });
    },
  );

  test.prop([fc.constantFrom(...vendors), fc.constantFrom(...destinationStatuses)])(
    "understands postlife's own destination words for every vendor",
    (vendor, status) => {
      const n = normalizeStatus(status, { vendor, level: "destination" });
      // A vendor may use a canonical word in its own sense; otherwise it is the word itself.
      const own = table[vendor]?.destination[status];
      expect(n).toEqual({ ok: true, status: own ?? status });
    },
  );

  test.prop([fc.anything(), fc.anything()])(
    "never throws, whatever it is given",
    (word, options) => {
      const n = normalizeStatus(word as string, options as never);
      expect(typeof n.ok).toBe("boolean");
    },
  );

  it("reads options it cannot read as none, and a word that is not text as unknown, by its kind", () => {
    expect(normalizeStatus("", null as never)).toEqual({ ok: false, unknown: "" });
    expect(normalizeStatus("pending", null as never)).toEqual({ ok: true, status: "queued" });
    expect(normalizeStatus("pending", 42 as never)).toEqual({ ok: true, status: "queued" });
    // A level other than post or destination is absent: the vendor's own words, then both levels.
    expect(normalizeStatus("pending", { vendor: "ayrshare", level: "group" as never })).toEqual({
      ok: true,
      status: "scheduled",
    });
    expect(normalizeStatus("pending", { vendor: 7 as never })).toEqual({
      ok: true,
      status: "queued",
    });
    expect(normalizeStatus(42 as never)).toEqual({ ok: false, unknown: "42" });
    expect(normalizeStatus({ toString: 1 } as never)).toEqual({
      ok: false,
      unknown: "[object Object]",
    });
    expect(normalizeStatus("\ud800")).toEqual({ ok: false, unknown: "\ud800" });
  });

  test.prop([fc.string()])("keeps a word it does not know exactly as it came", (word) => {
    const n = normalizeStatus(word);
    if (!n.ok) expect(n.unknown).toBe(word);
  });

  test.prop([fc.stringMatching(/^[a-z]{3,12}$/), fc.constantFrom(...vendors)])(
    "a made-up word is unknown for every vendor",
    (stem, vendor) => {
      expect(normalizeStatus(`zz${stem}`, { vendor })).toEqual({ ok: false, unknown: `zz${stem}` });
    },
  );

  it("reads a word in the vendor's sense, and falls back to the generic table for others", () => {
    expect(normalizeStatus("pending", { vendor: "ayrshare", level: "post" })).toEqual({
      ok: true,
      status: "scheduled",
    });
    expect(normalizeStatus("pending", { vendor: "postpost", level: "destination" })).toEqual({
      ok: true,
      status: "queued",
    });
    expect(normalizeStatus("REVIEW", { vendor: "bundle-social", level: "post" })).toEqual({
      ok: true,
      status: "publishing",
    });
    expect(normalizeStatus("REVIEW", { level: "post" })).toEqual({
      ok: true,
      status: "pending_approval",
    });
    expect(normalizeStatus("completed", { vendor: "hootsuite" })).toEqual({
      ok: true,
      status: "published",
    });
    expect(normalizeStatus("archived", { vendor: "hootsuite" })).toEqual({
      ok: false,
      unknown: "archived",
    });
  });

  it("a vendor named without a level: its own words (post, then destination) win over the generic table", () => {
    // Ayrshare's Post Statuses table: "pending: The post has not yet been processed. Typically a
    // scheduled post." The generic table reads pending as queued.
    expect(normalizeStatus("pending", { vendor: "ayrshare" })).toEqual({
      ok: true,
      status: "scheduled",
    });
    expect(normalizeStatus("deleted", { vendor: "ayrshare" })).toEqual({
      ok: true,
      status: "deleted",
    });
    expect(normalizeStatus("RETRYING", { vendor: "bundle-social" })).toEqual({
      ok: true,
      status: "publishing",
    });
    // Words the vendor does not have keep the destination-then-post order.
    expect(normalizeStatus("pending")).toEqual({ ok: true, status: "queued" });
    expect(normalizeStatus("retrying", { vendor: "ayrshare" })).toEqual({
      ok: true,
      status: "retrying",
    });
  });

  test.prop([fc.constantFrom(...rows)])(
    "a vendor's own word means what its table says, with or without a level",
    ([vendor, level, word, status]) => {
      const other = level === "post" ? table[vendor]?.destination : table[vendor]?.post;
      // No vendor gives one word two meanings; if one ever did, the level would be needed.
      if (other?.[word] === undefined || other[word] === status) {
        expect(normalizeStatus(word, { vendor })).toEqual({ ok: true, status });
      }
    },
  );

  it("a post-only word is found when no level is named; deleted is a post's own status", () => {
    expect(normalizeStatus("partially_failed")).toEqual({
      ok: true,
      status: "partially_published",
    });
    expect(normalizeStatus("deleted", { level: "post" })).toEqual({ ok: true, status: "deleted" });
    expect(normalizeStatus("deleted", { level: "destination" })).toEqual({
      ok: true,
      status: "cancelled",
    });
  });
});
