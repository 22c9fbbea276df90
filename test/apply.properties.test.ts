/**
 * The invariants of `apply`, each a fast-check property named as what it
 * proves. Sequences come from test/support/arbitraries.ts: posts of every
 * shape driven through the whole event alphabet, refusals included.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { reportedLive } from "../src/destination/rules.js";
import {
  allowedEvents,
  apply,
  can,
  countByStatus,
  type Destination,
  type Instruction,
  type Post,
  postMachine,
  statusOf,
} from "../src/index.js";
import { choicesArb, postInputArb, reachablePostArb, resolve, run } from "./support/arbitraries.js";
import { draftOf } from "./support/draft.js";
import { explore } from "./support/explore.js";
import { witnessesFor } from "./support/witness.js";

const sequenceArb = fc.tuple(postInputArb, choicesArb);

const deepFreeze = <T>(value: T): T => {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
};

const enqueues = (outbox: readonly Instruction[]) =>
  outbox.filter(
    (i): i is Extract<Instruction, { type: "enqueue_delivery" }> => i.type === "enqueue_delivery",
  );

describe("apply", () => {
  test.prop([reachablePostArb, fc.anything()])(
    "never throws and never mutates its input, for any event, junk included",
    (post, junk) => {
      const before = structuredClone(post);
      deepFreeze(post);
      const decision = apply(post, junk as never);
      expect(post).toEqual(before);
      if (!decision.ok) expect(decision.rejection.reason).toBe("malformed_event");
    },
  );

  test.prop([
    fc.anything(),
    reachablePostArb.chain((p) =>
      fc.constantFrom(...[...witnessesFor(p), { type: "CANCEL" as const }]),
    ),
  ])("refuses anything that is not a post, with a reason, instead of throwing", (junk, event) => {
    const decision = apply(junk as Post, event);
    expect(decision.ok).toBe(false);
    if (!decision.ok) expect(decision.rejection.reason).toBe("invalid_post");
  });

  test.prop([sequenceArb])("same events, same result (determinism)", ([input, choices]) => {
    expect(run(input, choices)).toEqual(run(input, choices));
  });

  test.prop([reachablePostArb, fc.nat()])(
    "a JSON round trip of the post changes nothing",
    (post, choice) => {
      const event = resolve(post, choice);
      const roundTripped = JSON.parse(JSON.stringify(post)) as Post;
      expect(roundTripped).toStrictEqual(post);
      expect(apply(roundTripped, JSON.parse(JSON.stringify(event)))).toStrictEqual(
        apply(post, event),
      );
    },
  );

  test.prop([sequenceArb])(
    "the post's status is always the one its destinations give, and its counts are theirs",
    ([input, choices]) => {
      for (const { decision } of run(input, choices)) {
        if (!decision.ok) continue;
        expect(decision.post.status).toBe(statusOf(decision.post));
        expect(decision.post.counts).toEqual(countByStatus(decision.post.destinations));
      }
    },
  );

  test.prop([sequenceArb])(
    "a refusal or an ignore leaves the post as it was and asks for nothing",
    ([input, choices]) => {
      for (const { before, decision } of run(input, choices)) {
        if (decision.ok && decision.ignored === undefined) continue;
        if (decision.ok) {
          expect(decision.post).toBe(before);
          expect(decision.outbox).toEqual([]);
          expect(decision.message).toEqual(expect.any(String));
        } else {
          expect(decision.rejection.status).toBe(before.status);
          expect(decision.rejection.message.length).toBeGreaterThan(0);
        }
      }
    },
  );

  test.prop([sequenceArb])(
    "published, failed and cancelled destinations change only by a manual retry, the platform's word, or a person's answer",
    ([input, choices]) => {
      for (const { before, event, decision } of run(input, choices)) {
        if (!decision.ok) continue;
        for (const d of before.destinations) {
          if (!["published", "failed", "cancelled"].includes(d.status)) continue;
          const after = decision.post.destinations.find((n) => n.id === d.id);
          const live = reportedLive(event);
          const aboutIt = "destinationId" in event && event.destinationId === d.id;
          if (after === d) continue;
          if (d.status === "failed" && event.type === "RETRY_FAILED") {
            expect(after?.status).toBe("queued");
            expect(after?.generation).toBe(d.generation + 1);
          } else if (aboutIt && live !== undefined && d.status === "published") {
            // A second post: recorded, and the first one stays the destination's.
            expect(after).toMatchObject({ status: "published", platformPostId: d.platformPostId });
            expect(after?.duplicates?.at(-1)?.platformPostId).toBe(live);
          } else if (aboutIt && live !== undefined) {
            // The platform has the post after all: published, as this destination, with its id.
            expect(after).toMatchObject({
              status: "published",
              generation: d.generation,
              platformPostId: live,
            });
          } else if (aboutIt && event.type === "RECONCILED" && event.found === null) {
            // A person's answer for an outcome no look-up settled: still failed, now known.
            expect(d.error?.outcomeUnknown).toBe(true);
            expect(after?.status).toBe("failed");
            expect(after?.error?.outcomeUnknown).toBeUndefined();
          } else if (event.type === "EDIT") {
            // Only a draft or scheduled post is edited, and it has no finished destination.
            expect(after).toEqual(d);
          } else {
            expect(after).toBe(d);
          }
        }
      }
    },
  );

  test.prop([sequenceArb])(
    "a published destination is never enqueued again",
    ([input, choices]) => {
      const published = new Set<string>();
      for (const { decision } of run(input, choices)) {
        if (!decision.ok) continue;
        for (const e of enqueues(decision.outbox))
          expect(published.has(e.destinationId)).toBe(false);
        for (const d of decision.post.destinations)
          if (d.status === "published") published.add(d.id);
      }
    },
  );

  test.prop([sequenceArb])(
    "no two enqueues share an idempotency key across revisions or generations",
    ([input, choices]) => {
      const owner = new Map<string, string>();
      for (const { decision } of run(input, choices)) {
        if (!decision.ok) continue;
        for (const e of enqueues(decision.outbox)) {
          const d = decision.post.destinations.find((n) => n.id === e.destinationId);
          const identity = `${e.destinationId}@r${decision.post.revision}g${d?.generation}`;
          expect(owner.get(e.idempotencyKey) ?? identity).toBe(identity);
          owner.set(e.idempotencyKey, identity);
        }
      }
    },
  );

  test.prop([sequenceArb])(
    "each look-up names the attempt that went unconfirmed, and no two share a key and attempt",
    ([input, choices]) => {
      const jobs = new Set<string>();
      for (const { decision } of run(input, choices)) {
        if (!decision.ok) continue;
        for (const i of decision.outbox) {
          if (i.type !== "request_reconciliation") continue;
          const d = decision.post.destinations.find((n) => n.id === i.destinationId);
          expect(d?.status).toBe("unconfirmed");
          expect(i.attempt).toBe(d?.attempts);
          const job = `${i.idempotencyKey}#${i.attempt}`;
          expect(jobs.has(job), job).toBe(false);
          jobs.add(job);
        }
      }
    },
  );

  test.prop([sequenceArb])(
    "an unconfirmed destination is never sent again before a reconciliation",
    ([input, choices]) => {
      for (const { before, event, decision } of run(input, choices)) {
        if (!decision.ok) continue;
        for (const e of enqueues(decision.outbox)) {
          const was = before.destinations.find((d) => d.id === e.destinationId);
          if (was?.status === "unconfirmed") expect(event.type).toBe("RECONCILED");
        }
      }
    },
  );

  test.prop([sequenceArb])(
    "attempts never exceed the policy, and go up only when an attempt starts",
    ([input, choices]) => {
      for (const { before, decision } of run(input, choices)) {
        if (!decision.ok) continue;
        for (const d of decision.post.destinations) {
          expect(d.attempts).toBeLessThanOrEqual(decision.post.retry.maxAttempts);
          const was = before.destinations.find((b) => b.id === d.id);
          if (was !== undefined && was.generation === d.generation) {
            expect(d.attempts - was.attempts).toBeGreaterThanOrEqual(0);
            expect(d.attempts - was.attempts).toBeLessThanOrEqual(1);
          }
        }
      }
    },
  );

  test.prop([sequenceArb])(
    "each delivery field is present exactly while it applies",
    ([input, choices]) => {
      for (const { decision } of run(input, choices)) {
        if (!decision.ok) continue;
        for (const d of decision.post.destinations) {
          expect(d.nextRetryAt !== undefined).toBe(d.status === "retrying");
          expect(d.platformPostId !== undefined).toBe(d.status === "published");
          expect(d.publishedAt !== undefined).toBe(d.status === "published");
          expect(d.error !== undefined).toBe(
            ["retrying", "unconfirmed", "failed"].includes(d.status),
          );
          if (["queued", "publishing", "retrying", "unconfirmed", "published"].includes(d.status)) {
            expect(d.idempotencyKey).toEqual(expect.any(String));
          }
        }
      }
    },
  );

  test.prop([reachablePostArb, fc.nat()])(
    "only an unconfirmed destination's error says its outcome is unknown, or a failed one whose look-ups went unanswered",
    (post, choice) => {
      const decision = apply(post, resolve(post, choice));
      for (const p of decision.ok ? [post, decision.post] : [post]) {
        for (const d of p.destinations) expectOutcomeUnknownOnlyWhereItIs(d);
      }
    },
  );

  it("only an unconfirmed destination's error says its outcome is unknown, or a failed one whose look-ups went unanswered, in every state the exploration reaches", () => {
    explore(({ decision }) => {
      if (!decision.ok) return;
      for (const d of decision.post.destinations) expectOutcomeUnknownOnlyWhereItIs(d);
    });
  });

  test.prop([sequenceArb])("every accepted EDIT bumps the revision by one", ([input, choices]) => {
    for (const { before, event, decision } of run(input, choices)) {
      if (event.type !== "EDIT" || !decision.ok) continue;
      expect(decision.post.revision).toBe(before.revision + 1);
    }
  });
});

/**
 * An unconfirmed destination's outcome is unknown; so is a failed (or, for a
 * thread, partly published) one whose look-ups went unanswered
 * (OUTCOME_UNKNOWN), until someone answers. No other.
 */
function expectOutcomeUnknownOnlyWhereItIs(d: Destination): void {
  const unknown = d.error?.outcomeUnknown === true;
  if (d.status === "unconfirmed") expect(unknown, d.id).toBe(true);
  else if (unknown) {
    // A thread whose item's look-ups went unanswered stopped part-way: partly published.
    expect(["failed", "partially_published"], d.id).toContain(d.status);
    expect(d.error?.code, d.id).toBe("OUTCOME_UNKNOWN");
  }
}

describe("can and allowedEvents", () => {
  test.prop([reachablePostArb, fc.nat()])(
    "can is true exactly when apply takes the event and changes the post",
    (post, choice) => {
      const event = resolve(post, choice);
      const decision = apply(post, event);
      expect(can(post, event)).toBe(decision.ok && decision.ignored === undefined);
    },
  );

  test.prop([reachablePostArb, fc.nat()])(
    "an event can take is always of a type allowedEvents lists",
    (post, choice) => {
      const event = resolve(post, choice);
      if (can(post, event)) expect(allowedEvents(post)).toContain(event.type);
    },
  );

  test.prop([reachablePostArb])(
    "every type allowedEvents lists has an event the post takes",
    (post) => {
      const witnesses = witnessesFor(post);
      for (const type of allowedEvents(post)) {
        expect(witnesses.filter((w) => w.type === type).some((w) => can(post, w))).toBe(true);
      }
    },
  );
});

describe("postMachine", () => {
  test.prop([sequenceArb], { numRuns: 100 })(
    "a live actor fed the same events agrees with apply, step by step",
    ([input, choices]) => {
      const actor = createActor(postMachine, { input });
      const emitted: Instruction[] = [];
      actor.on("*", (instruction) => emitted.push(instruction));
      actor.start();
      expect(actor.getSnapshot().context).toEqual(draftOf(input));
      for (const { event, decision } of run(input, choices)) {
        emitted.length = 0;
        const before = actor.getSnapshot();
        if (before.status === "active") actor.send(event);
        const after = actor.getSnapshot();
        if (decision.ok && decision.ignored === undefined) {
          expect(after.value).toBe(decision.post.status);
          expect(after.context).toEqual(decision.post);
          expect(emitted).toEqual(decision.outbox);
        } else {
          expect(after.context).toBe(before.context);
          expect(emitted).toEqual([]);
        }
      }
      actor.stop();
    },
  );
});
