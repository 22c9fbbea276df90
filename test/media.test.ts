/**
 * Media the platform processes in a step of its own: the waiting is a status
 * (`processing_media`) polled at the platform's pace, never a failure
 * (postiz #1562: an Instagram container read as a hard error although it was
 * ready five seconds later), and only the publish call may have published
 * (postiz PR #1813: the irreversible call mixed up with the waiting).
 */
import { describe, expect, it } from "vitest";
import {
  apply,
  type DeliveryFact,
  type EnqueueDelivery,
  type Instruction,
  type MediaStatusEvent,
  mediaFact,
  mediaStateOf,
  type PollMedia,
  type Post,
} from "../src/index.js";
import { draftOf } from "./support/draft.js";
import { accept, dest, kinds, reject, run } from "./support/seed-fixtures.js";

const T0 = Date.parse("2026-04-20T14:00:00.000Z");
const at = (s: number) => new Date(T0 + s * 1000).toISOString();
const seconds = (iso: string) => (Date.parse(iso) - T0) / 1000;

const video = { kind: "video" as const, url: "https://cdn.example.com/launch.mp4" };

const postTo = (platform: "instagram" | "tiktok", retry = {}): Post =>
  draftOf({
    id: "post-1",
    content: "Launch day",
    media: [video],
    destinations: [{ id: "d-1", platform, accountId: "acct-1" }],
    retry,
  });

const one = <T extends Instruction["type"]>(
  outbox: readonly Instruction[],
  type: T,
): Extract<Instruction, { type: T }> => {
  const found = outbox.filter((i) => i.type === type);
  expect(found, kinds(outbox).join(", ")).toHaveLength(1);
  return found[0] as Extract<Instruction, { type: T }>;
};

/** Published and started: the worker holds the attempt in flight. */
const inFlight = (post: Post, s = 1) => {
  const queued = accept(apply(post, { type: "PUBLISH", now: at(0) }));
  const job = one(queued.outbox, "enqueue_delivery");
  const started = run(queued.post, {
    type: "DELIVERY_STARTED",
    destinationId: "d-1",
    attempt: job.attempt,
    idempotencyKey: job.idempotencyKey,
    now: at(s),
  });
  return { post: started, job };
};

const media = (
  job: EnqueueDelivery | PollMedia,
  status: string,
  s: number,
  more: Partial<MediaStatusEvent> = {},
): MediaStatusEvent => ({
  type: "MEDIA_STATUS",
  destinationId: "d-1",
  idempotencyKey: job.idempotencyKey,
  containerId: "container-1",
  status,
  now: at(s),
  ...more,
});

/** The wait for media runs out: its deadline fires on time. */
const waitRunsOut = (waiting: { post: Post; outbox: readonly Instruction[] }) => {
  const deadline = one(waiting.outbox, "arm_deadline");
  const passed = accept(
    apply(waiting.post, {
      type: "DEADLINE_PASSED",
      destinationId: "d-1",
      jobKey: deadline.jobKey,
      now: deadline.at,
    }),
  );
  return { deadline, passed };
};

describe("mediaStateOf: each platform's words, as data", () => {
  it.each([
    ["instagram", "IN_PROGRESS", "processing"],
    ["instagram", "FINISHED", "ready"],
    ["instagram", "ERROR", "failed"],
    ["instagram", "EXPIRED", "expired"],
    ["instagram", "PUBLISHED", "live"],
    ["threads", "FINISHED", "ready"],
    ["tiktok", "PROCESSING_UPLOAD", "processing"],
    ["tiktok", "PROCESSING_DOWNLOAD", "processing"],
    ["tiktok", "SEND_TO_USER_INBOX", "live"],
    ["tiktok", "PUBLISH_COMPLETE", "live"],
    ["tiktok", "FAILED", "failed"],
    ["youtube", "uploaded", "processing"],
    ["youtube", "processed", "live"],
    ["youtube", "rejected", "failed"],
    // A word postlife does not know keeps the wait, which its deadline bounds.
    ["instagram", "SOMETHING_NEW", "processing"],
    ["instagram", "constructor", "processing"],
  ] as const)("%s %s is %s", (platform, word, state) => {
    expect(mediaStateOf(platform, word)).toBe(state);
  });
});

describe("postiz #1562: an Instagram container still processing is waited on, never failed", () => {
  it("IN_PROGRESS polls again, later each time, until FINISHED hands out the publish call", () => {
    const { post, job } = inFlight(postTo("instagram"));
    const first = accept(apply(post, media(job, "IN_PROGRESS", 2)));
    expect(dest(first.post, "d-1").status).toBe("processing_media");
    expect(first.post.status).toBe("publishing");
    const poll1 = one(first.outbox, "poll_media");
    expect(seconds(poll1.at) - 2).toBe(60); // Meta: about once a minute
    expect(kinds(first.outbox)).toContain("arm_deadline");
    const second = accept(
      apply(first.post, media(poll1, "IN_PROGRESS", seconds(poll1.at), { poll: poll1.poll })),
    );
    const poll2 = one(second.outbox, "poll_media");
    expect([poll2.poll, seconds(poll2.at) - seconds(poll1.at)]).toEqual([2, 120]);
    expect(kinds(second.outbox)).not.toContain("arm_deadline"); // one deadline for the whole wait

    const ready = accept(
      apply(second.post, media(poll2, "FINISHED", seconds(poll2.at) + 5, { poll: poll2.poll })),
    );
    const publishCall = one(ready.outbox, "enqueue_delivery");
    expect(publishCall.containerId).toBe("container-1");
    expect(dest(ready.post, "d-1").status).toBe("queued");
    const live = run(
      ready.post,
      {
        type: "DELIVERY_STARTED",
        destinationId: "d-1",
        attempt: publishCall.attempt,
        idempotencyKey: publishCall.idempotencyKey,
        now: at(400),
      },
      {
        type: "DELIVERY_SUCCEEDED",
        destinationId: "d-1",
        attempt: publishCall.attempt,
        idempotencyKey: publishCall.idempotencyKey,
        platformPostId: "17900000000000001",
        now: at(401),
      },
    );
    expect(live.status).toBe("published");
    expect(dest(live, "d-1").containerId).toBeUndefined();
  });

  it("the platform's retry-after and the per-token budget set the earliest next poll", () => {
    const { post, job } = inFlight(postTo("instagram"));
    const asked = accept(apply(post, media(job, "IN_PROGRESS", 2, { retryAfterMs: 300_000 })));
    expect(seconds(one(asked.outbox, "poll_media").at) - 2).toBe(300);
    const tiktok = inFlight(postTo("tiktok"));
    const polled = accept(apply(tiktok.post, media(tiktok.job, "PROCESSING_UPLOAD", 2)));
    // TikTok: 5 s by its guidance, above the 2 s that 30 fetches a minute allow.
    expect(seconds(one(polled.outbox, "poll_media").at) - 2).toBe(5);
  });

  it("a poll carried out twice polls again once: only the answer to the poll awaited is news", () => {
    const { post, job } = inFlight(postTo("instagram"));
    const first = accept(apply(post, media(job, "IN_PROGRESS", 2)));
    const poll = one(first.outbox, "poll_media");
    const answer = mediaFact(poll, { status: "IN_PROGRESS", now: poll.at });
    const answered = accept(apply(first.post, answer));
    expect(one(answered.outbox, "poll_media").poll).toBe(2);
    const again = apply(answered.post, answer);
    expect(again.ok && again.ignored).toBe("duplicate");
    const firstReportAgain = apply(answered.post, media(job, "IN_PROGRESS", 3));
    expect(firstReportAgain.ok && firstReportAgain.ignored).toBe("stale");
  });

  it("a word about another container is stale; a final word in MEDIA_STATUS names the fact to send", () => {
    const { post, job } = inFlight(postTo("instagram"));
    const waiting = run(post, media(job, "IN_PROGRESS", 2));
    const other = apply(
      waiting,
      media(job, "IN_PROGRESS", 3, { containerId: "container-0", poll: 1 }),
    );
    expect(other.ok && other.ignored).toBe("stale");
    const final = reject(apply(waiting, media(job, "PUBLISHED", 3, { poll: 1 })));
    expect(final.reason).toBe("malformed_event");
    expect(final.message).toContain("DELIVERY_SUCCEEDED");
  });
});

describe("postiz PR #1813: only the publish call may have published", () => {
  it("a container never ready fails when its wait runs out, nothing published, never looked up", () => {
    const { post, job } = inFlight(postTo("instagram"));
    const waiting = accept(apply(post, media(job, "IN_PROGRESS", 2)));
    const { deadline, passed } = waitRunsOut(waiting);
    const d = dest(passed.post, "d-1");
    expect(d.status).toBe("failed");
    expect(d.error?.code).toBe("WAIT_TOO_LONG");
    expect(d.error?.outcomeUnknown).toBeUndefined();
    expect(kinds(passed.outbox)).not.toContain("request_reconciliation");
    expect(seconds(deadline.at) - 2).toBe(24 * 3600); // a container lives 24 hours
  });

  it("after TikTok's publish call, processing that outlives its wait is looked up: the post may be live", () => {
    const { post, job } = inFlight(postTo("tiktok"));
    const waiting = accept(apply(post, media(job, "PROCESSING_UPLOAD", 2)));
    const { passed } = waitRunsOut(waiting);
    expect(dest(passed.post, "d-1").status).toBe("unconfirmed");
    expect(kinds(passed.outbox)).toContain("request_reconciliation");
  });

  it("an expired container is created again while an attempt is left, then the destination fails", () => {
    const { post, job } = inFlight(postTo("instagram"));
    const waiting = run(post, media(job, "IN_PROGRESS", 2));
    const expired = accept(apply(waiting, media(job, "EXPIRED", 90_000, { poll: 1 })));
    const again = one(expired.outbox, "enqueue_delivery");
    expect(again.containerId).toBeUndefined();
    expect(dest(expired.post, "d-1")).toMatchObject({ status: "queued" });
    const once = inFlight(postTo("instagram", { maxAttempts: 1 }));
    const lastTry = run(once.post, media(once.job, "IN_PROGRESS", 2));
    const gone = accept(apply(lastTry, media(once.job, "EXPIRED", 90_000, { poll: 1 })));
    expect(dest(gone.post, "d-1").error?.code).toBe("WAIT_TOO_LONG");
    expect(kinds(gone.outbox)).not.toContain("enqueue_delivery");
  });

  it("a container error is a platform failure, classified: retried with a new container, or failed", () => {
    const { post, job } = inFlight(postTo("instagram", { maxAttempts: 3 }));
    const waiting = accept(apply(post, media(job, "IN_PROGRESS", 2)));
    const poll = one(waiting.outbox, "poll_media");
    const failed: DeliveryFact = mediaFact(poll, { status: "ERROR", reason: "2", now: at(70) });
    expect(failed.type).toBe("DELIVERY_FAILED");
    const decided = accept(apply(waiting.post, failed));
    const d = dest(decided.post, "d-1");
    expect(d.status).toBe("retrying"); // Meta's code 2: a server error, retryable
    expect(d.containerId).toBeUndefined();
    expect(kinds(decided.outbox)).not.toContain("request_reconciliation");
  });
});

describe("a late answer about an earlier attempt's upload", () => {
  it("is stale: it never fails, nor publishes, the attempt in flight", () => {
    const { post, job } = inFlight(postTo("tiktok", { maxAttempts: 3 }));
    const waiting = accept(apply(post, media(job, "PROCESSING_UPLOAD", 2)));
    const poll = one(waiting.outbox, "poll_media");
    expect(poll.attempt).toBe(1);
    // Attempt 1 timed out meanwhile, was looked up, not found, and attempt 2 is in flight.
    const deadline = one(waiting.outbox, "arm_deadline");
    const lookedUp = accept(
      apply(waiting.post, {
        type: "DEADLINE_PASSED",
        destinationId: "d-1",
        jobKey: deadline.jobKey,
        now: deadline.at,
      }),
    );
    const again = run(
      lookedUp.post,
      {
        type: "RECONCILED",
        destinationId: "d-1",
        attempt: 1,
        idempotencyKey: job.idempotencyKey,
        found: null,
        now: deadline.at,
      },
      {
        type: "DELIVERY_STARTED",
        destinationId: "d-1",
        attempt: 2,
        idempotencyKey: job.idempotencyKey,
        now: deadline.at,
      },
    );
    const late = apply(
      again,
      mediaFact(poll, { status: "FAILED", reason: "internal_error", now: deadline.at }),
    );
    expect(late.ok && late.ignored).toBe("stale");
  });
});

describe("mediaFact", () => {
  const poll: PollMedia = {
    type: "poll_media",
    postId: "post-1",
    destinationId: "d-1",
    platform: "tiktok",
    accountId: "acct-1",
    idempotencyKey: "post-1:d-1:0:0",
    attempt: 1,
    containerId: "v_pub_file~v2-1.123",
    poll: 3,
    at: at(10),
  };

  it("TikTok's PUBLISH_COMPLETE is the success, named by the post id, else by the upload", () => {
    expect(
      mediaFact(poll, { status: "PUBLISH_COMPLETE", platformPostId: "7350", now: at(11) }),
    ).toMatchObject({ type: "DELIVERY_SUCCEEDED", platformPostId: "7350" });
    expect(mediaFact(poll, { status: "SEND_TO_USER_INBOX", now: at(11) })).toMatchObject({
      type: "DELIVERY_SUCCEEDED",
      platformPostId: "v_pub_file~v2-1.123",
    });
  });

  it("TikTok's FAILED carries its fail_reason, which classifies like any TikTok error", () => {
    const fact = mediaFact(poll, {
      status: "FAILED",
      reason: "picture_size_check_failed",
      now: at(11),
    });
    expect(fact).toMatchObject({
      type: "DELIVERY_FAILED",
      failure: { platform: "tiktok", code: "picture_size_check_failed" },
    });
    const { post, job } = inFlight(postTo("tiktok"));
    const waiting = run(
      post,
      media(job, "PROCESSING_UPLOAD", 2, { containerId: poll.containerId }),
    );
    const failed = accept(
      apply(
        waiting,
        mediaFact(
          { ...poll, idempotencyKey: job.idempotencyKey },
          {
            status: "FAILED",
            reason: "picture_size_check_failed",
            now: at(11),
          },
        ),
      ),
    );
    expect(dest(failed.post, "d-1").error?.code).toBe("CONTENT_TOO_LARGE");
  });

  it("a container PUBLISHED names no post: never a success with a made-up id", () => {
    const instagram = { ...poll, platform: "instagram", containerId: "17889455560051444" };
    expect(mediaFact(instagram, { status: "PUBLISHED", now: at(11) }).type).toBe("MEDIA_STATUS");
    expect(
      mediaFact(instagram, {
        status: "PUBLISHED",
        platformPostId: "17900000000000001",
        now: at(11),
      }),
    ).toMatchObject({ type: "DELIVERY_SUCCEEDED", platformPostId: "17900000000000001" });
  });

  it("a word of the wait stays a MEDIA_STATUS, with the platform's retry-after", () => {
    expect(
      mediaFact(poll, { status: "PROCESSING_DOWNLOAD", retryAfterMs: 9000, now: at(11) }),
    ).toEqual({
      type: "MEDIA_STATUS",
      destinationId: "d-1",
      idempotencyKey: "post-1:d-1:0:0",
      attempt: 1,
      containerId: "v_pub_file~v2-1.123",
      status: "PROCESSING_DOWNLOAD",
      retryAfterMs: 9000,
      poll: 3,
      now: at(11),
    });
  });
});
