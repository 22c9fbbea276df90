/**
 * The commands people give a post (src/post/*.ts), driven through `apply` on
 * the realistic launch post of seed 001 (X, LinkedIn and Threads): leaving
 * the draft and the order its checks run in, review, edits, the scheduled
 * job, cancel, delete, manual retry, and the events each status allows.
 */
import { describe, expect, it } from "vitest";
import { newPost } from "../src/domain/post.js";
import {
  allowedEvents,
  apply,
  createPost,
  type Destination,
  defaultRetryPolicy,
  editableFields,
  idempotencyKey,
  type Post,
  type PostEvent,
  type PublishError,
  scheduleJobKey,
} from "../src/index.js";
import { draftOf, violationsOf } from "./support/draft.js";
import {
  AT,
  accept,
  CONTENT,
  dest,
  failed,
  invalidContent,
  kinds,
  LINKEDIN,
  launchDraft,
  NOW,
  ofType,
  POST_ID,
  postIn,
  reject,
  run,
  serverError,
  started,
  succeeded,
  THREADS,
  X,
} from "./support/seed-fixtures.js";

const PAST = "2026-04-18T09:00:00.000Z";
const LATER = "2026-04-21T10:00:00.000Z";
const publishNow: PostEvent = { type: "PUBLISH", now: NOW };
const scheduleAt = (at: string): PostEvent => ({ type: "SCHEDULE", at, now: NOW });
const submit: PostEvent = { type: "SUBMIT_FOR_APPROVAL", now: NOW };
const edit = (changes: Record<string, unknown>, now?: string): PostEvent =>
  ({ type: "EDIT", changes, ...(now === undefined ? {} : { now }) }) as PostEvent;

/** The post's destinations as `id:status`. */
const statuses = (post: Post): string[] => post.destinations.map((d) => `${d.id}:${d.status}`);

/**
 * A draft that breaks several leave-the-draft rules at once, minus the ones
 * in `fixed`. Built as stored (createPost refuses two destinations with one
 * id; an EDIT can still make them).
 */
const broken = (
  fixed: readonly ("approval" | "destinations" | "duplicates")[],
  content = "",
): Post =>
  newPost({
    id: POST_ID,
    content,
    requiresApproval: !fixed.includes("approval"),
    destinations: fixed.includes("destinations")
      ? fixed.includes("duplicates")
        ? [X, LINKEDIN]
        : [X, X]
      : [],
  });

describe("leaving the draft: the checks, in the order a person fixes things", () => {
  it("approval_required comes first, before any problem of the post itself", () => {
    for (const event of [publishNow, scheduleAt(PAST)]) {
      expect(reject(apply(broken([]), event))).toMatchObject({
        reason: "approval_required",
        status: "draft",
        eventType: event.type,
      });
    }
  });

  it("SUBMIT_FOR_APPROVAL is how an approval post leaves the draft: it skips that check", () => {
    expect(reject(apply(broken([]), submit)).reason).toBe("no_destinations");
  });

  it("then no_destinations, at path destinations", () => {
    expect(reject(apply(broken(["approval"]), publishNow))).toMatchObject({
      reason: "no_destinations",
      path: "destinations",
    });
  });

  it("then duplicate_destination, naming the second use of the id", () => {
    expect(reject(apply(broken(["approval", "destinations"]), publishNow))).toMatchObject({
      reason: "duplicate_destination",
      path: "destinations[1].id",
      destinationId: "d-x",
    });
  });

  it("a stored scheduledAt or retry policy no post of postlife's has is invalid_post, on any event", () => {
    const draft = broken(["approval", "destinations", "duplicates"], CONTENT);
    for (const stored of [
      { ...draft, scheduledAt: "next friday" },
      { ...draft, retry: { ...draft.retry, maxAttempts: 0 } },
    ]) {
      for (const event of [publishNow, scheduleAt(PAST), edit({ content: "x" })]) {
        expect(reject(apply(stored, event)).reason).toBe("invalid_post");
      }
    }
    expect(reject(apply({ ...draft, scheduledAt: "next friday" }, publishNow))).toMatchObject({
      path: "scheduledAt",
    });
    expect(
      reject(apply({ ...draft, retry: { ...draft.retry, maxAttempts: 0 } }, publishNow)),
    ).toMatchObject({
      path: "retry.maxAttempts",
      message: "post.retry.maxAttempts must be a whole number of at least 1",
    });
  });

  it.each([
    [{ baseDelayMs: 0 }, "retry.baseDelayMs", "a whole number of milliseconds, at least 1"],
    [{ baseDelayMs: 1.5 }, "retry.baseDelayMs", "a whole number of milliseconds, at least 1"],
    [{ baseDelayMs: 60_000, maxDelayMs: 30_000 }, "retry.maxDelayMs", "at least baseDelayMs"],
    [{ maxAttempts: 2.5 }, "retry.maxAttempts", "a whole number of at least 1"],
  ])(
    "retry options %j are refused at %s, by createPost and in a stored post",
    (retry, path, words) => {
      const created = createPost({ id: POST_ID, content: CONTENT, destinations: [X], retry });
      expect(created.ok || created.rejection).toMatchObject({ reason: "invalid_input", path });
      const stored = newPost({ id: POST_ID, content: CONTENT, destinations: [X], retry });
      const rejection = reject(apply(stored, publishNow));
      expect(rejection).toMatchObject({ reason: "invalid_post", path });
      expect(rejection.message).toContain(words);
    },
  );

  it("then schedule_in_past, before the content is looked at", () => {
    const post = broken(["approval", "destinations", "duplicates"]);
    expect(reject(apply(post, scheduleAt(PAST)))).toMatchObject({
      reason: "schedule_in_past",
      path: "at",
    });
    expect(reject(apply(post, scheduleAt(NOW))).reason).toBe("schedule_in_past");
  });

  it("content_invalid last, with every violation listed per destination", () => {
    const post = broken(["approval", "destinations", "duplicates"]);
    const rejection = reject(apply(post, scheduleAt(LATER)));
    expect(rejection.reason).toBe("content_invalid");
    expect(violationsOf(rejection)?.map((v) => [v.destinationId, v.rule, v.code])).toEqual([
      ["d-x", "text_or_media_required", "INVALID_CONTENT"],
      ["d-li", "text_or_media_required", "INVALID_CONTENT"],
    ]);
    expect(rejection.message).toContain("2 content rules broken");
  });

  it("a post fixed on every count leaves the draft", () => {
    const post = broken(["approval", "destinations", "duplicates"], CONTENT);
    expect(accept(apply(post, scheduleAt(LATER))).post.status).toBe("scheduled");
  });

  it("a destination override with text makes up for empty post content, only where it is set", () => {
    const post = launchDraft({
      content: " ",
      destinations: [{ ...X, content: "Only on X" }, LINKEDIN],
    });
    const rejection = reject(apply(post, publishNow));
    expect(violationsOf(rejection)?.map((v) => v.destinationId)).toEqual(["d-li"]);
    expect(rejection.message).toContain("1 content rule broken");
  });

  it("a post created with an empty destination list cannot leave the draft", () => {
    const post = draftOf({ id: POST_ID, content: CONTENT, destinations: [] });
    expect(post.destinations).toEqual([]);
    expect(reject(apply(post, publishNow)).reason).toBe("no_destinations");
  });
});

describe("review: SUBMIT_FOR_APPROVAL, APPROVE, REJECT", () => {
  const pending = (scheduledAt?: string) =>
    run(
      launchDraft({
        requiresApproval: true,
        ...(scheduledAt === undefined ? {} : { scheduledAt }),
      }),
      submit,
    );

  it("SUBMIT_FOR_APPROVAL sends every destination to review, with nothing in the outbox", () => {
    const decision = accept(apply(launchDraft({ requiresApproval: true }), submit));
    expect(decision.post.status).toBe("pending_approval");
    expect(statuses(decision.post)).toEqual([
      "d-x:pending_approval",
      "d-li:pending_approval",
      "d-threads:pending_approval",
    ]);
    expect(decision.outbox).toEqual([]);
  });

  it("APPROVE with scheduledAt ahead: scheduled, the job armed, post.scheduled announced", () => {
    const post = pending(AT);
    const decision = accept(apply(post, { type: "APPROVE", now: NOW }));
    expect(decision.post.status).toBe("scheduled");
    expect(statuses(decision.post).every((s) => s.endsWith(":scheduled"))).toBe(true);
    expect(decision.outbox).toEqual([
      {
        type: "arm_schedule",
        postId: POST_ID,
        jobKey: scheduleJobKey(POST_ID, post.revision),
        revision: post.revision,
        at: AT,
      },
      {
        type: "webhook",
        event: "post.scheduled",
        postId: POST_ID,
        revision: post.revision,
        at: AT,
      },
    ]);
    expect(decision.post.approvedAt).toBe(NOW);
  });

  it("APPROVE without a planned time: queued, every destination enqueued under its key", () => {
    const post = pending();
    const decision = accept(apply(post, { type: "APPROVE", now: NOW }));
    expect(decision.post.status).toBe("queued");
    expect(
      ofType(decision.outbox, "enqueue_delivery").map((i) => [
        i.destinationId,
        i.idempotencyKey,
        i.attempt,
      ]),
    ).toEqual([
      ["d-x", idempotencyKey(POST_ID, "d-x", 0, 0), 1],
      ["d-li", idempotencyKey(POST_ID, "d-li", 0, 0), 1],
      ["d-threads", idempotencyKey(POST_ID, "d-threads", 0, 0), 1],
    ]);
  });

  it("APPROVE after the planned time has passed queues the post now", () => {
    const decision = accept(
      apply(pending(AT), { type: "APPROVE", now: "2026-04-20T14:00:00.001Z" }),
    );
    expect(decision.post.status).toBe("queued");
    expect(kinds(decision.outbox)).not.toContain("arm_schedule");
  });

  it("REJECT sends the post and every destination back to draft, to be edited", () => {
    const decision = accept(apply(pending(AT), { type: "REJECT", reason: "tone" }));
    expect(decision.post.status).toBe("draft");
    expect(statuses(decision.post).every((s) => s.endsWith(":draft"))).toBe(true);
    expect(decision.outbox).toEqual([]);
    expect(accept(apply(decision.post, edit({ content: "Softer tone" }))).post.content).toBe(
      "Softer tone",
    );
  });

  it("content under review is frozen: a pending post takes no edit", () => {
    expect(reject(apply(pending(), edit({ content: "sneaky" })))).toMatchObject({
      reason: "not_allowed_in_status",
      status: "pending_approval",
    });
  });
});

describe("EDIT", () => {
  it("names a field that is not editable", () => {
    expect(reject(apply(launchDraft(), edit({ status: "published" })))).toMatchObject({
      reason: "field_not_editable",
      path: "changes.status",
    });
  });

  it("a change whose value is undefined changes nothing and is not checked", () => {
    const decision = accept(apply(launchDraft(), edit({ content: "New", status: undefined })));
    expect(decision.post.content).toBe("New");
  });

  it("every accepted edit bumps the revision, drafts included; a draft edit arms nothing", () => {
    const decision = accept(apply(launchDraft(), edit({ content: "" })));
    expect(decision.post.revision).toBe(1);
    expect(decision.outbox).toEqual([]);
  });

  describe("an approved, scheduled post", () => {
    const approved = () =>
      run(launchDraft({ requiresApproval: true, scheduledAt: AT }), submit, {
        type: "APPROVE",
        now: NOW,
      });

    it("keeps its approved content frozen", () => {
      for (const changes of [{ content: "changed" }, { media: [] }, { destinations: [X] }]) {
        const rejection = reject(apply(approved(), edit(changes)));
        expect(rejection.reason).toBe("field_not_editable");
        expect(rejection.message).toContain("frozen");
      }
    });

    it("keeps it frozen when the post went through review by choice: the reviewer approved exactly what is sent", () => {
      const reviewedByChoice = run(launchDraft({ scheduledAt: AT }), submit, {
        type: "APPROVE",
        now: NOW,
      });
      expect(reviewedByChoice).toMatchObject({ requiresApproval: false, approvedAt: NOW });
      for (const changes of [{ content: "changed" }, { media: [] }, { destinations: [X] }]) {
        expect(reject(apply(reviewedByChoice, edit(changes))).reason).toBe("field_not_editable");
      }
      expect(editableFields(reviewedByChoice)).toEqual(["scheduledAt"]);
      // Back in draft, the approval no longer holds: it is editable, and scheduled without review.
      const unscheduled = run(reviewedByChoice, { type: "UNSCHEDULE" });
      expect(unscheduled.approvedAt).toBeNull();
      const edited = run(unscheduled, edit({ content: "changed" }), {
        type: "SCHEDULE",
        at: AT,
        now: NOW,
      });
      expect(edited.status).toBe("scheduled");
      expect(editableFields(edited)).toContain("content");
    });

    it("can still be moved to another time, re-arming its job", () => {
      const post = approved();
      const decision = accept(apply(post, edit({ scheduledAt: LATER }, NOW)));
      expect(decision.post).toMatchObject({
        status: "scheduled",
        scheduledAt: LATER,
        revision: post.revision + 1,
      });
      // Subscribers hear of the new time.
      expect(kinds(decision.outbox)).toEqual([
        "disarm_schedule",
        "arm_schedule",
        "webhook:post.scheduled",
      ]);
      expect(ofType(decision.outbox, "webhook")[0]).toMatchObject({ at: LATER });
    });
  });

  describe("a scheduled post", () => {
    it("cannot have its time cleared: UNSCHEDULE it instead", () => {
      expect(reject(apply(postIn("scheduled"), edit({ scheduledAt: null }, NOW)))).toMatchObject({
        reason: "field_not_editable",
        path: "changes.scheduledAt",
      });
    });

    it("needs now to move its time, refused as malformed at path now", () => {
      expect(reject(apply(postIn("scheduled"), edit({ scheduledAt: LATER })))).toMatchObject({
        reason: "malformed_event",
        path: "now",
      });
    });

    it("cannot be moved into the past", () => {
      expect(reject(apply(postIn("scheduled"), edit({ scheduledAt: PAST }, NOW)))).toMatchObject({
        reason: "schedule_in_past",
        path: "changes.scheduledAt",
      });
    });

    it("is moved to a time given with an offset, stored in UTC, jobs re-armed for the new revision", () => {
      const post = postIn("scheduled");
      const decision = accept(apply(post, edit({ scheduledAt: "2026-04-21T12:00:00+02:00" }, NOW)));
      expect(decision.post.scheduledAt).toBe(LATER);
      expect(decision.outbox).toEqual([
        {
          type: "disarm_schedule",
          postId: POST_ID,
          jobKey: scheduleJobKey(POST_ID, post.revision),
        },
        {
          type: "arm_schedule",
          postId: POST_ID,
          jobKey: scheduleJobKey(POST_ID, post.revision + 1),
          revision: post.revision + 1,
          at: LATER,
        },
        {
          type: "webhook",
          event: "post.scheduled",
          postId: POST_ID,
          revision: post.revision + 1,
          at: LATER,
        },
      ]);
    });

    it("edited without moving its time announces nothing new: only the job is re-armed", () => {
      const decision = accept(apply(postIn("scheduled"), edit({ content: "New copy" })));
      expect(kinds(decision.outbox)).toEqual(["disarm_schedule", "arm_schedule"]);
    });

    it("keeps at least one destination", () => {
      expect(reject(apply(postIn("scheduled"), edit({ destinations: [] })))).toMatchObject({
        reason: "no_destinations",
        path: "changes.destinations",
      });
    });

    it("has its content checked on edit", () => {
      expect(reject(apply(postIn("scheduled"), edit({ content: "" }))).reason).toBe(
        "content_invalid",
      );
    });

    it("gives a destination added to it the scheduled status", () => {
      const added = { id: "d-bsky", platform: "bluesky", accountId: "did:plc:1" };
      const decision = accept(
        apply(postIn("scheduled"), edit({ destinations: [X, LINKEDIN, THREADS, added] })),
      );
      expect(dest(decision.post, "d-bsky")).toMatchObject({
        status: "scheduled",
        postType: "post",
        attempts: 0,
      });
      expect(decision.post.status).toBe("scheduled");
    });
  });

  it("gives a destination added to a draft the draft status", () => {
    const added = { id: "d-bsky", platform: "bluesky", accountId: "did:plc:1", postType: "thread" };
    const decision = accept(apply(launchDraft(), edit({ destinations: [X, added] })));
    expect(statuses(decision.post)).toEqual(["d-x:draft", "d-bsky:draft"]);
    expect(dest(decision.post, "d-bsky").postType).toBe("thread");
  });

  it("sets a destination's content override, and removes it when the list omits it", () => {
    const withOverride = accept(
      apply(
        launchDraft(),
        edit({ destinations: [{ ...X, content: "Shorter for X" }, LINKEDIN, THREADS] }),
      ),
    ).post;
    expect(dest(withOverride, "d-x").content).toBe("Shorter for X");
    expect(dest(withOverride, "d-li").content).toBeUndefined();
    const withoutOverride = accept(
      apply(withOverride, edit({ destinations: [X, LINKEDIN, THREADS] })),
    ).post;
    expect("content" in dest(withoutOverride, "d-x")).toBe(false);
  });

  it("refuses two destinations with one id in the new list, naming the second", () => {
    expect(reject(apply(launchDraft(), edit({ destinations: [X, LINKEDIN, X] })))).toMatchObject({
      reason: "duplicate_destination",
      path: "changes.destinations[2].id",
      destinationId: "d-x",
    });
  });

  it.each([
    ["platform", { ...X, platform: "mastodon" }],
    ["accountId", { ...X, accountId: "987" }],
    ["postType", { ...X, postType: "thread" }],
  ])("refuses a change of an existing destination's %s", (field, input) => {
    expect(reject(apply(launchDraft(), edit({ destinations: [input] })))).toMatchObject({
      reason: "field_not_editable",
      path: `changes.destinations[0].${field}`,
      destinationId: "d-x",
    });
  });

  it("keeps an existing destination's postType when the input leaves it out", () => {
    const post = launchDraft({ destinations: [{ ...X, postType: "thread" }] });
    expect(dest(accept(apply(post, edit({ destinations: [X] }))).post, "d-x").postType).toBe(
      "thread",
    );
  });

  it("takes nothing once delivery has started", () => {
    for (const status of [
      "queued",
      "publishing",
      "published",
      "failed",
      "cancelled",
      "deleted",
    ] as const) {
      expect(reject(apply(postIn(status), edit({ content: "late" }))).reason, status).toBe(
        "not_allowed_in_status",
      );
    }
  });
});

describe("DUE: the scheduled job fires", () => {
  it("a job armed for an older revision is ignored, the post untouched", () => {
    const post = run(postIn("scheduled"), edit({ content: "Edited" }));
    const decision = apply(post, { type: "DUE", now: AT, revision: post.revision - 1 });
    expect(decision).toMatchObject({ ok: true, ignored: "stale", outbox: [] });
    expect(decision.ok && decision.post).toBe(post);
  });

  it("early: too_early, with the instant it is accepted from", () => {
    expect(
      reject(apply(postIn("scheduled"), { type: "DUE", now: "2026-04-20T13:59:59.999Z" })),
    ).toMatchObject({
      reason: "too_early",
      acceptedFrom: AT,
    });
  });

  it("on time, with the current revision: every destination queued and enqueued", () => {
    const post = postIn("scheduled");
    const decision = accept(apply(post, { type: "DUE", now: AT, revision: post.revision }));
    expect(decision.post.status).toBe("queued");
    // Each delivery, and the deadline by which a worker must start it.
    expect(kinds(decision.outbox)).toEqual([
      "enqueue_delivery",
      "arm_deadline",
      "enqueue_delivery",
      "arm_deadline",
      "enqueue_delivery",
      "arm_deadline",
    ]);
  });

  it("outside scheduled, a DUE is a stale job", () => {
    for (const status of ["draft", "queued", "published"] as const) {
      expect(apply(postIn(status), { type: "DUE", now: AT })).toMatchObject({
        ok: true,
        ignored: "stale",
      });
    }
  });
});

/** The launch post during delivery: X in flight, LinkedIn waiting to retry, Threads queued. */
const underWay = (): Post =>
  run(
    postIn("queued"),
    started("d-x", "2026-04-19T09:00:01.000Z"),
    failed("d-li", serverError, "2026-04-19T09:00:02.000Z"),
  );

describe("CANCEL during delivery", () => {
  it("cancels only the queued and retrying destinations, asking for their deliveries to be removed", () => {
    const post = underWay();
    expect(statuses(post)).toEqual(["d-x:publishing", "d-li:retrying", "d-threads:queued"]);
    const decision = accept(apply(post, { type: "CANCEL" }));
    expect(statuses(decision.post)).toEqual([
      "d-x:publishing",
      "d-li:cancelled",
      "d-threads:cancelled",
    ]);
    expect(decision.post.status).toBe("publishing");
    expect(decision.outbox).toEqual([
      {
        type: "cancel_delivery",
        postId: POST_ID,
        destinationId: "d-li",
        idempotencyKey: dest(post, "d-li").idempotencyKey,
      },
      {
        type: "disarm_deadline",
        postId: POST_ID,
        destinationId: "d-threads",
        jobKey: `${dest(post, "d-threads").idempotencyKey}:start:1:1`,
      },
      {
        type: "cancel_delivery",
        postId: POST_ID,
        destinationId: "d-threads",
        idempotencyKey: dest(post, "d-threads").idempotencyKey,
      },
    ]);
    expect(dest(decision.post, "d-li").nextRetryAt).toBeUndefined();
  });

  it("when the one in flight then publishes, the post is partially published", () => {
    const cancelled = run(underWay(), { type: "CANCEL" });
    const decision = accept(apply(cancelled, succeeded("d-x", "1780", "2026-04-19T09:00:09.000Z")));
    expect(decision.post.status).toBe("partially_published");
    expect(kinds(decision.outbox)).toContain("webhook:post.partially_published");
  });

  it("nothing_to_cancel when every destination is in flight or done", () => {
    const post = run(
      underWay(),
      {
        type: "RETRY_DUE",
        destinationId: "d-li",
        now: dest(underWay(), "d-li").nextRetryAt as string,
      },
      started("d-li", "2026-04-19T09:05:00.000Z", 2),
      succeeded("d-threads", "18054", "2026-04-19T09:05:01.000Z"),
    );
    expect(statuses(post)).toEqual(["d-x:publishing", "d-li:publishing", "d-threads:published"]);
    expect(reject(apply(post, { type: "CANCEL" }))).toMatchObject({
      reason: "nothing_to_cancel",
      status: "publishing",
    });
  });

  it("a scheduled post is cancelled whole and its job disarmed", () => {
    const post = postIn("scheduled");
    const decision = accept(apply(post, { type: "CANCEL" }));
    expect(decision.post.status).toBe("cancelled");
    expect(kinds(decision.outbox)).toEqual(["disarm_schedule", "webhook:post.cancelled"]);
  });
});

describe("DELETE", () => {
  it("is refused with delivery_under_way while a destination is publishing", () => {
    expect(reject(apply(underWay(), { type: "DELETE" }))).toMatchObject({
      reason: "delivery_under_way",
      destinationId: "d-x",
      status: "publishing",
    });
  });

  it("is refused with delivery_under_way while a destination is unconfirmed", () => {
    const unknownOutcome: PublishError = {
      ...serverError,
      code: "TIMEOUT_ERROR",
      outcomeUnknown: true,
    };
    const post = run(postIn("queued"), failed("d-li", unknownOutcome, "2026-04-19T09:00:02.000Z"));
    expect(dest(post, "d-li").status).toBe("unconfirmed");
    expect(reject(apply(post, { type: "DELETE" }))).toMatchObject({
      reason: "delivery_under_way",
      destinationId: "d-li",
    });
  });

  it("is accepted on a failed post: deleted, the failed destinations keep their error", () => {
    const decision = accept(apply(postIn("failed"), { type: "DELETE" }));
    expect(decision.post.status).toBe("deleted");
    expect(decision.outbox).toEqual([]);
    expect(
      decision.post.destinations.every(
        (d: Destination) => d.status === "failed" && d.error?.code === "INVALID_CONTENT",
      ),
    ).toBe(true);
  });

  it("is accepted on a cancelled post", () => {
    expect(accept(apply(postIn("cancelled"), { type: "DELETE" })).post.status).toBe("deleted");
  });

  it("on a queued post cancels every delivery, disarms its deadline, and ends in deleted", () => {
    const decision = accept(apply(postIn("queued"), { type: "DELETE" }));
    expect(decision.post.status).toBe("deleted");
    expect(kinds(decision.outbox)).toEqual([
      "disarm_deadline",
      "cancel_delivery",
      "disarm_deadline",
      "cancel_delivery",
      "disarm_deadline",
      "cancel_delivery",
    ]);
  });

  it("on a scheduled post disarms its job", () => {
    const decision = accept(apply(postIn("scheduled"), { type: "DELETE" }));
    expect(kinds(decision.outbox)[0]).toBe("disarm_schedule");
  });

  it("is refused once anything is published", () => {
    expect(reject(apply(postIn("partially_published"), { type: "DELETE" })).reason).toBe(
      "not_allowed_in_status",
    );
  });
});

describe("RETRY_FAILED", () => {
  it("re-queues only the failed destinations, each with generation + 1 and a new key", () => {
    const post = postIn("partially_published");
    const decision = accept(apply(post, { type: "RETRY_FAILED", now: NOW }));
    const threads = dest(decision.post, "d-threads");
    const key = idempotencyKey(POST_ID, "d-threads", post.revision, 1);
    expect(threads).toMatchObject({
      status: "queued",
      generation: 1,
      attempts: 0,
      idempotencyKey: key,
    });
    expect(threads.idempotencyKey).not.toBe(dest(post, "d-threads").idempotencyKey);
    expect(threads.error).toBeUndefined();
    expect(decision.outbox).toEqual([
      {
        type: "enqueue_delivery",
        postId: POST_ID,
        destinationId: "d-threads",
        platform: "threads",
        accountId: THREADS.accountId,
        idempotencyKey: key,
        attempt: 1,
      },
      {
        type: "arm_deadline",
        postId: POST_ID,
        destinationId: "d-threads",
        jobKey: `${key}:start:1:1`,
        at: new Date(Date.parse(NOW) + defaultRetryPolicy.startWithinMs).toISOString(),
      },
    ]);
    expect(dest(decision.post, "d-x")).toBe(dest(post, "d-x"));
    expect(decision.post.status).toBe("publishing");
  });

  it("re-queues every destination of a failed post: queued again", () => {
    const decision = accept(apply(postIn("failed"), { type: "RETRY_FAILED", now: NOW }));
    expect(decision.post.status).toBe("queued");
    expect(decision.post.destinations.map((d) => d.generation)).toEqual([1, 1, 1]);
  });

  it("nothing_to_retry while delivery is under way and nothing has failed", () => {
    expect(reject(apply(underWay(), { type: "RETRY_FAILED", now: NOW }))).toMatchObject({
      reason: "nothing_to_retry",
      status: "publishing",
    });
  });

  it("during delivery, re-queues a destination that already failed", () => {
    const post = run(underWay(), failed("d-threads", invalidContent, "2026-04-19T09:00:03.000Z"));
    const decision = accept(apply(post, { type: "RETRY_FAILED", now: NOW }));
    expect(statuses(decision.post)).toEqual([
      "d-x:publishing",
      "d-li:retrying",
      "d-threads:queued",
    ]);
  });
});

describe("a late success after a final failure", () => {
  const late = (destinationId: string) =>
    succeeded(destinationId, `late-${destinationId}`, "2026-04-19T09:10:00.000Z");

  it("publishes the failed destination of a partially_published post: the post is published", () => {
    const decision = accept(apply(postIn("partially_published"), late("d-threads")));
    expect(decision.post.status).toBe("published");
    expect(dest(decision.post, "d-threads")).toMatchObject({
      status: "published",
      platformPostId: "late-d-threads",
    });
    expect(dest(decision.post, "d-threads").error).toBeUndefined();
    expect(decision.post.counts).toMatchObject({ published: 3, failed: 0 });
    expect(ofType(decision.outbox, "webhook").map((w) => w.event)).toEqual([
      "destination.published",
      "post.published",
    ]);
    // Nothing is left to retry by hand, so nothing can publish it a second time.
    expect(reject(apply(decision.post, { type: "RETRY_FAILED", now: NOW }))).toMatchObject({
      reason: "not_allowed_in_status",
    });
  });

  it("turns a failed post partially_published, then published", () => {
    const one = accept(apply(postIn("failed"), late("d-x")));
    expect(one.post.status).toBe("partially_published");
    expect(ofType(one.outbox, "webhook").map((w) => w.event)).toEqual([
      "destination.published",
      "post.partially_published",
    ]);
    const all = run(one.post, late("d-li"), late("d-threads"));
    expect(all.status).toBe("published");
  });

  it("the same late success twice: the second is a duplicate", () => {
    const once = accept(apply(postIn("failed"), late("d-x"))).post;
    const twice = apply(once, late("d-x"));
    expect(twice).toMatchObject({ ok: true, ignored: "duplicate" });
  });

  it("a deleted post stays deleted, and learns that its failed destination is live after all", () => {
    const deleted = run(postIn("failed"), { type: "DELETE" });
    expect(dest(deleted, "d-x").status).toBe("failed");
    const decision = accept(apply(deleted, late("d-x")));
    expect(decision.post.status).toBe("deleted");
    expect(dest(decision.post, "d-x")).toMatchObject({ status: "published" });
    expect(kinds(decision.outbox)).toEqual(["webhook:destination.published"]);
  });
});

describe("allowedEvents, per status", () => {
  it.each([
    ["draft", ["EDIT", "SCHEDULE", "PUBLISH", "SUBMIT_FOR_APPROVAL", "DELETE"]],
    ["pending_approval", ["APPROVE", "REJECT", "DELETE"]],
    ["scheduled", ["EDIT", "SCHEDULE", "UNSCHEDULE", "PUBLISH", "DUE", "CANCEL", "DELETE"]],
    [
      "queued",
      [
        "CANCEL",
        "DELETE",
        "DELIVERY_STARTED",
        "DELIVERY_SUCCEEDED",
        "DELIVERY_FAILED",
        "RECONCILED",
        "DEADLINE_PASSED",
      ],
    ],
    [
      "publishing",
      [
        "CANCEL",
        "DELIVERY_STARTED",
        "DELIVERY_SUCCEEDED",
        "DELIVERY_FAILED",
        "RECONCILED",
        // A destination in flight may report that the platform is processing its media.
        "MEDIA_STATUS",
        "DEADLINE_PASSED",
      ],
    ],
    // The platform is the truth: whatever was handed out may turn out live (or live twice).
    ["published", ["DELIVERY_SUCCEEDED", "RECONCILED"]],
    ["partially_published", ["RETRY_FAILED", "DELIVERY_SUCCEEDED", "RECONCILED"]],
    ["failed", ["DELETE", "RETRY_FAILED", "DELIVERY_SUCCEEDED", "RECONCILED"]],
    ["cancelled", ["DELETE", "DELIVERY_SUCCEEDED", "RECONCILED"]],
    // Deleted from draft: nothing was ever handed out.
    ["deleted", []],
  ] as const)("a %s launch post allows %j", (status, expected) => {
    expect(allowedEvents(postIn(status))).toEqual(expected);
  });

  it("a draft that needs approval can only be edited, submitted or deleted", () => {
    expect(allowedEvents(launchDraft({ requiresApproval: true }))).toEqual([
      "EDIT",
      "SUBMIT_FOR_APPROVAL",
      "DELETE",
    ]);
  });

  it("a draft with no destination can only be edited or deleted", () => {
    expect(allowedEvents(launchDraft({ destinations: [] }))).toEqual(["EDIT", "DELETE"]);
  });

  it("a post with a destination waiting to retry or unconfirmed allows RETRY_DUE or RECONCILED", () => {
    expect(allowedEvents(underWay())).toContain("RETRY_DUE");
    const unknownOutcome: PublishError = { ...serverError, outcomeUnknown: true };
    const unconfirmed = run(
      postIn("queued"),
      failed("d-x", unknownOutcome, "2026-04-19T09:00:02.000Z"),
    );
    expect(allowedEvents(unconfirmed)).toContain("RECONCILED");
    expect(allowedEvents(unconfirmed)).not.toContain("DELETE");
  });
});
