/**
 * Seeds 000/002 on the wire (src/wire/mcp-post-status.schema.ts,
 * src/wire/update-post.schema.ts): get_post_status (and publish_post's reply)
 * into a one-destination report, update_post into the commands `apply` takes;
 * the error object vendors report; tolerance, readable errors, and round trips.
 */
import { fc, test } from "@fast-check/vitest";
import * as Result from "effect/Result";
import * as Schema from "effect/Schema";
import { describe, expect, it } from "vitest";
import { apply, createPost, errorCodeTable, type PublishError } from "../src/index.js";
import {
  decodeMcpPostStatus,
  decodeUpdatePost,
  encodeMcpPostStatus,
  encodeUpdatePost,
  factsOf,
  type McpPostReport,
  McpPostStatusJson,
  ReportedErrorJson,
  type UpdatePostCommand,
  type UpdatePostCommands,
  UpdatePostJson,
} from "../src/wire/index.js";
import { expectValueOrReadableError, mutation } from "./support/mutation.js";
import { accept, launchDraft, NOW, postIn, reject, run } from "./support/seed-fixtures.js";
import { failure, ok, orNull } from "./support/wire-fixtures.js";

const POST = "pst_01H...";

/** The one item of a list (the test fails when there is not exactly one). */
const only = <T>(items: readonly T[]): T => {
  expect(items).toHaveLength(1);
  return items[0] as T;
};

describe("get_post_status: seed 000's typical flow", () => {
  it("publish_post's reply { postId, status: 'queued' } is a queued post with one destination, the post itself", () => {
    const report = ok(
      decodeMcpPostStatus(JSON.parse(`{ "postId": "${POST}", "status": "queued" }`)),
    );
    expect(report).toStrictEqual({
      id: POST,
      status: "queued",
      vendorStatus: "queued",
      destinations: [{ id: POST, status: "queued", vendorStatus: "queued" }],
    });
  });

  it("{ status: 'publishing' } has no postId: the caller's fills in, and without it the path is named", () => {
    const reply = JSON.parse(`{ "status": "publishing" }`);
    const report = ok(decodeMcpPostStatus(reply, { postId: POST }));
    expect(report.status).toBe("publishing");
    expect(report.destinations[0]?.id).toBe(POST);
    expect(factsOf(only(report.destinations), { destinationId: "d-x", now: NOW })).toStrictEqual([
      { type: "DELIVERY_STARTED", destinationId: "d-x", now: NOW },
    ]);
    expect(failure(decodeMcpPostStatus(reply))).toBe('Missing key\n  at ["postId"]');
  });

  it("{ status: 'published', externalId, externalUrl } confirms the publication", () => {
    const reply = {
      postId: POST,
      status: "published",
      externalId: "1780123456789012345",
      externalUrl: "https://x.com/i/status/1780123456789012345",
    };
    const report = ok(decodeMcpPostStatus(reply));
    expect(report.destinations[0]).toStrictEqual({
      id: POST,
      status: "published",
      vendorStatus: "published",
      platformPostId: "1780123456789012345",
      platformUrl: "https://x.com/i/status/1780123456789012345",
    });
    expect(factsOf(only(report.destinations), { destinationId: "d-x", now: NOW })).toStrictEqual([
      {
        type: "DELIVERY_SUCCEEDED",
        destinationId: "d-x",
        platformPostId: "1780123456789012345",
        platformUrl: "https://x.com/i/status/1780123456789012345",
        now: NOW,
      },
    ]);
    expect(ok(encodeMcpPostStatus(report))).toStrictEqual(reply);
  });

  it.each([
    ["pending", "queued"],
    ["queued", "queued"],
    ["processing", "publishing"],
    ["publishing", "publishing"],
    ["published", "published"],
    ["failed", "failed"],
    ["draft", "draft"],
    ["scheduled", "scheduled"],
    ["pending_approval", "pending_approval"],
    ["cancelled", "cancelled"],
  ] as const)("the seed's word %s is %s, for the post and its destination", (word, status) => {
    const report = ok(decodeMcpPostStatus({ postId: POST, status: word }));
    expect(report.status).toBe(status);
    expect(report.destinations[0]?.status).toBe(status);
    expect(ok(encodeMcpPostStatus(report)).status).toBe(word);
  });

  it("platformPostId / platformUrl, the seed's prose names, are read too; externalId wins", () => {
    const report = ok(
      decodeMcpPostStatus({
        postId: POST,
        status: "published",
        platformPostId: "a",
        platformUrl: "u",
      }),
    );
    expect(report.destinations[0]?.platformPostId).toBe("a");
    expect(ok(encodeMcpPostStatus(report))).toStrictEqual({
      postId: POST,
      status: "published",
      externalId: "a",
      externalUrl: "u",
    });
    const both = ok(
      decodeMcpPostStatus({
        postId: POST,
        status: "published",
        externalId: "b",
        platformPostId: "a",
      }),
    );
    expect(both.destinations[0]?.platformPostId).toBe("b");
  });
});

describe('get_post_status: thread items (seed 000: "delivery details, thread items, and media")', () => {
  const reply = {
    postId: POST,
    status: "processing",
    platform: "x",
    externalId: "1780000000000000000",
    threadItems: [
      {
        status: "published",
        externalId: "1780000000000000000",
        externalUrl: "https://x.com/i/status/1780000000000000000",
      },
      { status: "published", externalId: "1780000000000000001" },
      { status: "retrying" },
      { status: "pending" },
    ],
  };

  it("reads each item's status and post, and writes them back as they came", () => {
    const report = ok(decodeMcpPostStatus(reply));
    const d = only(report.destinations);
    expect(d.items?.map((i) => [i.status, i.platformPostId])).toEqual([
      ["published", "1780000000000000000"],
      ["published", "1780000000000000001"],
      ["retrying", undefined],
      ["pending", undefined],
    ]);
    expect(ok(encodeMcpPostStatus(report))).toStrictEqual(reply);
  });

  it("each live item is the success of that item, named: never of the thread's first post", () => {
    const report = ok(decodeMcpPostStatus(reply));
    const facts = factsOf(only(report.destinations), { destinationId: "d-x", now: NOW });
    expect(facts.map((f) => [f.type, "item" in f ? f.item : undefined])).toEqual([
      ["DELIVERY_SUCCEEDED", 0],
      ["DELIVERY_SUCCEEDED", 1],
    ]);
  });

  it("apply takes them: a thread polled part-way records its live items and goes on from there", () => {
    const draft = createPost({
      id: "p-thread",
      content: "1/ Launch",
      destinations: [
        { id: "d-x", platform: "x", accountId: "1", thread: ["2/ More", "3/ End", "4/ Bye"] },
      ],
    });
    if (!draft.ok) throw new Error(draft.rejection.message);
    const queued = run(draft.post, { type: "PUBLISH", now: NOW });
    const report = ok(decodeMcpPostStatus(reply));
    const facts = factsOf(only(report.destinations), { destinationId: "d-x", now: NOW });
    const polled = run(queued, ...facts);
    const d = polled.destinations[0];
    expect(d?.items?.map((i) => i.status)).toEqual(["published", "published", "queued", "pending"]);
  });
});

describe("get_post_status: seed 000's rules", () => {
  const url = "https://x.com/i/status/1780123456789012345";

  it("seed 000: externalUrl is exposed only once the post is published", () => {
    // "externalUrl is populated only after the network has confirmed the post; don't assume it
    // exists until status === "published"."
    for (const status of ["pending", "publishing", "failed", "scheduled"]) {
      const report = ok(decodeMcpPostStatus({ postId: POST, status, externalUrl: url }));
      expect(report.destinations[0]?.platformUrl, status).toBeUndefined();
    }
    const published = ok(
      decodeMcpPostStatus({ postId: POST, status: "published", externalUrl: url }),
    );
    expect(published.destinations[0]?.platformUrl).toBe(url);
    // Written: never before publication, whatever the report holds.
    const failed: McpPostReport = {
      id: POST,
      status: "failed",
      vendorStatus: "failed",
      destinations: [
        {
          id: POST,
          status: "failed",
          vendorStatus: "failed",
          platformPostId: "178",
          platformUrl: url,
        },
      ],
    };
    expect(ok(encodeMcpPostStatus(failed))).toStrictEqual({
      postId: POST,
      status: "failed",
      externalId: "178",
    });
    expect(ok(encodeMcpPostStatus(published)).externalUrl).toBe(url);
  });
});

describe("get_post_status: tolerance", () => {
  it("an unknown status word is kept, at both levels, and written back as it came", () => {
    const report = ok(decodeMcpPostStatus({ postId: POST, status: "archived" }));
    expect(report.status).toBe("unknown");
    expect(report.vendorStatus).toBe("archived");
    expect(report.destinations[0]).toMatchObject({ status: "unknown", vendorStatus: "archived" });
    expect(factsOf(only(report.destinations), { destinationId: "d", now: NOW })).toEqual([]);
    expect(ok(encodeMcpPostStatus(report)).status).toBe("archived");
  });

  it("fields nobody asked for are ignored; null reads as absent", () => {
    const report = ok(
      decodeMcpPostStatus({
        postId: POST,
        status: "scheduled",
        scheduledAt: "2026-04-20T14:00:00Z",
        externalId: null,
        externalUrl: null,
        error: null,
        replies: [{ text: "1/2" }],
        media: [],
      }),
    );
    expect(report).toStrictEqual({
      id: POST,
      status: "scheduled",
      vendorStatus: "scheduled",
      destinations: [{ id: POST, status: "scheduled", vendorStatus: "scheduled" }],
      scheduledAt: "2026-04-20T14:00:00Z",
    });
  });

  it("a failure: error as a bare message, or seed 001's object, an unknown code kept", () => {
    const bare = ok(
      decodeMcpPostStatus({ postId: POST, status: "failed", error: "Token expired" }),
    );
    expect(bare.destinations[0]?.error).toStrictEqual({
      code: "UNKNOWN_ERROR",
      message: "Token expired",
      retryable: false,
    });
    const object = ok(
      decodeMcpPostStatus({
        postId: POST,
        status: "failed",
        error: { code: "MEDIA_PROCESSING_FAILED", message: "bad video", platformStatusCode: null },
      }),
    );
    expect(object.destinations[0]?.error).toStrictEqual({
      code: "MEDIA_PROCESSING_FAILED",
      message: "bad video",
      retryable: false,
    });
    const [fact] = factsOf(only(object.destinations), { destinationId: "d", now: NOW });
    expect(fact).toMatchObject({
      type: "DELIVERY_FAILED",
      error: { code: "MEDIA_PROCESSING_FAILED" },
    });
    expect(ok(encodeMcpPostStatus(object)).error).toStrictEqual({
      code: "UNKNOWN_ERROR",
      message: "bad video",
      retryable: false,
      postlifeCode: "MEDIA_PROCESSING_FAILED",
    });
  });

  it.each([
    [{ postId: POST }, 'Missing key\n  at ["status"]'],
    [{ postId: 7, status: "queued" }, 'Expected string\n  at ["postId"]'],
    [
      { postId: "", status: "queued" },
      'Expected a value with a length of at least 1\n  at ["postId"]',
    ],
    [
      { postId: POST, status: "failed", error: { message: "m" } },
      'Missing key\n  at ["error"]["code"]',
    ],
    [{ postId: POST, status: "published", publishedAt: "yesterday" }, /at \["publishedAt"\]/],
    ["published", "Expected object"],
  ] as const)("a required field missing or mistyped is named: %j", (input, message) => {
    const text = failure(decodeMcpPostStatus(input));
    if (typeof message === "string") expect(text).toBe(message);
    else expect(text).toMatch(message);
  });
});

describe("get_post_status: encoding", () => {
  const one = (overrides: Partial<McpPostReport> = {}): McpPostReport => ({
    id: POST,
    status: "queued",
    destinations: [{ id: POST, status: "queued", vendorStatus: "pending" }],
    ...overrides,
  });

  it("keeps the vendor's word while it still means the status, else writes the seed's word", () => {
    expect(ok(encodeMcpPostStatus(one())).status).toBe("pending");
    const retrying = one({
      destinations: [{ id: "d-x", status: "publishing", vendorStatus: "pending" }],
    });
    expect(ok(encodeMcpPostStatus(retrying)).status).toBe("publishing");
    const postlifeOnly = one({
      destinations: [{ id: "d-x", status: "retrying", vendorStatus: "retrying" }],
    });
    expect(ok(encodeMcpPostStatus(postlifeOnly)).status).toBe("retrying");
  });

  it("a report that is not one destination cannot be written, and says why", () => {
    expect(failure(encodeMcpPostStatus(one({ destinations: [] })))).toBe(
      'a publish_post post goes to one network: expected one destination, got 0\n  at ["destinations"]',
    );
    const two = one({
      destinations: [
        { id: "a", status: "queued", vendorStatus: "queued" },
        { id: "b", status: "queued", vendorStatus: "queued" },
      ],
    });
    expect(failure(encodeMcpPostStatus(two))).toMatch(/got 2\n {2}at \["destinations"\]/);
  });
});

// ---------------------------------------------------------------------------
// update_post
// ---------------------------------------------------------------------------

/** Seed 002's examples, verbatim. */
const reschedule = `{
"workspaceId": "wks_01H...",
"postId": "pst_01H...",
"scheduledAt": "2026-04-20T14:00:00Z"
}`;
const promote = `{
"workspaceId": "wks_01H...",
"postId": "pst_01H...",
"status": "publish"
}`;

describe("update_post: seed 002's examples", () => {
  it("Reschedule is one EDIT of scheduledAt, with the call's now", () => {
    expect(ok(decodeUpdatePost(JSON.parse(reschedule), NOW))).toStrictEqual({
      workspaceId: "wks_01H...",
      postId: "pst_01H...",
      commands: [{ type: "EDIT", changes: { scheduledAt: "2026-04-20T14:00:00Z" }, now: NOW }],
    });
  });

  it("Promote draft to publish is a PUBLISH at now", () => {
    expect(ok(decodeUpdatePost(JSON.parse(promote), NOW))).toStrictEqual({
      workspaceId: "wks_01H...",
      postId: "pst_01H...",
      commands: [{ type: "PUBLISH", now: NOW }],
    });
  });

  it("both encode back to the seed's JSON, key for key", () => {
    for (const text of [reschedule, promote]) {
      const json = JSON.parse(text);
      expect(ok(encodeUpdatePost(ok(decodeUpdatePost(json, NOW))))).toStrictEqual(json);
    }
  });

  it("apply takes them: the scheduled post moves (a new revision), the draft is queued", () => {
    const { commands: moves } = ok(
      decodeUpdatePost({ ...JSON.parse(reschedule), scheduledAt: "2026-04-21T14:00:00Z" }, NOW),
    );
    const scheduled = postIn("scheduled");
    const moved = accept(apply(scheduled, only(moves))).post;
    expect(moved.scheduledAt).toBe("2026-04-21T14:00:00.000Z");
    expect(moved.revision).toBe(scheduled.revision + 1);
    const { commands } = ok(decodeUpdatePost(JSON.parse(promote), NOW));
    expect(run(launchDraft(), ...commands).status).toBe("queued");
  });

  it("a scheduled post cannot be moved into the past: apply names it", () => {
    const { commands } = ok(
      decodeUpdatePost({ postId: POST, scheduledAt: "2026-04-18T14:00:00Z" }, NOW),
    );
    expect(reject(apply(postIn("scheduled"), only(commands))).reason).toBe("schedule_in_past");
  });
});

describe("update_post: seed 002's rules", () => {
  it("seed 002: { status: 'draft' } on a scheduled post is UNSCHEDULE (scheduled -> draft)", () => {
    const { commands } = ok(decodeUpdatePost({ postId: POST, status: "draft" }, NOW));
    expect(commands).toStrictEqual([{ type: "UNSCHEDULE" }]);
    expect(run(postIn("scheduled"), ...commands).status).toBe("draft");
    // Back to draft first, then the changes, which a draft takes (clearing its time included).
    const cleared = ok(
      decodeUpdatePost({ postId: POST, status: "draft", scheduledAt: null, content: "Later" }, NOW),
    );
    expect(cleared.commands).toStrictEqual([
      { type: "UNSCHEDULE" },
      { type: "EDIT", changes: { content: "Later", scheduledAt: null }, now: NOW },
    ]);
    const draft = run(postIn("scheduled"), ...cleared.commands);
    expect(draft.status).toBe("draft");
    expect(draft.content).toBe("Later");
    expect(ok(encodeUpdatePost(cleared))).toStrictEqual({
      postId: POST,
      status: "draft",
      scheduledAt: null,
      content: "Later",
    });
  });

  it("seed 002: { status: 'scheduled', scheduledAt } promotes a draft: SCHEDULE, not an EDIT that leaves a draft", () => {
    const request = { postId: POST, status: "scheduled", scheduledAt: "2026-04-20T14:00:00Z" };
    const { commands } = ok(decodeUpdatePost(request, NOW));
    expect(commands).toStrictEqual([{ type: "SCHEDULE", at: "2026-04-20T14:00:00Z", now: NOW }]);
    const scheduled = run(launchDraft(), ...commands);
    expect(scheduled.status).toBe("scheduled");
    expect(scheduled.scheduledAt).toBe("2026-04-20T14:00:00.000Z");
    expect(ok(encodeUpdatePost(ok(decodeUpdatePost(request, NOW))))).toStrictEqual(request);
    // With a fix in the same call: the change first, then the schedule.
    expect(ok(decodeUpdatePost({ ...request, content: "Fixed typo" }, NOW)).commands).toStrictEqual(
      [
        { type: "EDIT", changes: { content: "Fixed typo" } },
        { type: "SCHEDULE", at: "2026-04-20T14:00:00Z", now: NOW },
      ],
    );
    // Scheduling needs a time: refused, naming it.
    expect(failure(decodeUpdatePost({ postId: POST, status: "scheduled" }, NOW))).toBe(
      'status "scheduled" needs scheduledAt: the time to schedule the post for\n  at ["scheduledAt"]',
    );
  });

  it.each(["platform", "accountId", "postType"])(
    "seed 002: %s is NOT editable: refused with an error naming it, never dropped",
    (field) => {
      const message = failure(
        decodeUpdatePost({ postId: POST, content: "Fixed typo", [field]: "linkedin" }, NOW),
      );
      expect(message).toBe(
        `update_post cannot change ${field}: platform, accountId and postType are NOT editable. To change those, delete and recreate the post\n  at ["${field}"]`,
      );
    },
  );

  it("seed 002: a caller's new idempotencyKey enters every delivery key postlife derives", () => {
    const created = createPost({
      id: POST,
      content: "Launch",
      scheduledAt: "2026-04-20T14:00:00Z",
      destinations: [{ id: "d-x", platform: "x", accountId: "1587354420" }],
      idempotencyKey: "launch-v1",
    });
    if (!created.ok) throw new Error(created.rejection.message);
    const decoded = ok(
      decodeUpdatePost(
        { postId: POST, content: "Launch, fixed", idempotencyKey: "launch-v2" },
        NOW,
      ),
    );
    const edited = decoded.commands.reduce((post, command) => {
      const decision = apply(post, command);
      if (!decision.ok) throw new Error(decision.rejection.message);
      return decision.post;
    }, created.post);
    expect(edited.idempotencyKey).toBe("launch-v2");
    const queued = apply(edited, { type: "PUBLISH", now: NOW });
    const keys = queued.ok
      ? queued.outbox.flatMap((i) => (i.type === "enqueue_delivery" ? [i.idempotencyKey] : []))
      : [];
    expect(keys).toEqual([`${POST}:d-x:1:0:launch-v2`]);
  });

  it("seed 002: a new idempotencyKey with only a status rides on the PUBLISH and enters the keys", () => {
    const created = createPost({
      id: POST,
      content: "Launch",
      destinations: [{ id: "d-x", platform: "x", accountId: "1587354420" }],
    });
    if (!created.ok) throw new Error(created.rejection.message);
    const decoded = ok(
      decodeUpdatePost({ postId: POST, status: "publish", idempotencyKey: "launch-v2" }, NOW),
    );
    expect(decoded.commands).toEqual([{ type: "PUBLISH", now: NOW, idempotencyKey: "launch-v2" }]);
    const [publish] = decoded.commands;
    const queued = publish === undefined ? undefined : apply(created.post, publish);
    const keys =
      queued?.ok === true
        ? queued.outbox.flatMap((i) => (i.type === "enqueue_delivery" ? [i.idempotencyKey] : []))
        : [];
    expect(keys).toEqual([`${POST}:d-x:0:0:launch-v2`]);
  });

  it("seed 002: a caller's new idempotencyKey is kept beside the commands, and written back", () => {
    // "if you want to guarantee no double-publish, also pass a new idempotencyKey".
    const request = {
      postId: POST,
      scheduledAt: "2026-04-21T14:00:00Z",
      idempotencyKey: "launch-2026-04-21",
    };
    const decoded = ok(decodeUpdatePost(request, NOW));
    expect(decoded).toStrictEqual({
      postId: POST,
      commands: [
        {
          type: "EDIT",
          changes: { scheduledAt: "2026-04-21T14:00:00Z" },
          now: NOW,
          idempotencyKey: "launch-2026-04-21",
        },
      ],
      idempotencyKey: "launch-2026-04-21",
    });
    expect(ok(encodeUpdatePost(decoded))).toStrictEqual(request);
    expect(failure(decodeUpdatePost({ postId: POST, idempotencyKey: "" }, NOW))).toMatch(
      /at \["idempotencyKey"\]$/,
    );
  });
});

describe("update_post: the commands it means", () => {
  it("changes come first, then the status: a fixed typo goes out with the publish", () => {
    const media = [{ kind: "image", url: "https://cdn.example.com/launch.png", altText: "Launch" }];
    const decoded = ok(
      decodeUpdatePost({ postId: POST, status: "publish", content: "Fixed typo", media }, NOW),
    );
    expect(decoded.commands).toStrictEqual([
      { type: "EDIT", changes: { content: "Fixed typo", media } },
      { type: "PUBLISH", now: NOW },
    ]);
    const queued = run(launchDraft(), ...decoded.commands);
    expect(queued.status).toBe("queued");
    expect(queued.content).toBe("Fixed typo");
  });

  it("cancelled is a CANCEL, which a scheduled post takes and a published one refuses", () => {
    const { commands } = ok(decodeUpdatePost({ postId: POST, status: "cancelled" }, NOW));
    expect(commands).toStrictEqual([{ type: "CANCEL" }]);
    expect(run(postIn("scheduled"), ...commands).status).toBe("cancelled");
    expect(reject(apply(postIn("published"), only(commands))).reason).toBe("not_allowed_in_status");
  });

  it("scheduledAt: null moves a draft out of the future (clears its time)", () => {
    expect(ok(decodeUpdatePost({ postId: POST, scheduledAt: null }, NOW)).commands).toStrictEqual([
      { type: "EDIT", changes: { scheduledAt: null }, now: NOW },
    ]);
  });

  it("a status word that is none of the seed's transitions is kept, and means no command", () => {
    const decoded = ok(decodeUpdatePost({ postId: POST, status: "archived" }, NOW));
    expect(decoded).toStrictEqual({ postId: POST, commands: [], unknownStatus: "archived" });
    expect(ok(encodeUpdatePost(decoded))).toStrictEqual({ postId: POST, status: "archived" });
  });

  it("nulls read as absent, other fields are ignored", () => {
    expect(
      ok(
        decodeUpdatePost(
          {
            postId: POST,
            workspaceId: null,
            status: null,
            content: null,
            idempotencyKey: null,
            platform: null,
            options: { shareToFeed: true },
          },
          NOW,
        ),
      ),
    ).toStrictEqual({ postId: POST, commands: [] });
  });

  it.each([
    [{}, 'Missing key\n  at ["postId"]'],
    [{ postId: POST, media: [{ kind: "audio", url: "u" }] }, /at \["media"\]\[0\]\["kind"\]/],
    [
      { postId: POST, scheduledAt: "2026-04-20T14:00" },
      /has no time zone[\s\S]*at \["scheduledAt"\]/,
    ],
    [{ postId: POST, content: 42 }, /at \["content"\]/],
  ] as const)("a bad request is named: %j", (input, message) => {
    const text = failure(decodeUpdatePost(input, NOW));
    if (typeof message === "string") expect(text).toBe(message);
    else expect(text).toMatch(message);
  });

  it.each([
    [
      [
        { type: "PUBLISH", now: NOW },
        { type: "EDIT", changes: { content: "x" } },
      ],
      'update_post applies its changes first: EDIT after a status\n  at ["commands"][1]',
    ],
    [
      [
        { type: "EDIT", changes: { content: "x" } },
        { type: "EDIT", changes: { content: "y" } },
      ],
      'update_post carries one set of changes: a second EDIT\n  at ["commands"][1]',
    ],
    [
      [{ type: "EDIT", changes: { destinations: [] } }],
      'update_post cannot change destinations: only content, media and scheduledAt\n  at ["commands"][0]["changes"]["destinations"]',
    ],
    [[{ type: "EDIT", changes: {} }], 'the EDIT changes nothing\n  at ["commands"][0]["changes"]'],
    [
      [{ type: "EDIT", changes: { scheduledAt: "tomorrow" }, now: NOW }],
      '"tomorrow" is not an ISO 8601 date-time (expected e.g. 2026-04-20T14:00:00Z)\n  at ["commands"][0]["changes"]["scheduledAt"]',
    ],
    [
      [{ type: "PUBLISH", now: NOW }, { type: "CANCEL" }],
      'update_post carries one status: a second status command\n  at ["commands"][1]',
    ],
    [
      [{ type: "RETRY_FAILED", now: NOW }],
      'update_post cannot carry RETRY_FAILED: only EDIT, PUBLISH, CANCEL, SCHEDULE and UNSCHEDULE\n  at ["commands"][0]["type"]',
    ],
    [
      [{ type: "EDIT", changes: { content: "x" } }, { type: "UNSCHEDULE" }],
      'update_post takes a post back to draft first: UNSCHEDULE after another command\n  at ["commands"][1]',
    ],
    [
      [{ type: "SCHEDULE", at: "2026-04-20T14:00:00Z", now: NOW }, { type: "UNSCHEDULE" }],
      'update_post takes a post back to draft first: UNSCHEDULE after another command\n  at ["commands"][1]',
    ],
    [
      [
        { type: "EDIT", changes: { scheduledAt: "2026-04-21T14:00:00Z" }, now: NOW },
        { type: "SCHEDULE", at: "2026-04-20T14:00:00Z", now: NOW },
      ],
      "update_post carries one scheduledAt: the SCHEDULE's at, or the EDIT's scheduledAt, not both\n  at [\"commands\"][1]",
    ],
    [
      [{ type: "SCHEDULE", at: "tomorrow", now: NOW }],
      '"tomorrow" is not an ISO 8601 date-time (expected e.g. 2026-04-20T14:00:00Z)\n  at ["commands"][0]["at"]',
    ],
  ])("commands the request cannot carry are refused, naming where: %j", (commands, message) => {
    const value = { postId: POST, commands } as unknown as UpdatePostCommands;
    expect(failure(encodeUpdatePost(value))).toBe(message);
  });

  it("a known status and a kept unknown one cannot both be written", () => {
    const value: UpdatePostCommands = {
      postId: POST,
      commands: [{ type: "CANCEL" }],
      unknownStatus: "archived",
    };
    expect(failure(encodeUpdatePost(value))).toBe(
      'the request\'s status is already "archived"\n  at ["commands"][0]',
    );
    // A word the request knows is its command, not an unknown status.
    expect(failure(encodeUpdatePost({ postId: POST, commands: [], unknownStatus: "draft" }))).toBe(
      '"draft" is a status update_post knows: give its command (UNSCHEDULE) instead\n  at ["unknownStatus"]',
    );
  });
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const instantArb = fc.constantFrom(
  "2026-04-20T14:00:00Z",
  "2026-04-20T14:00:05.123Z",
  "2026-04-20T16:00:00+02:00",
  "2026-12-31T23:59:59.999Z",
);
const textArb = fc.string({ maxLength: 12 });
const idArb = fc.string({ minLength: 1, maxLength: 10 });
const knownCodes = Object.keys(errorCodeTable);
const codeArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...knownCodes) },
  { weight: 1, arbitrary: fc.constantFrom("MEDIA_PROCESSING_FAILED", "spam_risk", "E42") },
);

/** seed 001's error object as vendors write it (any subset of fields, nulls, finer codes). */
const errorObjectArb = fc
  .record(
    {
      code: codeArb,
      message: textArb,
      platformStatusCode: fc.option(fc.integer({ min: 100, max: 599 }), { nil: null }),
      platformError: fc.option(textArb, { nil: null }),
      failedAt: instantArb,
      retryable: fc.boolean(),
      retryAfterMs: fc.integer({ min: 0, max: 86_400_000 }),
      outcomeUnknown: fc.boolean(),
      platformCode: fc.oneof(fc.integer({ min: -5, max: 100_000 }), textArb),
      platformSubcode: fc.integer({ min: 0, max: 3_000_000 }),
      postlifeCode: codeArb,
    },
    { requiredKeys: ["code", "message"] },
  )
  .map((error) => ({ ...error }));
const errorWireArb = fc.oneof(textArb, errorObjectArb);

const seedWords = [
  "pending",
  "queued",
  "processing",
  "publishing",
  "published",
  "failed",
  "draft",
  "scheduled",
  "pending_approval",
  "cancelled",
];
const wordArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...seedWords) },
  { weight: 1, arbitrary: fc.constantFrom("archived", "PENDING", "In Progress", "retrying", "") },
  { weight: 1, arbitrary: textArb },
);

const statusWireArb = fc
  .record(
    {
      postId: idArb,
      status: wordArb,
      externalId: orNull(textArb),
      externalUrl: orNull(textArb),
      platformPostId: orNull(textArb),
      platformUrl: orNull(textArb),
      platform: orNull(fc.constantFrom("x", "linkedin", "threads")),
      accountId: orNull(idArb),
      content: orNull(textArb),
      publishedAt: orNull(instantArb),
      scheduledAt: orNull(instantArb),
      error: orNull(errorWireArb),
      threadItems: orNull(
        fc.array(
          fc.record(
            {
              status: wordArb,
              externalId: orNull(textArb),
              externalUrl: orNull(textArb),
              publishedAt: orNull(instantArb),
            },
            { requiredKeys: ["status"] },
          ),
          { maxLength: 4 },
        ),
      ),
    },
    { requiredKeys: ["postId", "status"] },
  )
  .map((wire) => ({ ...wire }));

const mediaArb = fc
  .record(
    {
      kind: fc.constantFrom("image", "video", "gif", "document"),
      url: idArb,
      sizeBytes: fc.nat(),
      mimeType: textArb,
      altText: textArb,
      durationMs: fc.nat(),
      width: fc.nat({ max: 8000 }),
      height: fc.nat({ max: 8000 }),
    },
    { requiredKeys: ["kind", "url"] },
  )
  .map((media) => ({ ...media }));

const updateWireArb = fc
  .record(
    {
      workspaceId: orNull(textArb),
      postId: idArb,
      status: orNull(
        fc.constantFrom("publish", "cancelled", "scheduled", "draft", "PUBLISH", "archived"),
      ),
      scheduledAt: fc.option(instantArb, { nil: null }),
      content: orNull(textArb),
      media: orNull(fc.array(mediaArb, { maxLength: 3 })),
      idempotencyKey: orNull(fc.string({ minLength: 1, maxLength: 12 })),
    },
    { requiredKeys: ["postId"] },
  )
  // Scheduling needs the time to schedule for (a request without one is refused, naming it).
  .map((wire) =>
    wire.status === "scheduled" && typeof wire.scheduledAt !== "string"
      ? { ...wire, scheduledAt: "2026-04-20T14:00:00Z" }
      : { ...wire },
  );

/** Commands an update_post request can carry, built directly (not by decoding). */
const commandsArb = (now: string): fc.Arbitrary<UpdatePostCommands> =>
  fc
    .record(
      {
        workspaceId: textArb,
        postId: idArb,
        changes: fc.record(
          {
            content: textArb,
            media: fc.array(mediaArb, { maxLength: 2 }),
            scheduledAt: fc.option(instantArb, { nil: null }),
          },
          { requiredKeys: [] },
        ),
        status: fc.constantFrom(undefined, "PUBLISH", "CANCEL", "SCHEDULE", "UNSCHEDULE", "kept"),
        at: instantArb,
        idempotencyKey: fc.string({ minLength: 1, maxLength: 12 }),
      },
      { requiredKeys: ["postId", "changes", "status", "at"] },
    )
    .map(({ workspaceId, postId, changes, status, at, idempotencyKey }) => {
      const commands: UpdatePostCommand[] = [];
      // SCHEDULE's at is the request's scheduledAt: the EDIT does not move the time beside it.
      const { scheduledAt, ...rest } = changes;
      const moves = status !== "SCHEDULE" && scheduledAt !== undefined;
      const plain = moves ? { ...changes } : rest;
      if (status === "UNSCHEDULE") commands.push({ type: "UNSCHEDULE" });
      if (Object.keys(plain).length > 0) {
        // The caller's key rides on the EDIT too: it enters the delivery keys from that revision on.
        commands.push({
          type: "EDIT",
          changes: plain,
          ...(moves ? { now } : {}),
          ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
        });
      }
      // Without an EDIT, the key rides on what queues or plans the post.
      const keyed =
        idempotencyKey === undefined || Object.keys(plain).length > 0 ? {} : { idempotencyKey };
      if (status === "PUBLISH") commands.push({ type: "PUBLISH", now, ...keyed });
      if (status === "CANCEL") commands.push({ type: "CANCEL" });
      if (status === "SCHEDULE") {
        commands.push({ type: "SCHEDULE", at: scheduledAt ?? at, now, ...keyed });
      }
      return {
        ...(workspaceId === undefined ? {} : { workspaceId }),
        postId,
        commands,
        ...(status === "kept" ? { unknownStatus: "kept" } : {}),
        ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
      };
    });

describe("round trips", () => {
  test.prop([statusWireArb])(
    "decode(encode(r)) is r for every report a status result decodes to",
    (wire) => {
      const report = ok(decodeMcpPostStatus(wire));
      const encoded = ok(encodeMcpPostStatus(report));
      expect(JSON.parse(JSON.stringify(encoded))).toStrictEqual(encoded);
      expect(ok(decodeMcpPostStatus(encoded))).toStrictEqual(report);
    },
  );

  test.prop([statusWireArb])(
    "the status is the seed-000 word's at both levels, or unknown with the word kept",
    (wire) => {
      const report = ok(decodeMcpPostStatus(wire));
      const [destination] = report.destinations;
      expect(report.destinations).toHaveLength(1);
      expect(destination?.id).toBe(wire.postId);
      expect(destination?.vendorStatus).toBe(wire.status);
      expect(report.vendorStatus).toBe(wire.status);
      if (seedWords.includes(wire.status)) expect(destination?.status).not.toBe("unknown");
    },
  );

  test.prop([
    fc
      .constantFrom("2026-04-19T09:00:00Z", NOW)
      .chain((now) => commandsArb(now).map((commands) => ({ now, commands }))),
  ])(
    "decode(encode(c)) is c for every list of commands a request carries, at the same now",
    ({ now, commands }) => {
      const wire = ok(encodeUpdatePost(commands));
      expect(ok(decodeUpdatePost(JSON.parse(JSON.stringify(wire)), now))).toStrictEqual(commands);
    },
  );

  test.prop([updateWireArb])(
    "encode(decode(w)) keeps every field a request names (nulls and extras aside)",
    (wire) => {
      const decoded = ok(decodeUpdatePost(wire, NOW));
      const encoded = ok(encodeUpdatePost(decoded));
      for (const key of [
        "workspaceId",
        "postId",
        "status",
        "content",
        "media",
        "idempotencyKey",
      ] as const) {
        expect(encoded[key]).toStrictEqual(wire[key] ?? undefined);
      }
      expect(encoded.scheduledAt).toStrictEqual(wire.scheduledAt);
      expect(ok(decodeUpdatePost(encoded, NOW))).toStrictEqual(decoded);
    },
  );

  test.prop([errorObjectArb])("the error object: decode(encode(e)) is e", (wire) => {
    const error = Schema.decodeUnknownSync(ReportedErrorJson)(wire);
    expect(
      Schema.decodeUnknownSync(ReportedErrorJson)(Schema.encodeSync(ReportedErrorJson)(error)),
    ).toStrictEqual(error);
  });

  test.prop([
    fc
      .record(
        {
          code: codeArb,
          message: textArb,
          retryable: fc.boolean(),
          platformStatusCode: fc.integer({ min: 100, max: 599 }),
          platformError: fc.option(textArb, { nil: null }),
          failedAt: instantArb,
        },
        { requiredKeys: ["code", "message", "retryable"] },
      )
      .map((error) => ({ ...error }) as PublishError),
  ])(
    "every PublishError survives the error object unchanged (an absent platformError stays absent)",
    (error) => {
      const codec = ReportedErrorJson;
      expect(Schema.decodeUnknownSync(codec)(Schema.encodeSync(codec)(error))).toStrictEqual(error);
    },
  );
});

// ---------------------------------------------------------------------------
// Never a crash: anything, and valid payloads with a key removed or a type swapped
// ---------------------------------------------------------------------------

describe("never a crash", () => {
  test.prop([fc.anything()])("decoding anything answers with a value or an error", (input) => {
    expect(() => decodeMcpPostStatus(input)).not.toThrow();
    expect(() => decodeMcpPostStatus(input, { postId: POST })).not.toThrow();
    expect(() => decodeUpdatePost(input, NOW)).not.toThrow();
    expect(Result.isResult(decodeMcpPostStatus(input))).toBe(true);
  });

  test.prop([fc.anything(), fc.anything()])(
    "decoding anything with any options answers with a value or an error",
    (input, options) => {
      expect(Result.isResult(decodeMcpPostStatus(input, options as never))).toBe(true);
    },
  );

  it("options it cannot read fill nothing in: the missing postId is a typed error, never a throw", () => {
    const reply = { status: "publishing" };
    for (const options of [null, 42, POST, [POST], { postId: 42 }, { postId: null }]) {
      expect(failure(decodeMcpPostStatus(reply, options as never))).toBe(
        'Missing key\n  at ["postId"]',
      );
    }
    expect(ok(decodeMcpPostStatus(reply, { postId: POST })).id).toBe(POST);
  });

  test.prop([mutation(statusWireArb)])(
    "a status result with a key removed or a type swapped: a value, or an error naming the path",
    ({ value, path }) => {
      expectValueOrReadableError(decodeMcpPostStatus(value), path);
    },
  );

  test.prop([mutation(updateWireArb)])(
    "an update_post request with a key removed or a type swapped: a value, or an error naming the path",
    ({ value, path }) => {
      expectValueOrReadableError(decodeUpdatePost(value, NOW), path);
    },
  );

  it("the codecs are plain Effect Schema codecs too", () => {
    const report = Schema.decodeUnknownSync(McpPostStatusJson)({ postId: POST, status: "pending" });
    expect(report.status).toBe("queued");
    expect(() => Schema.decodeUnknownSync(UpdatePostJson(NOW))({})).toThrow(/Missing key/);
  });
});
