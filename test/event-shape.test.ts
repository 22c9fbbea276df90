/**
 * The shape of events (src/rules/event-shape.ts): a known type and every
 * field of the right kind, or a `malformed_event` rejection whose path names
 * the first field that is wrong. `apply` checks the shape before anything
 * else, so a malformed event never reaches a rule.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  apply,
  eventShapes,
  type PostEvent,
  postEventTypes,
  type Rejection,
} from "../src/index.js";
import { checkEvent, isWellFormed } from "../src/rules/event-shape.js";
import { eventsFor, failure, NOW } from "./support/alphabet.js";
import { draftOf } from "./support/draft.js";
import { explore } from "./support/explore.js";

const post = draftOf({
  id: "post-1",
  content: "Launch day",
  destinations: [{ id: "d-x", platform: "x", accountId: "acct-1" }],
});

/** The rejection `apply` gives for `event`; fails the test if it was accepted. */
const refusal = (event: unknown): Rejection => {
  const decision = apply(post, event as PostEvent);
  if (decision.ok) throw new Error(`expected a rejection, got ${decision.post.status}`);
  return decision.rejection;
};

/** One well-formed event of every type, every optional field filled. */
const complete: { readonly [T in PostEvent["type"]]: Extract<PostEvent, { type: T }> } = {
  EDIT: { type: "EDIT", changes: { content: "new" }, now: NOW },
  SCHEDULE: { type: "SCHEDULE", at: "2026-04-21T12:00:00Z", now: NOW },
  UNSCHEDULE: { type: "UNSCHEDULE" },
  PUBLISH: { type: "PUBLISH", now: NOW },
  SUBMIT_FOR_APPROVAL: { type: "SUBMIT_FOR_APPROVAL", now: NOW },
  APPROVE: { type: "APPROVE", now: NOW },
  REJECT: { type: "REJECT", reason: "tone" },
  DUE: { type: "DUE", now: NOW, revision: 0 },
  CANCEL: { type: "CANCEL" },
  DELETE: { type: "DELETE" },
  RETRY_FAILED: { type: "RETRY_FAILED", now: NOW },
  MEDIA_STATUS: {
    type: "MEDIA_STATUS",
    destinationId: "d-x",
    containerId: "17889455560051444",
    status: "IN_PROGRESS",
    retryAfterMs: 5000,
    now: NOW,
    attempt: 1,
    idempotencyKey: "k",
    item: 0,
  },
  DELIVERY_STARTED: {
    type: "DELIVERY_STARTED",
    destinationId: "d-x",
    now: NOW,
    attempt: 1,
    idempotencyKey: "k",
  },
  DELIVERY_SUCCEEDED: {
    type: "DELIVERY_SUCCEEDED",
    destinationId: "d-x",
    platformPostId: "1780",
    platformUrl: "https://x.com/i/1780",
    now: NOW,
    attempt: 1,
    idempotencyKey: "k",
  },
  DELIVERY_FAILED: {
    type: "DELIVERY_FAILED",
    destinationId: "d-x",
    error: {
      code: "RATE_LIMITED",
      message: "slow down",
      retryable: true,
      platformStatusCode: 429,
      platformError: "Too Many Requests",
      failedAt: NOW,
      retryAfterMs: 60_000,
      outcomeUnknown: false,
    },
    now: NOW,
    attempt: 1,
    idempotencyKey: "k",
  },
  RETRY_DUE: { type: "RETRY_DUE", destinationId: "d-x", now: NOW, attempt: 2, idempotencyKey: "k" },
  RECONCILED: {
    type: "RECONCILED",
    destinationId: "d-x",
    found: { platformPostId: "1780", platformUrl: "https://x.com/i/1780" },
    now: NOW,
    attempt: 1,
    idempotencyKey: "k",
  },
  DEADLINE_PASSED: {
    type: "DEADLINE_PASSED",
    destinationId: "d-x",
    jobKey: "post-1:d-x:0:0:report:1:1",
    now: NOW,
  },
};

const required = (type: PostEvent["type"]): string[] =>
  Object.entries(eventShapes[type])
    .filter(([, kind]) => !kind.endsWith("?"))
    .map(([key]) => key);

const without = (event: object, key: string): Record<string, unknown> => {
  const copy: Record<string, unknown> = { ...event };
  delete copy[key];
  return copy;
};

describe("event shapes: the whole event", () => {
  it("every event type has a shape, and an event with every field filled passes it", () => {
    expect(Object.keys(eventShapes).sort()).toEqual([...postEventTypes].sort());
    for (const type of postEventTypes) {
      expect(checkEvent(complete[type]), type).toBeUndefined();
      expect(isWellFormed(complete[type])).toBe(true);
    }
  });

  it.each([
    ["null", null],
    ["a string", "PUBLISH"],
    ["a number", 42],
    ["an array", [{ type: "PUBLISH", now: NOW }]],
  ])("refuses %s as an event, at the root path", (_, event) => {
    expect(checkEvent(event)).toEqual({
      path: "",
      message: "an event must be an object with a type",
    });
    expect(isWellFormed(event)).toBe(false);
    expect(refusal(event)).toMatchObject({
      reason: "malformed_event",
      path: "",
      eventType: "unknown",
      status: "draft",
    });
  });

  it("refuses an event without a type, or with a type that is not a string", () => {
    for (const event of [{ now: NOW }, { type: 7, now: NOW }]) {
      expect(refusal(event)).toMatchObject({
        reason: "malformed_event",
        path: "type",
        message: "type is required and must be a string",
        eventType: "unknown",
      });
    }
  });

  it("refuses an unknown type, naming it and the types there are", () => {
    const rejection = refusal({ type: "ARCHIVE", now: NOW });
    expect(rejection).toMatchObject({
      reason: "malformed_event",
      path: "type",
      eventType: "ARCHIVE",
    });
    expect(rejection.message).toContain('"ARCHIVE" is not an event type');
    for (const type of postEventTypes) expect(rejection.message).toContain(type);
  });

  it("refuses an inherited name such as toString as a type", () => {
    expect(checkEvent({ type: "toString" })?.path).toBe("type");
  });
});

describe("event shapes: required fields", () => {
  for (const type of postEventTypes) {
    for (const key of required(type)) {
      it(`${type} without ${key} is refused at path "${key}"`, () => {
        expect(refusal(without(complete[type], key))).toMatchObject({
          reason: "malformed_event",
          path: key,
          message: `${key} is required`,
          eventType: type,
        });
      });
    }
  }

  it("an optional field may be left out", () => {
    expect(checkEvent({ type: "REJECT" })).toBeUndefined();
    expect(checkEvent({ type: "EDIT", changes: { content: "x" } })).toBeUndefined();
    expect(checkEvent({ type: "DUE", now: NOW })).toBeUndefined();
    expect(checkEvent({ type: "DELIVERY_STARTED", destinationId: "d", now: NOW })).toBeUndefined();
  });
});

/** `complete[type]` with some fields replaced. */
const variant = <T extends PostEvent["type"]>(
  type: T,
  fields: Record<string, unknown>,
): unknown => ({
  ...complete[type],
  ...fields,
});

describe("event shapes: fields of the wrong kind", () => {
  it.each([
    [
      "a numeric destinationId",
      variant("DELIVERY_STARTED", { destinationId: 42 }),
      "destinationId",
      "destinationId must be a non-empty string",
    ],
    [
      "an empty destinationId",
      variant("DELIVERY_STARTED", { destinationId: "" }),
      "destinationId",
      "destinationId must be a non-empty string",
    ],
    [
      "an empty idempotencyKey",
      variant("RETRY_DUE", { idempotencyKey: "" }),
      "idempotencyKey",
      "idempotencyKey must be a non-empty string",
    ],
    [
      "an empty platformPostId",
      variant("DELIVERY_SUCCEEDED", { platformPostId: "" }),
      "platformPostId",
      "platformPostId must be a non-empty string",
    ],
    [
      "a numeric platformUrl",
      variant("DELIVERY_SUCCEEDED", { platformUrl: 1 }),
      "platformUrl",
      "platformUrl must be an absolute http or https URL",
    ],
    [
      "a javascript: platformUrl",
      variant("DELIVERY_SUCCEEDED", { platformUrl: "javascript:alert(document.cookie)" }),
      "platformUrl",
      "platformUrl must be an absolute http or https URL",
    ],
    [
      "a data: platformUrl",
      variant("DELIVERY_SUCCEEDED", { platformUrl: "data:text/html,<script>alert(1)</script>" }),
      "platformUrl",
      "platformUrl must be an absolute http or https URL",
    ],
    [
      "a relative platformUrl",
      variant("DELIVERY_SUCCEEDED", { platformUrl: "/posts/1" }),
      "platformUrl",
      "platformUrl must be an absolute http or https URL",
    ],
    [
      "attempt 0 (attempts count from 1)",
      variant("DELIVERY_STARTED", { attempt: 0 }),
      "attempt",
      "attempt must be a whole number of at least 1",
    ],
    [
      "a fractional attempt",
      variant("DELIVERY_FAILED", { attempt: 1.5 }),
      "attempt",
      "attempt must be a whole number of at least 1",
    ],
    [
      "a string attempt",
      variant("RECONCILED", { attempt: "1" }),
      "attempt",
      "attempt must be a whole number of at least 1",
    ],
    [
      "a negative DUE revision",
      variant("DUE", { revision: -1 }),
      "revision",
      "revision must be a whole number of at least 0",
    ],
    [
      "a numeric REJECT reason",
      variant("REJECT", { reason: 5 }),
      "reason",
      "reason must be a string",
    ],
    [
      "a numeric now",
      variant("PUBLISH", { now: Date.parse(NOW) }),
      "now",
      "now must be an ISO 8601 date-time string",
    ],
  ])("refuses %s, naming the field", (_, event, path, message) => {
    expect(refusal(event)).toMatchObject({ reason: "malformed_event", path, message });
  });

  it("refuses a SCHEDULE time without a zone, at path at", () => {
    const rejection = refusal(variant("SCHEDULE", { at: "2026-04-21T12:00:00" }));
    expect(rejection).toMatchObject({ reason: "malformed_event", path: "at" });
    expect(rejection.message).toContain("has no time zone");
  });
});

describe("event shapes: the error of DELIVERY_FAILED", () => {
  const failedWith = (error: unknown) => ({ ...complete.DELIVERY_FAILED, error });
  const base = complete.DELIVERY_FAILED.error;

  it("accepts platformError null (seed 001 sends it), and the bare seed error object", () => {
    expect(checkEvent(failedWith({ ...base, platformError: null }))).toBeUndefined();
    expect(checkEvent(failedWith(failure("TIMEOUT_ERROR")))).toBeUndefined();
  });

  it.each([
    ["not an object", "timeout", "error", "error must be an object"],
    ["an array", [base], "error", "error must be an object"],
    ["without a code", { message: "m", retryable: true }, "error.code", "error.code is required"],
    [
      "with an empty code",
      { ...base, code: "" },
      "error.code",
      "error.code must be a non-empty string",
    ],
    [
      "with a numeric message",
      { ...base, message: 5 },
      "error.message",
      "error.message must be a string",
    ],
    [
      "without retryable",
      { code: "X", message: "m" },
      "error.retryable",
      "error.retryable is required",
    ],
    [
      'with retryable "yes"',
      { ...base, retryable: "yes" },
      "error.retryable",
      "error.retryable must be true or false",
    ],
    [
      "with a fractional platformStatusCode",
      { ...base, platformStatusCode: 429.5 },
      "error.platformStatusCode",
      "error.platformStatusCode must be a whole number of at least 0",
    ],
    [
      "with a numeric platformError",
      { ...base, platformError: 190 },
      "error.platformError",
      "error.platformError must be a string",
    ],
    [
      "with a negative retryAfterMs",
      { ...base, retryAfterMs: -1 },
      "error.retryAfterMs",
      "error.retryAfterMs must be a number of at least 0",
    ],
    [
      "with an infinite retryAfterMs",
      { ...base, retryAfterMs: Number.POSITIVE_INFINITY },
      "error.retryAfterMs",
      "error.retryAfterMs must be a number of at least 0",
    ],
    [
      'with outcomeUnknown "true"',
      { ...base, outcomeUnknown: "true" },
      "error.outcomeUnknown",
      "error.outcomeUnknown must be true or false",
    ],
  ])("refuses an error %s", (_, error, path, message) => {
    expect(refusal(failedWith(error))).toMatchObject({ reason: "malformed_event", path, message });
  });

  it("refuses a failedAt that is not an instant, at error.failedAt", () => {
    const rejection = refusal(failedWith({ ...base, failedAt: "yesterday" }));
    expect(rejection).toMatchObject({ reason: "malformed_event", path: "error.failedAt" });
  });
});

describe("event shapes: what RECONCILED found", () => {
  const reconciled = (found: unknown) => ({ ...complete.RECONCILED, found });

  it("accepts found null (not on the platform) and a found post without a URL", () => {
    expect(checkEvent(reconciled(null))).toBeUndefined();
    expect(checkEvent(reconciled({ platformPostId: "urn:li:share:1" }))).toBeUndefined();
  });

  it("refuses a found post without its platformPostId", () => {
    expect(refusal(reconciled({ platformUrl: "https://x.com" }))).toMatchObject({
      reason: "malformed_event",
      path: "found.platformPostId",
      message: "found.platformPostId is required",
    });
  });

  it("refuses found given as something other than an object or null", () => {
    expect(refusal(reconciled(true))).toMatchObject({
      path: "found",
      message: "found must be an object",
    });
  });

  it("refuses a found platformUrl that is not http(s): a javascript: link is never stored", () => {
    expect(
      refusal(reconciled({ platformPostId: "1", platformUrl: "javascript:alert(1)" })),
    ).toMatchObject({
      path: "found.platformUrl",
      message: "found.platformUrl must be an absolute http or https URL",
    });
  });

  it("refuses a media url that is not http(s), at its path", () => {
    for (const url of ["javascript:alert(1)", "file:///etc/passwd", "cdn.example.com/a.jpg"]) {
      const event = { type: "EDIT", changes: { media: [{ kind: "image", url }] } };
      expect(refusal(event), url).toMatchObject({
        path: "changes.media[0].url",
        message: "changes.media[0].url must be an absolute http or https URL",
      });
    }
  });

  it("refuses a found platformUrl that is not a string", () => {
    expect(refusal(reconciled({ platformPostId: "1", platformUrl: 1 })).path).toBe(
      "found.platformUrl",
    );
  });
});

describe("event shapes: the changes of EDIT", () => {
  const edit = (changes: unknown) => ({ type: "EDIT", changes });

  it("refuses changes that are not an object", () => {
    for (const changes of ["content", [{ content: "x" }], null, 3]) {
      expect(refusal(edit(changes))).toMatchObject({
        reason: "malformed_event",
        path: "changes",
        message: "changes must be an object",
      });
    }
  });

  it("refuses an empty changes object: an edit must name a field", () => {
    expect(refusal(edit({}))).toMatchObject({
      path: "changes",
      message: "changes names no field to change",
    });
  });

  // BUG: `{ content: undefined }` passes the shape check (it has a key) and EDIT then skips the
  // undefined value, so apply accepts an edit that changes nothing: the revision is bumped and, on
  // a scheduled post, the job is disarmed and re-armed and every idempotency key changes. The same
  // event after a JSON round trip is `{ changes: {} }`, which is refused. Expected: refused alike.
  it("changes whose every value is undefined name no field, and are refused like {}", () => {
    expect(refusal(edit({ content: undefined, scheduledAt: undefined }))).toMatchObject({
      reason: "malformed_event",
      path: "changes",
      message: "changes names no field to change",
    });
  });

  it("accepts scheduledAt null (clear the time), and leaves unknown keys to the edit rules", () => {
    expect(checkEvent(edit({ scheduledAt: null }))).toBeUndefined();
    expect(checkEvent(edit({ status: "published" }))).toBeUndefined();
  });

  it.each([
    ["a numeric content", { content: 1 }, "changes.content", "changes.content must be a string"],
    [
      "media that is not an array",
      { media: { kind: "image" } },
      "changes.media",
      "changes.media must be an array",
    ],
    [
      "a media item that is not an object",
      { media: ["https://cdn.example.com/a.jpg"] },
      "changes.media[0]",
      "changes.media[0] must be an object",
    ],
    [
      "an unknown media kind",
      {
        media: [
          { kind: "image", url: "https://cdn.example.com/a.jpg" },
          { kind: "hologram", url: "https://cdn.example.com/a.jpg" },
        ],
      },
      "changes.media[1].kind",
      'changes.media[1].kind "hologram" is not one of image, video, gif, document',
    ],
    [
      "a media item without a url",
      { media: [{ kind: "video" }] },
      "changes.media[0].url",
      "changes.media[0].url is required",
    ],
    [
      "a negative media size",
      { media: [{ kind: "image", url: "https://cdn.example.com/a.jpg", sizeBytes: -1 }] },
      "changes.media[0].sizeBytes",
      "changes.media[0].sizeBytes must be a number of at least 0",
    ],
    [
      "a numeric altText",
      { media: [{ kind: "image", url: "https://cdn.example.com/a.jpg", altText: 3 }] },
      "changes.media[0].altText",
      "changes.media[0].altText must be a string",
    ],
    [
      "destinations that are not an array",
      { destinations: { id: "d" } },
      "changes.destinations",
      "changes.destinations must be an array",
    ],
    [
      "a destination input without accountId",
      { destinations: [{ id: "d-x", platform: "x" }] },
      "changes.destinations[0].accountId",
      "changes.destinations[0].accountId is required",
    ],
    [
      "a destination input with an empty platform",
      {
        destinations: [
          { id: "d-x", platform: "x", accountId: "a" },
          { id: "d-y", platform: "", accountId: "a" },
        ],
      },
      "changes.destinations[1].platform",
      "changes.destinations[1].platform must be a non-empty string",
    ],
    [
      "a destination input with a numeric content override",
      { destinations: [{ id: "d-x", platform: "x", accountId: "a", content: 0 }] },
      "changes.destinations[0].content",
      "changes.destinations[0].content must be a string",
    ],
  ])("refuses %s, at its path", (_, changes, path, message) => {
    expect(refusal(edit(changes))).toMatchObject({ reason: "malformed_event", path, message });
  });

  it("refuses a scheduledAt that is not an instant, at changes.scheduledAt", () => {
    const rejection = refusal(edit({ scheduledAt: "2026-02-30T10:00:00Z" }));
    expect(rejection).toMatchObject({ reason: "malformed_event", path: "changes.scheduledAt" });
    expect(rejection.message).toContain("names a day that does not exist");
  });

  it("accepts media with every optional field set", () => {
    const media = [
      {
        kind: "video",
        url: "https://cdn.example.com/v.mp4",
        sizeBytes: 1_000_000,
        mimeType: "video/mp4",
        altText: "a launch",
        durationMs: 12_000,
        width: 1920,
        height: 1080,
      },
    ];
    expect(checkEvent(edit({ media }))).toBeUndefined();
  });
});

describe("event shapes: the test alphabet", () => {
  // Every event the model-based tests use, for every post the exploration reaches: explored
  // in the hook, not when the file is collected.
  let events: PostEvent[] = [];
  beforeAll(() => {
    const alphabet = new Map<string, PostEvent>();
    for (const reached of explore()) {
      for (const event of eventsFor(reached)) alphabet.set(JSON.stringify(event), event);
    }
    events = [...alphabet.values()];
  });

  it("the exploration yields events of every type", () => {
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(postEventTypes));
  });

  it("checkEvent accepts every event of the alphabet", () => {
    for (const event of events) expect(checkEvent(event), JSON.stringify(event)).toBeUndefined();
  });

  it("deleting any one required field makes apply refuse the event with that field's path", () => {
    let checked = 0;
    for (const event of events) {
      for (const key of required(event.type)) {
        const rejection = refusal(without(event, key));
        expect(rejection, `${event.type} without ${key}`).toMatchObject({
          reason: "malformed_event",
          path: key,
          eventType: event.type,
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(events.length);
  });
});
