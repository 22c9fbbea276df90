/**
 * The status vocabulary (src/domain/status.ts) and its predicates, over every
 * status and over junk.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  type DestinationStatus,
  destinationStatuses,
  isDestinationStatus,
  isEditorial,
  isPostStatus,
  isTerminal,
  postStatuses,
} from "../src/index.js";

const junk: readonly unknown[] = [
  undefined,
  null,
  "",
  "DRAFT",
  "Published",
  " queued",
  "pending approval",
  "partially-published",
  "sent",
  "toString",
  "__proto__",
  0,
  1,
  true,
  {},
  ["draft"],
  { status: "draft" },
];

describe("isEditorial", () => {
  it("holds for draft, pending_approval and scheduled, the phase before delivery", () => {
    expect(postStatuses.filter(isEditorial)).toEqual(["draft", "pending_approval", "scheduled"]);
    expect(destinationStatuses.filter(isEditorial)).toEqual([
      "draft",
      "pending_approval",
      "scheduled",
    ]);
  });

  it("does not hold for any delivery or end status, nor for look-alikes", () => {
    for (const status of ["queued", "publishing", "retrying", "unconfirmed", "deleted", "Draft"]) {
      expect(isEditorial(status), status).toBe(false);
    }
  });
});

describe("isTerminal", () => {
  it("holds for published, partially_published, failed and cancelled, the destination statuses that take no fact", () => {
    expect(destinationStatuses.filter(isTerminal)).toEqual([
      "published",
      "partially_published",
      "failed",
      "cancelled",
    ]);
  });

  it("does not hold for a destination still waiting, in flight or unconfirmed", () => {
    for (const status of [
      "draft",
      "pending_approval",
      "scheduled",
      "queued",
      "publishing",
      "retrying",
      "unconfirmed",
    ] satisfies DestinationStatus[]) {
      expect(isTerminal(status), status).toBe(false);
    }
  });

  it("no status is both editorial and terminal", () => {
    expect(destinationStatuses.filter((s) => isEditorial(s) && isTerminal(s))).toEqual([]);
  });
});

describe("isPostStatus", () => {
  it("holds for every post status", () => {
    for (const status of postStatuses) expect(isPostStatus(status), status).toBe(true);
  });

  it("holds for the group words a destination never has, and not for the destination-only ones", () => {
    expect(isPostStatus("partially_published")).toBe(true);
    expect(isPostStatus("deleted")).toBe(true);
    expect(isPostStatus("retrying")).toBe(false);
    expect(isPostStatus("unconfirmed")).toBe(false);
  });

  it.each(junk.map((v) => [v]))("does not hold for %j", (value) => {
    expect(isPostStatus(value)).toBe(false);
  });

  test.prop([fc.anything()])("holds exactly for the listed words", (value) => {
    expect(isPostStatus(value)).toBe(
      typeof value === "string" && (postStatuses as readonly string[]).includes(value),
    );
  });
});

describe("isDestinationStatus", () => {
  it("holds for every destination status", () => {
    for (const status of destinationStatuses)
      expect(isDestinationStatus(status), status).toBe(true);
  });

  it("holds for retrying, unconfirmed and a thread's partially_published, and not for deleted", () => {
    expect(isDestinationStatus("retrying")).toBe(true);
    expect(isDestinationStatus("unconfirmed")).toBe(true);
    expect(isDestinationStatus("partially_published")).toBe(true);
    expect(isDestinationStatus("deleted")).toBe(false);
  });

  it.each(junk.map((v) => [v]))("does not hold for %j", (value) => {
    expect(isDestinationStatus(value)).toBe(false);
  });

  test.prop([fc.anything()])("holds exactly for the listed words", (value) => {
    expect(isDestinationStatus(value)).toBe(
      typeof value === "string" && (destinationStatuses as readonly string[]).includes(value),
    );
  });
});

describe("the vocabularies", () => {
  it("a post shows every destination status that is not a per-attempt detail, plus deleted", () => {
    const destinationOnly = destinationStatuses.filter((s) => !isPostStatus(s));
    const postOnly = postStatuses.filter((s) => !isDestinationStatus(s));
    expect(destinationOnly).toEqual(["processing_media", "retrying", "unconfirmed"]);
    expect(postOnly).toEqual(["deleted"]);
  });

  it("lists each status once", () => {
    expect(new Set(postStatuses).size).toBe(postStatuses.length);
    expect(new Set(destinationStatuses).size).toBe(destinationStatuses.length);
  });
});
