/**
 * postlife/testing is held to what it promises a service's tests: model
 * paths are real and shortest, builders give real posts or say why not,
 * arbitraries give only reachable posts and fitting events, and together
 * they reach every status, every outcome and every error code.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createActor } from "xstate";
import {
  allowedEvents,
  apply,
  can,
  classifyFailure,
  createPost,
  type Destination,
  type DestinationContext,
  defaultRetryPolicy,
  destinationStatuses,
  errorCodeTable,
  type Post,
  type PostEvent,
  type PostInput,
  platforms,
  postMachine,
  postStatuses,
  stepDestination,
} from "../src/index.js";
import { checkPost } from "../src/rules/post-shape.js";
import {
  acceptedEvents,
  aPost,
  defaultModelInput,
  deliveryFactArbitrary,
  destinationCommands,
  destinationPaths,
  eventArbitrary,
  eventAt,
  eventsFor,
  factsFor,
  failure,
  historyArbitrary,
  NOW,
  postIn,
  postInputArbitrary,
  postPaths,
  rawFailureArbitrary,
  reachablePostArbitrary,
  replay,
  webhookPayloadArbitrary,
  witnessesFor,
} from "../src/testing/index.js";
import { draftOf } from "./support/draft.js";
import { junk } from "./support/totality.js";

const T = "2026-04-20T14:00:00Z";
const oneDestination: PostInput = {
  id: "p-1",
  content: "Launch day",
  destinations: [{ id: "d-x", platform: "x", accountId: "acct-x" }],
};

const replayPost = (input: PostInput, events: readonly PostEvent[]): Post =>
  events.reduce((post, event) => {
    const decision = apply(post, event);
    if (!decision.ok) throw new Error(`${event.type} refused: ${decision.rejection.message}`);
    return decision.post;
  }, draftOf(input));

/** Breadth-first over accepted events: the fewest events that reach each status. */
const fewestEventsTo = (input: PostInput, depth: number): Map<string, number> => {
  const found = new Map<string, number>();
  let frontier = [draftOf(input)];
  const seen = new Set(frontier.map((p) => JSON.stringify(p)));
  for (let d = 0; d <= depth; d++) {
    for (const post of frontier) if (!found.has(post.status)) found.set(post.status, d);
    const next: Post[] = [];
    for (const post of frontier) {
      for (const event of acceptedEvents(post)) {
        const decision = apply(post, event);
        if (!decision.ok) continue;
        const key = JSON.stringify(decision.post);
        if (seen.has(key)) continue;
        seen.add(key);
        next.push(decision.post);
      }
    }
    frontier = next;
  }
  return found;
};

describe("postPaths", () => {
  // Computed in the hook, not when the file is collected (about two seconds).
  let paths: ReturnType<typeof postPaths>;
  beforeAll(() => {
    paths = postPaths();
  });

  it("has a path to every post status, in the statuses' order", () => {
    expect([...paths.keys()]).toEqual([...postStatuses]);
  });

  it("each path, replayed through apply from a new post, ends in exactly its post", () => {
    for (const [status, path] of paths) {
      const post = replayPost(defaultModelInput, path.events);
      expect(post.status).toBe(status);
      expect(post).toStrictEqual(path.value);
    }
  });

  it("each path, sent to a live postMachine actor, ends in its status", () => {
    for (const [status, path] of paths) {
      const actor = createActor(postMachine, { input: defaultModelInput }).start();
      for (const event of path.events) actor.send(event);
      expect(actor.getSnapshot().value).toBe(status);
      expect(actor.getSnapshot().context).toStrictEqual(path.value);
      actor.stop();
    }
  });

  it("no path is longer than the fewest accepted events that reach its status", () => {
    const longest = Math.max(...[...paths.values()].map((p) => p.events.length));
    const fewest = fewestEventsTo(defaultModelInput, longest);
    for (const [status, path] of paths)
      expect([status, path.events.length]).toEqual([status, fewest.get(status)]);
  });

  it("reaches every status from one destination too (an EDIT adds the second)", () => {
    const single = postPaths(oneDestination);
    expect([...single.keys()]).toEqual([...postStatuses]);
    const partial = single.get("partially_published");
    expect(partial?.events[0]?.type).toBe("EDIT");
    expect(partial?.value.destinations.length).toBeGreaterThan(1);
  });

  it("computes once per input", () => {
    expect(postPaths()).toBe(paths);
    expect(postPaths({ ...defaultModelInput })).toBe(paths);
  });
});

describe("destinationPaths", () => {
  let paths: ReturnType<typeof destinationPaths>;
  beforeAll(() => {
    paths = destinationPaths();
  });

  it("has a path to every destination status", () => {
    expect([...paths.keys()]).toEqual([...destinationStatuses]);
  });

  it("each path, replayed through stepDestination, ends in exactly its destination", () => {
    // The draft's path is empty: its value is where every path starts.
    const start = paths.get("draft");
    expect(start?.events).toEqual([]);
    expect(start?.value).toMatchObject({ status: "draft", attempts: 0, generation: 0 });
    for (const [status, path] of paths) {
      let context: DestinationContext = {
        postId: "post-1",
        revision: 0,
        retry: defaultRetryPolicy,
        destination: start?.value as Destination,
      };
      for (const event of path.events) {
        const step = stepDestination(context, event);
        expect(step.kind, `${status}: ${event.type}`).toBe("accepted");
        if (step.kind === "accepted") context = { ...context, destination: step.destination };
      }
      expect(context.destination).toStrictEqual(path.value);
      expect(context.destination.status).toBe(status);
    }
  });
});

describe("postIn", () => {
  it("reaches every status from the default input: a real post with the path that reached it", () => {
    for (const status of postStatuses) {
      const { post, path } = postIn(status);
      expect(post.status).toBe(status);
      expect(replayPost(defaultModelInput, path)).toStrictEqual(post);
    }
  });

  it("starts from the input it is given", () => {
    const reached = postIn("published", oneDestination);
    expect(reached?.post.id).toBe("p-1");
    expect(reached?.post.destinations.map((d) => d.status)).toEqual(["published"]);
  });

  it("answers undefined when no accepted event leads to the status", () => {
    // No destination and no content: the alphabet's edits add neither, so a
    // draft can only stay a draft or be deleted.
    const bare: PostInput = { id: "p-bare", content: "", destinations: [] };
    expect([...postPaths(bare).keys()]).toEqual(["draft", "deleted"]);
    expect(postIn("scheduled", bare)).toBeUndefined();
    expect(postIn("draft", bare)?.post.status).toBe("draft");
  });

  it("answers undefined for an input createPost refuses: postPaths has no path from it", () => {
    const refused = { ...oneDestination, retry: { maxAttempts: 0 } };
    expect(createPost(refused).ok).toBe(false);
    expect(postPaths(refused).size).toBe(0);
    expect(postIn("draft", refused)).toBeUndefined();
    expect(postIn("draft", null as never)).toBeUndefined();
    expect(postIn("archived" as never)).toBeUndefined();
  });
});

describe("aPost", () => {
  it("describes a draft with a destination per platform", () => {
    const post = aPost().to("x", "linkedin").build();
    expect(post.status).toBe("draft");
    expect(post.destinations.map((d) => [d.id, d.platform, d.accountId, d.status])).toEqual([
      ["d-x", "x", "acct-x", "draft"],
      ["d-linkedin", "linkedin", "acct-linkedin", "draft"],
    ]);
  });

  it("schedules by a real SCHEDULE, a day before the time unless told", () => {
    const builder = aPost().to("x").scheduledFor(T);
    expect(builder.events()).toEqual([
      { type: "SCHEDULE", at: T, now: "2026-04-19T14:00:00.000Z" },
    ]);
    const post = builder.build();
    expect(post.status).toBe("scheduled");
    expect(post.scheduledAt).toBe("2026-04-20T14:00:00.000Z");
    expect(post.destinations.map((d) => d.status)).toEqual(["scheduled"]);
  });

  it("goes through approval when the post requires it", () => {
    const builder = aPost().to("x").requiringApproval().scheduledFor(T);
    expect(builder.events().map((e) => e.type)).toEqual(["EDIT", "SUBMIT_FOR_APPROVAL", "APPROVE"]);
    const post = builder.build();
    expect([post.status, post.requiresApproval, post.scheduledAt]).toEqual([
      "scheduled",
      true,
      "2026-04-20T14:00:00.000Z",
    ]);
  });

  it("carries every detail into the input and the post", () => {
    const media = { kind: "image", url: "https://cdn.example/1.png" } as const;
    const builder = aPost()
      .withId("post-9")
      .withContent("Launch")
      .toDestination({ id: "d-th", platform: "threads", accountId: "17841" })
      .withMedia(media)
      .withRetry({ maxAttempts: 5 });
    const post = builder.build();
    expect(builder.input()).toMatchObject({ id: "post-9", content: "Launch", media: [media] });
    expect([post.id, post.content, post.media, post.retry.maxAttempts]).toEqual([
      "post-9",
      "Launch",
      [media],
      5,
    ]);
    expect(post.destinations.map((d) => d.id)).toEqual(["d-th"]);
  });

  it("never changes a builder it was called on", () => {
    const base = aPost();
    base.to("x").scheduledFor(T).withContent("other");
    expect(base.input().destinations).toEqual([]);
    expect(base.events()).toEqual([]);
    expect(base.build().content).toBe("Hello from postlife");
  });

  it("throws with postlife's own reason when the post cannot get there", () => {
    expect(() => aPost().to("x").scheduledFor(T, { now: "2026-04-21T00:00:00Z" }).build()).toThrow(
      /SCHEDULE on a draft post: schedule_in_past/,
    );
    expect(() => aPost().scheduledFor(T).build()).toThrow(/no_destinations/);
  });
});

describe("arbitraries", () => {
  it("reachablePostArbitrary gives posts apply takes as its own, in every status", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(reachablePostArbitrary, (post) => {
        seen.add(post.status);
        const decision = apply(post, { type: "CANCEL" });
        expect(decision.ok || decision.rejection.reason !== "invalid_post").toBe(true);
        expect(JSON.parse(JSON.stringify(post))).toStrictEqual(post);
      }),
      { numRuns: 400 },
    );
    expect([...seen].sort()).toEqual([...postStatuses].sort());
  });

  it("historyArbitrary chains its steps: each starts where the last accepted one left the post", () => {
    fc.assert(
      fc.property(historyArbitrary({ maxEvents: 20 }), (history) => {
        let post = draftOf(history.input);
        for (const step of history.steps) {
          expect(step.before).toStrictEqual(post);
          expect(apply(step.before, step.event)).toStrictEqual(step.decision);
          if (step.decision.ok) post = step.decision.post;
        }
        expect(history.post).toStrictEqual(post);
      }),
    );
  });

  it("acceptedEvents are all taken, and cover every type allowedEvents names", () => {
    fc.assert(
      fc.property(reachablePostArbitrary, (post) => {
        const accepted = acceptedEvents(post);
        for (const event of accepted) expect(can(post, event)).toBe(true);
        const types = new Set(accepted.map((e) => e.type));
        for (const type of allowedEvents(post)) expect(types.has(type), type).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("eventArbitrary and deliveryFactArbitrary reach acceptance, refusal, duplicates and stale facts", () => {
    const outcomes = new Set<string>();
    const withEvent = reachablePostArbitrary.chain((post) =>
      fc.tuple(fc.constant(post), fc.oneof(eventArbitrary(post), deliveryFactArbitrary(post))),
    );
    fc.assert(
      fc.property(withEvent, ([post, event]) => {
        // Facts name the post's destinations, or "nowhere" (unknown_destination).
        if ("destinationId" in event) {
          expect([...post.destinations.map((d) => d.id), "nowhere"]).toContain(event.destinationId);
        }
        const decision = apply(post, event);
        outcomes.add(decision.ok ? (decision.ignored ?? "accepted") : "refused");
      }),
      { numRuns: 1000 },
    );
    expect([...outcomes].sort()).toEqual(["accepted", "duplicate", "refused", "stale"]);
  });

  it("rawFailureArbitrary speaks for every platform and classifies to every code a platform can give", () => {
    const platformsSeen = new Set<string>();
    const codes = new Set<string>();
    fc.assert(
      fc.property(rawFailureArbitrary, (raw) => {
        platformsSeen.add(raw.platform ?? "");
        codes.add(classifyFailure(raw).code);
      }),
      { numRuns: 3000 },
    );
    for (const platform of platforms) {
      expect(
        [platform.id, ...platform.aliases].some((name) => platformsSeen.has(name)),
        platform.id,
      ).toBe(true);
    }
    // postlife's own verdicts (a deadline that ended a wait) are never what a platform answered.
    const platformCodes = Object.entries(errorCodeTable)
      .filter(([, row]) => !("verdict" in row))
      .map(([code]) => code);
    expect([...codes].sort()).toEqual(platformCodes.sort());
  });
});

/** Every path to a value inside a JSON value: keys and indexes, the root excluded. */
const pathsOf = (value: unknown, at: readonly (string | number)[] = []): (string | number)[][] => {
  if (typeof value !== "object" || value === null) return [];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((key) => [
    [...at, key],
    ...pathsOf((value as Record<string | number, unknown>)[key], [...at, key]),
  ]);
};

/** A copy of `value` with the value at `path` swapped for `replacement`. */
const swapped = (value: unknown, path: readonly (string | number)[], by: unknown): unknown => {
  const [head, ...rest] = path;
  if (head === undefined) return by;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = swapped(copy[head], rest, by);
  return copy;
};

/** Each function of the kit that reads a post, called as a test would. */
const readers = (post: Post, choice: number): unknown[] => [
  eventsFor(post),
  witnessesFor(post),
  acceptedEvents(post),
  eventAt(post, choice),
  fc.sample(eventArbitrary(post), { numRuns: 2, seed: choice }),
  fc.sample(deliveryFactArbitrary(post), { numRuns: 2, seed: choice }),
  fc.sample(webhookPayloadArbitrary(post), { numRuns: 2, seed: choice }),
  ...(Array.isArray(post.destinations) ? post.destinations : []).flatMap((d) => [
    factsFor(d),
    destinationCommands(d),
  ]),
];

describe("the kit answers what is not a post with its empty answer", () => {
  const publish = { type: "PUBLISH", now: NOW };

  it("for a value that is not a post: no events, one fixed event, one fact about nowhere", () => {
    fc.assert(
      fc.property(junk, fc.nat(), (value, choice) => {
        fc.pre(checkPost(value) !== undefined);
        const post = value as Post;
        expect([eventsFor(post), witnessesFor(post), acceptedEvents(post)]).toEqual([[], [], []]);
        expect(eventAt(post, choice)).toEqual(publish);
        expect(fc.sample(eventArbitrary(post), 1)).toEqual([publish]);
        expect(fc.sample(deliveryFactArbitrary(post), 1)).toEqual([
          { type: "DELIVERY_STARTED", destinationId: "nowhere", now: NOW },
        ]);
        expect(fc.sample(webhookPayloadArbitrary(post), 1)[0]?.postId).toBe("nowhere");
        expect([factsFor(value as never), destinationCommands(value as never)]).toEqual([[], []]);
      }),
      { numRuns: 2000 },
    );
  });

  it("for a stored post with one field anywhere swapped for junk: an answer, never a throw", () => {
    fc.assert(
      fc.property(reachablePostArbitrary, fc.nat(), junk, fc.nat(), (post, where, by, choice) => {
        const paths = pathsOf(post);
        const stored = swapped(post, paths[where % paths.length] ?? [], by) as Post;
        expect(() => readers(stored, choice)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it("for a destination that is not one: no facts, no commands", () => {
    const [d] = postIn("publishing").post.destinations;
    for (const broken of [
      { ...d, idempotencyKey: 7 },
      { ...d, attempts: -1 },
      { ...d, status: "sent" },
    ]) {
      expect([factsFor(broken as never), destinationCommands(broken as never)]).toEqual([[], []]);
    }
    expect(factsFor(d as never).length).toBeGreaterThan(0);
  });

  it("eventAt reads a choice that is not a finite number as the first event", () => {
    const post = aPost().to("x").build();
    const [first] = eventsFor(post);
    for (const choice of [Number.NaN, Number.POSITIVE_INFINITY, "3", undefined]) {
      expect(eventAt(post, choice as never)).toEqual(first);
    }
    expect(eventAt(post, 2.7)).toEqual(eventsFor(post)[2]);
  });

  it("replay answers undefined for an input createPost refuses, and no steps for choices that are not a list", () => {
    expect(replay({ id: "", content: "hi", destinations: [] }, [1, 2])).toBeUndefined();
    expect(replay(null as never, [1])).toBeUndefined();
    expect(replay(oneDestination, "12" as never)?.steps).toEqual([]);
  });

  it("historyArbitrary ignores options it cannot use and skips inputs createPost refuses", () => {
    const refusedOrNot = fc.oneof(
      postInputArbitrary,
      fc.constant({ id: "", content: "", destinations: [] }),
    );
    for (const options of [
      null,
      "x",
      { maxEvents: -1, input: 5 },
      { maxEvents: 1e9 },
      { input: refusedOrNot },
    ]) {
      for (const history of fc.sample(historyArbitrary(options as never), 20)) {
        expect(createPost(history.input).ok).toBe(true);
        expect(history.steps.length).toBeGreaterThan(0);
      }
    }
  });

  it("every input postInputArbitrary gives is one createPost takes", () => {
    fc.assert(fc.property(postInputArbitrary, (input) => createPost(input).ok));
  });
});

describe("failure", () => {
  it("is the table's row for a code postlife knows", () => {
    expect(failure("RATE_LIMITED", { retryAfterMs: 60_000 })).toEqual({
      code: "RATE_LIMITED",
      message: errorCodeTable.RATE_LIMITED.description,
      retryable: true,
      retryAfterMs: 60_000,
    });
  });

  it("writes any other code as text, with UNKNOWN_ERROR's row, never calling its toString", () => {
    const unknown = errorCodeTable.UNKNOWN_ERROR;
    const row = { message: unknown.description, retryable: unknown.retryable };
    expect(failure("TIKTOK_SPAM_RISK" as never)).toEqual({ code: "TIKTOK_SPAM_RISK", ...row });
    expect(failure({ toString: 1 } as never)).toEqual({ code: "[object Object]", ...row });
    expect(failure(Object.create(null) as never)).toEqual({ code: "[object Object]", ...row });
    expect(failure("toString" as never, "extra" as never)).toEqual({ code: "toString", ...row });
    fc.assert(fc.property(junk, (code) => typeof failure(code as never).code === "string"));
    fc.assert(
      fc.property(junk, (extra) => {
        fc.pre(typeof extra !== "object" || extra === null || Array.isArray(extra));
        expect(failure("RATE_LIMITED", extra as never)).toEqual(failure("RATE_LIMITED"));
      }),
    );
  });
});
