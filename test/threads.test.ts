/**
 * Threads are delivered item by item: each item has its own key, status and
 * platform post; a reply names the item it answers (`replyTo`); a failure at
 * item k resumes at item k, under item k - 1, and nothing posts items
 * 0..k-1 again. A thread stopped part-way is partly published, never
 * "nothing published" (postiz #1525: only the first item of a thread went out).
 */
import { describe, expect, it } from "vitest";
import {
  apply,
  type DeliveryFact,
  type EnqueueDelivery,
  type Instruction,
  type Post,
  type PostEvent,
} from "../src/index.js";
import { draftOf } from "./support/draft.js";
import { accept, dest, kinds, reject, run } from "./support/seed-fixtures.js";

const T0 = Date.parse("2026-04-20T14:00:00.000Z");
let clock = 0;
const now = () => new Date(T0 + ++clock * 1000).toISOString();

const thread = (retry: { maxAttempts?: number } = {}): Post =>
  draftOf({
    id: "post-1",
    content: "1/ We launched",
    destinations: [
      {
        id: "d-x",
        platform: "x",
        accountId: "1587354420",
        thread: ["2/ It is fast", "3/ It is small"],
      },
    ],
    retry,
  });

const deliveries = (outbox: readonly Instruction[]): EnqueueDelivery[] =>
  outbox.filter((i): i is EnqueueDelivery => i.type === "enqueue_delivery");

/** The one delivery an outbox hands out. */
const handedOut = (outbox: readonly Instruction[]): EnqueueDelivery => {
  const [job, ...more] = deliveries(outbox);
  expect(more).toEqual([]);
  if (job === undefined) throw new Error(`no enqueue_delivery in ${kinds(outbox).join(", ")}`);
  return job;
};

/** The identity a worker copies from its job into every fact it reports. */
const identity = (job: EnqueueDelivery) => ({
  destinationId: job.destinationId,
  attempt: job.attempt,
  idempotencyKey: job.idempotencyKey,
  ...(job.item === undefined ? {} : { item: job.item }),
});

const started = (job: EnqueueDelivery): PostEvent => ({
  type: "DELIVERY_STARTED",
  ...identity(job),
  now: now(),
});
const succeeded = (job: EnqueueDelivery, platformPostId: string): DeliveryFact => ({
  type: "DELIVERY_SUCCEEDED",
  ...identity(job),
  platformPostId,
  now: now(),
});
const failed = (job: EnqueueDelivery, retryable: boolean): DeliveryFact => ({
  type: "DELIVERY_FAILED",
  ...identity(job),
  error: {
    code: retryable ? "PLATFORM_ERROR" : "INVALID_CONTENT",
    message: retryable ? "X answered 503" : "X refused the reply",
    retryable,
  },
  now: now(),
});

/** The call went out and no answer came back: the platform may have the post. */
const timesOutAfterSending = (job: EnqueueDelivery): DeliveryFact => ({
  type: "DELIVERY_FAILED",
  ...identity(job),
  failure: { transportError: "ETIMEDOUT", requestSent: true },
  now: now(),
});

/** Publishes the thread and delivers its items while `outcome` says they succeed; returns the post and the last job. */
const publish = (post: Post): { post: Post; job: EnqueueDelivery } => {
  const d = accept(apply(post, { type: "PUBLISH", now: now() }));
  return { post: d.post, job: handedOut(d.outbox) };
};

/** The job runs and the platform posts it as `id`: the post and the next job, if any. */
const posts = (post: Post, job: EnqueueDelivery, id: string) => {
  const begun = run(post, started(job));
  const done = accept(apply(begun, succeeded(job, id)));
  const next = deliveries(done.outbox);
  return { post: done.post, outbox: done.outbox, next: next[0] };
};

describe("a thread delivered item by item", () => {
  it("posts each item under its own key, each reply naming the item it answers", () => {
    let { post, job } = publish(thread());
    expect(job.item).toBe(0);
    expect(job.replyTo).toBeUndefined();
    const seen: EnqueueDelivery[] = [job];
    const ids = ["p0", "p1", "p2"];
    for (const [k, id] of ids.entries()) {
      const step = posts(post, job, id);
      post = step.post;
      expect(step.outbox).toContainEqual(
        expect.objectContaining({ event: "destination.item_published", item: k }),
      );
      if (k < ids.length - 1) {
        const next = step.next as EnqueueDelivery;
        expect(next.item).toBe(k + 1);
        expect(next.replyTo).toBe(id);
        expect(next.attempt).toBe(1);
        expect(post.status).toBe("publishing");
        seen.push(next);
        job = next;
      } else {
        expect(step.next).toBeUndefined();
      }
    }
    const d = dest(post, "d-x");
    expect(post.status).toBe("published");
    expect(d.status).toBe("published");
    expect(d.platformPostId).toBe("p0");
    expect(d.items?.map((i) => [i.status, i.platformPostId])).toEqual([
      ["published", "p0"],
      ["published", "p1"],
      ["published", "p2"],
    ]);
    const keys = seen.map((j) => j.idempotencyKey);
    expect(new Set(keys).size).toBe(3);
    expect(d.items?.map((i) => i.idempotencyKey)).toEqual(keys);
  });

  it("a post whose first item is live is publishing while the next waits for a worker, never queued", () => {
    const { post, job } = publish(thread());
    expect(post.status).toBe("queued");
    const step = posts(post, job, "p0");
    expect(dest(step.post, "d-x").status).toBe("queued");
    expect(step.post.status).toBe("publishing");
  });
});

describe("postiz #1525: only the first item of a thread published", () => {
  const firstOnly = () => {
    const { post, job } = publish(thread());
    const { post: after0, next } = posts(post, job, "p0");
    const reply = next as EnqueueDelivery;
    const decided = accept(apply(run(after0, started(reply)), failed(reply, false)));
    return { post: decided.post, outbox: decided.outbox, reply };
  };

  it("is partly published, destination and group, never failed", () => {
    const { post, outbox } = firstOnly();
    const d = dest(post, "d-x");
    expect(d.status).toBe("partially_published");
    expect(post.status).toBe("partially_published");
    expect(d.platformPostId).toBe("p0");
    expect(d.error?.code).toBe("INVALID_CONTENT");
    expect(d.items?.map((i) => i.status)).toEqual(["published", "failed", "pending"]);
    expect(kinds(outbox)).toContain("webhook:destination.partially_published");
    expect(kinds(outbox)).not.toContain("webhook:destination.failed");
    expect(kinds(outbox)).toContain("webhook:post.partially_published");
  });

  it("resumes at the failed item on RETRY_FAILED, under the last live one, and never posts the first again", () => {
    const { post, reply } = firstOnly();
    const retried = accept(apply(post, { type: "RETRY_FAILED", now: now() }));
    const job = handedOut(retried.outbox);
    expect(job.item).toBe(1);
    expect(job.replyTo).toBe("p0");
    expect(job.idempotencyKey).not.toBe(reply.idempotencyKey);
    const r1 = posts(retried.post, job, "p1");
    const last = r1.next as EnqueueDelivery;
    expect([last.item, last.replyTo]).toEqual([2, "p1"]);
    const r2 = posts(r1.post, last, "p2");
    expect(r2.post.status).toBe("published");
    expect(dest(r2.post, "d-x").items?.map((i) => i.platformPostId)).toEqual(["p0", "p1", "p2"]);
  });

  it("cannot be deleted: something of it is live", () => {
    expect(reject(apply(firstOnly().post, { type: "DELETE" })).reason).toBe(
      "not_allowed_in_status",
    );
    const { post, job } = publish(thread());
    const waiting = posts(post, job, "p0").post;
    expect(reject(apply(waiting, { type: "DELETE" })).reason).toBe("delivery_under_way");
  });
});

describe("a failure at item k resumes at item k", () => {
  const atItem1 = () => {
    const { post, job } = publish(thread());
    const { post: after0, next } = posts(post, job, "p0");
    return { post: run(after0, started(next as EnqueueDelivery)), job: next as EnqueueDelivery };
  };

  it("an automatic retry sends item k again under its own key, replying to item k - 1", () => {
    const { post, job } = atItem1();
    const retrying = accept(apply(post, failed(job, true)));
    expect(dest(retrying.post, "d-x").status).toBe("retrying");
    const timer = retrying.outbox.find((i) => i.type === "schedule_retry");
    if (timer?.type !== "schedule_retry") throw new Error("no retry timer");
    expect(timer.item).toBe(1);
    const due = accept(
      apply(retrying.post, {
        type: "RETRY_DUE",
        destinationId: "d-x",
        attempt: timer.attempt,
        idempotencyKey: timer.idempotencyKey,
        now: timer.at,
      }),
    );
    const again = handedOut(due.outbox);
    expect([again.item, again.replyTo, again.idempotencyKey, again.attempt]).toEqual([
      1,
      "p0",
      job.idempotencyKey,
      2,
    ]);
  });

  it("a reply that timed out after sending is looked up under its parent, and found, moves on", () => {
    const { post, job } = atItem1();
    const timedOut = accept(apply(post, timesOutAfterSending(job)));
    const lookUp = timedOut.outbox.find((i) => i.type === "request_reconciliation");
    if (lookUp?.type !== "request_reconciliation") throw new Error("no look-up");
    expect([lookUp.item, lookUp.replyTo, lookUp.idempotencyKey]).toEqual([
      1,
      "p0",
      job.idempotencyKey,
    ]);
    const found = accept(
      apply(timedOut.post, {
        type: "RECONCILED",
        destinationId: "d-x",
        attempt: lookUp.attempt,
        idempotencyKey: lookUp.idempotencyKey,
        item: 1,
        found: { platformPostId: "p1" },
        now: now(),
      }),
    );
    const next = handedOut(found.outbox);
    expect([next.item, next.replyTo]).toEqual([2, "p1"]);
    expect(deliveries(found.outbox).every((j) => (j.item ?? 0) > 1)).toBe(true);
  });

  it("a reply the platform does not have is sent again as that reply, under the same key", () => {
    const { post, job } = atItem1();
    const timedOut = accept(apply(post, timesOutAfterSending(job)));
    const notFound = accept(
      apply(timedOut.post, {
        type: "RECONCILED",
        ...identity(job),
        found: null,
        now: now(),
      }),
    );
    const again = handedOut(notFound.outbox);
    expect([again.item, again.replyTo, again.idempotencyKey]).toEqual([
      1,
      "p0",
      job.idempotencyKey,
    ]);
  });
});

describe("a first item whose outcome was unknown", () => {
  it("found live after the thread failed: partly published, and a retry resumes at the next item", () => {
    const { post, job } = publish(thread({ maxAttempts: 1 }));
    let p = run(post, started(job), {
      type: "DELIVERY_FAILED",
      ...identity(job),
      failure: { transportError: "ETIMEDOUT", requestSent: true },
      now: now(),
    });
    p = run(p, { type: "RECONCILED", ...identity(job), found: null, now: now() });
    expect(dest(p, "d-x").status).toBe("failed");
    const found = accept(
      apply(p, {
        type: "RECONCILED",
        ...identity(job),
        found: { platformPostId: "p0" },
        now: now(),
      }),
    );
    const d = dest(found.post, "d-x");
    expect(d.status).toBe("partially_published");
    expect(d.error?.outcomeUnknown).toBeUndefined();
    const retried = accept(apply(found.post, { type: "RETRY_FAILED", now: now() }));
    expect(handedOut(retried.outbox)).toMatchObject({ item: 1, replyTo: "p0" });
  });
});

describe("facts about other items", () => {
  const atItem1 = () => {
    const { post, job } = publish(thread());
    const { post: after0, next } = posts(post, job, "p0");
    return { post: after0, first: job, job: next as EnqueueDelivery };
  };

  it("a second report of a live item is old news; a different post for it is a double post, surfaced", () => {
    const { post, first } = atItem1();
    const again = apply(post, succeeded(first, "p0"));
    expect(again.ok && again.ignored).toBe("stale");
    const twice = accept(apply(post, succeeded(first, "p0-bis")));
    const report = twice.outbox.find((i) => i.type === "report_duplicate");
    expect(report).toMatchObject({ platformPostId: "p0", duplicatePlatformPostId: "p0-bis" });
    expect(dest(twice.post, "d-x").status).toBe("queued");
  });

  it("a fact about an item delivery has not reached, or has passed, is stale", () => {
    const { post } = atItem1();
    const early = apply(post, {
      type: "DELIVERY_STARTED",
      destinationId: "d-x",
      item: 2,
      now: now(),
    });
    expect(early.ok && early.ignored).toBe("stale");
    const ahead = apply(post, {
      type: "DELIVERY_SUCCEEDED",
      destinationId: "d-x",
      item: 2,
      platformPostId: "p2",
      now: now(),
    });
    expect(ahead.ok && ahead.ignored).toBe("stale");
    const failure = apply(post, {
      type: "DELIVERY_FAILED",
      destinationId: "d-x",
      item: 0,
      error: { code: "INVALID_CONTENT", message: "late", retryable: false },
      now: now(),
    });
    expect(failure.ok && failure.ignored).toBe("stale");
    // A report that names neither item nor key could be about any live item: it proves nothing.
    const vague = apply(post, {
      type: "DELIVERY_SUCCEEDED",
      destinationId: "d-x",
      platformPostId: "p9",
      now: now(),
    });
    expect(vague.ok && vague.ignored).toBe("stale");
  });

  it("a cancel part-way leaves the thread partly published, not cancelled", () => {
    const { post } = atItem1();
    const cancelled = accept(apply(post, { type: "CANCEL" }));
    expect(dest(cancelled.post, "d-x").status).toBe("partially_published");
    expect(dest(cancelled.post, "d-x").items?.map((i) => i.status)).toEqual([
      "published",
      "cancelled",
      "pending",
    ]);
    expect(cancelled.post.status).toBe("partially_published");
  });
});
