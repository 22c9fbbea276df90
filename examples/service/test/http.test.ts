/**
 * The HTTP API, route by route, as a client meets it: each answer in the
 * vendor's shape (read back with postlife/wire's decoders), every update_post
 * transition of the publish_post API, refusals as 4xx with postlife's reason,
 * ignored facts as 2xx that change nothing, and the Idempotency-Key.
 */

import { eq, sql } from "drizzle-orm";
import * as Result from "effect/Result";
import {
  decodeMcpPostStatus,
  decodePostPostGroup,
  decodeResults,
  decodeWahdxStatus,
} from "postlife/wire";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clockOf } from "../src/clock.js";
import { until } from "../src/scenario.js";
import { type Service, startService } from "../src/service.js";
import { acceptedEvents, posts } from "../src/store/schema.js";
import { isSigned, signatureOf } from "../src/webhooks.js";

let service: Service;
const start = Date.parse("2026-04-20T14:00:00.000Z");
const clock = clockOf({ speed: 1, origin: start, wallOrigin: Date.now() });
const inOneHour = () => new Date(clock.now() + 3_600_000).toISOString();

beforeAll(async () => {
  // No workers: what the API answers, before any delivery moves a post on.
  service = await startService({ clock, workers: false });
});

afterAll(async () => {
  await service?.stop();
});

type Answer = {
  status: number;
  body: Record<string, unknown> & { error?: Record<string, unknown> };
};

const call = async (
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> => {
  const response = await service.app.request(path, {
    method,
    headers: { "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Answer["body"] };
};

const destinations = [
  { id: "d-x", platform: "x", accountId: "1587354420" },
  { id: "d-li", platform: "linkedin", accountId: "urn:li:organization:2414183" },
];

const draft = async (key: string) => {
  const created = await call(
    "POST",
    "/v1/posts",
    { content: "Hello", destinations, status: "draft" },
    { "idempotency-key": key },
  );
  expect(created.status).toBe(201);
  return created.body.postId as string;
};

describe("POST /v1/posts", () => {
  it("publishes a post, and the same Idempotency-Key gives the first answer and creates nothing", async () => {
    const body = { content: "We launched!", destinations };
    const first = await call("POST", "/v1/posts", body, { "idempotency-key": "k-publish" });
    const again = await call("POST", "/v1/posts", body, { "idempotency-key": "k-publish" });
    expect(first.status).toBe(202);
    expect(first.body.status).toBe("queued");
    expect(again).toEqual(first);
    const id = first.body.postId as string;
    expect(await service.database.db.select().from(posts).where(eq(posts.id, id))).toHaveLength(1);
    expect(
      await service.database.db.select().from(acceptedEvents).where(eq(acceptedEvents.postId, id)),
    ).toHaveLength(1);
  });

  it("refuses an Idempotency-Key used for another request", async () => {
    await call(
      "POST",
      "/v1/posts",
      { content: "one", destinations },
      { "idempotency-key": "k-reused" },
    );
    const other = await call(
      "POST",
      "/v1/posts",
      { content: "two", destinations },
      { "idempotency-key": "k-reused" },
    );
    expect(other.status, JSON.stringify(other.body)).toBe(422);
    expect(other.body.error?.reason).toBe("idempotency_key_reused");
  });

  it("answers a bad input 400 with postlife's reason, message and path", async () => {
    const bad = await call("POST", "/v1/posts", {
      content: "hi",
      destinations,
      retry: { maxAttempts: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ reason: "invalid_input", path: "retry.maxAttempts" });
    expect(String(bad.body.error?.message)).toContain("maxAttempts");
    expect((await call("POST", "/v1/posts", "not an object")).status).toBe(400);
    const status = await call("POST", "/v1/posts", { content: "hi", destinations, status: "live" });
    expect(status.body.error).toMatchObject({ reason: "invalid_input", path: "status" });
    const when = await call("POST", "/v1/posts", {
      content: "hi",
      destinations,
      status: "scheduled",
    });
    expect(when.body.error).toMatchObject({ reason: "invalid_input", path: "scheduledAt" });
  });

  it("answers content a platform refuses 422, listing every broken rule", async () => {
    const long = await call("POST", "/v1/posts", { content: "a".repeat(300), destinations });
    expect(long.status).toBe(422);
    expect(long.body.error?.reason).toBe("content_invalid");
    expect(long.body.error?.violations).toEqual([
      expect.objectContaining({ destinationId: "d-x", rule: "text_length" }),
    ]);
  });

  it("schedules a post that has a time", async () => {
    const at = inOneHour();
    const scheduled = await call("POST", "/v1/posts", {
      content: "Later",
      destinations,
      scheduledAt: at,
    });
    expect(scheduled.status).toBe(202);
    expect(scheduled.body).toMatchObject({ status: "scheduled", scheduledAt: at });
  });
});

describe("PATCH /v1/posts/:id: every update_post transition", () => {
  it("draft → scheduled → rescheduled → draft → publish, then refuses edits once queued", async () => {
    const id = await draft("k-transitions");
    const at = inOneHour();
    const scheduled = await call("PATCH", `/v1/posts/${id}`, {
      status: "scheduled",
      scheduledAt: at,
    });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({ status: "scheduled", scheduledAt: at });

    const later = new Date(Date.parse(at) + 60_000).toISOString();
    const moved = await call("PATCH", `/v1/posts/${id}`, {
      scheduledAt: later,
      content: "Fixed typo",
    });
    expect(moved.body).toMatchObject({ status: "scheduled", scheduledAt: later, revision: 1 });

    const back = await call("PATCH", `/v1/posts/${id}`, { status: "draft" });
    expect(back.body).toMatchObject({ status: "draft" });

    const published = await call("PATCH", `/v1/posts/${id}`, { status: "publish" });
    expect(published.body).toMatchObject({ status: "queued" });

    const edit = await call("PATCH", `/v1/posts/${id}`, { content: "Too late" });
    expect(edit.status).toBe(409);
    expect(edit.body.error).toMatchObject({ reason: "not_allowed_in_status" });
  });

  it("a post scheduled, unscheduled and scheduled again has one live timer: the second, never dropped as a repeat", async () => {
    const id = await draft("k-rearm");
    await call("PATCH", `/v1/posts/${id}`, { status: "scheduled", scheduledAt: inOneHour() });
    await call("PATCH", `/v1/posts/${id}`, { status: "draft" });
    const again = await call("PATCH", `/v1/posts/${id}`, {
      status: "scheduled",
      scheduledAt: inOneHour(),
    });
    expect(again.body.status).toBe("scheduled");
    const result = (await service.database.db.execute(
      sql`select state from pgboss.job where name = 'due' and data->>'postId' = ${id} order by created_on`,
    )) as unknown as { rows: { state: string }[] };
    expect(result.rows.map((r) => r.state)).toEqual(["cancelled", "created"]);
  });

  it("scheduled → publish now, and scheduled → cancelled", async () => {
    const now = await call("POST", "/v1/posts", {
      content: "Soon",
      destinations,
      scheduledAt: inOneHour(),
    });
    const published = await call("PATCH", `/v1/posts/${now.body.postId}`, { status: "publish" });
    expect(published.body).toMatchObject({ status: "queued" });

    const other = await call("POST", "/v1/posts", {
      content: "Never",
      destinations,
      scheduledAt: inOneHour(),
    });
    const cancelled = await call("PATCH", `/v1/posts/${other.body.postId}`, {
      status: "cancelled",
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: "cancelled" });
  });

  it("refuses to change platform, accountId or postType: delete and recreate instead", async () => {
    const id = await draft("k-platform");
    const refused = await call("PATCH", `/v1/posts/${id}`, { platform: "threads" });
    expect(refused.status).toBe(400);
    expect(String(refused.body.error?.message)).toMatch(/platform/);
  });

  it("answers 400 to a body it cannot read, and to one that asks for nothing", async () => {
    const id = await draft("k-unreadable");
    expect((await call("PATCH", `/v1/posts/${id}`, "content")).status).toBe(400);
    expect((await call("PATCH", `/v1/posts/${id}`, {})).status).toBe(400);
    expect((await call("PATCH", `/v1/posts/${id}`, { content: 7 })).status).toBe(400);
  });

  it("answers 404 for a post it does not know", async () => {
    expect((await call("PATCH", "/v1/posts/nope", { content: "x" })).status).toBe(404);
    expect((await call("GET", "/v1/posts/nope")).status).toBe(404);
    expect((await call("DELETE", "/v1/posts/nope")).status).toBe(404);
  });
});

describe("DELETE /v1/posts/:id", () => {
  it("removes a scheduled post, and a second delete is refused", async () => {
    const scheduled = await call("POST", "/v1/posts", {
      content: "Bye",
      destinations,
      scheduledAt: inOneHour(),
    });
    const deleted = await call("DELETE", `/v1/posts/${scheduled.body.postId}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.status).toBe("deleted");
    const again = await call("DELETE", `/v1/posts/${scheduled.body.postId}`);
    expect(again.status).toBe(409);
  });
});

describe("the views, each in its vendor's shape", () => {
  it("status, results, group and Wahdx checks decode with postlife/wire", async () => {
    const created = await call("POST", "/v1/posts", { content: "Views", destinations });
    const id = created.body.postId as string;

    const status = await call("GET", `/v1/posts/${id}`);
    const first = (status.body.destinations as unknown[])[0];
    expect(Result.isSuccess(decodeMcpPostStatus(first))).toBe(true);
    // externalUrl only once the network confirmed the post.
    expect(first).not.toHaveProperty("externalUrl");

    const results = await call("GET", `/v1/posts/${id}/results`);
    const decoded = decodeResults(results.body);
    expect(Result.isSuccess(decoded) && decoded.success.status).toBe("queued");

    const group = await call("GET", `/api/v1/get-post/${id}`);
    const groupDecoded = decodePostPostGroup(group.body);
    expect(Result.isSuccess(groupDecoded) && groupDecoded.success.destinations.length).toBe(2);

    const one = await call("GET", `/api/content/status/1587354420/${id}`);
    expect(Result.isSuccess(decodeWahdxStatus(one.body))).toBe(true);

    const batch = await call("POST", "/api/content/status/batch", {
      checks: [
        { accountId: "1587354420", publishId: id },
        { accountId: "urn:li:organization:2414183", publishId: id },
        { accountId: "nobody", publishId: id },
      ],
    });
    expect(batch.body.summary).toMatchObject({ total: 2 });
    const tooMany = Array.from({ length: 101 }, () => ({ accountId: "1587354420", publishId: id }));
    expect((await call("POST", "/api/content/status/batch", { checks: tooMany })).status).toBe(400);
  });
});

describe("POST /v1/webhooks/platforms", () => {
  it("takes a platform's report once; the repeat answers 200 and changes nothing", async () => {
    const created = await call("POST", "/v1/posts", { content: "Hooked", destinations });
    const postId = created.body.postId as string;
    const webhook = {
      event: "destination.published",
      postId,
      destinationId: "d-x",
      platform: "x",
      platformPostId: "1780123456789012345",
      occurredAt: new Date(clock.now()).toISOString(),
    };
    const first = await call("POST", "/v1/webhooks/platforms", webhook);
    expect(first.status).toBe(200);
    expect(first.body.ignored).toBeUndefined();
    const stored = await service.decider.load(postId);
    const again = await call("POST", "/v1/webhooks/platforms", webhook);
    expect(again.status).toBe(200);
    expect(again.body.ignored).toBe("duplicate");
    expect((await service.decider.load(postId))?.version).toBe(stored?.version);
  });

  it("answers a payload it cannot read 400", async () => {
    expect((await call("POST", "/v1/webhooks/platforms", { event: 3 })).status).toBe(400);
  });

  it("acknowledges a fact it refuses, or about a post it does not know, so the platform stops sending it", async () => {
    const id = await draft("k-webhook-draft");
    const occurredAt = new Date(clock.now()).toISOString();
    const fact = {
      event: "destination.published",
      postId: id,
      destinationId: "d-nope",
      platformPostId: "1",
      occurredAt,
    };
    const refused = await call("POST", "/v1/webhooks/platforms", fact);
    expect(refused.status).toBe(202);
    expect(refused.body.refused).toMatchObject({
      reason: "not_allowed_in_status",
      eventType: "DELIVERY_SUCCEEDED",
    });
    const unknown = await call("POST", "/v1/webhooks/platforms", { ...fact, postId: "nope" });
    expect(unknown).toMatchObject({ status: 202, body: { ignored: "unknown_post" } });
  });
});

describe("outgoing webhooks", () => {
  it("are signed: a subscriber's check takes the body as sent and refuses one changed", () => {
    const headers = { id: "evt-1", timestamp: "1776693600" };
    const body = JSON.stringify({ event: "post.published" });
    const signature = signatureOf("whsec", headers.id, headers.timestamp, body);
    expect(isSigned("whsec", { ...headers, signature }, body)).toBe(true);
    expect(isSigned("whsec", { ...headers, signature }, body.replace("published", "failed"))).toBe(
      false,
    );
    expect(isSigned("other", { ...headers, signature }, body)).toBe(false);
  });

  it("go only to an http(s) subscriber with a secret", async () => {
    expect(
      (await call("POST", "/v1/subscriptions", { url: "javascript:alert(1)", secret: "s" })).status,
    ).toBe(400);
    expect(
      (await call("POST", "/v1/subscriptions", { url: "https://example.com/hooks" })).status,
    ).toBe(400);
  });

  it("are written in the decision's transaction, one job per subscriber, with a stable event id", async () => {
    await call("POST", "/v1/subscriptions", { url: "http://127.0.0.1:9/hooks", secret: "s" });
    const scheduled = await call("POST", "/v1/posts", {
      content: "Hook me",
      destinations,
      scheduledAt: inOneHour(),
    });
    expect(scheduled.status).toBe(202);
    await until(async () => {
      const jobs = await service.boss.fetch("webhook-out", {
        batchSize: 10,
        includeMetadata: true,
      });
      return (jobs ?? []).some(
        (j) => (j.data as { eventId: string }).eventId === `${scheduled.body.postId}:1:1`,
      );
    }, "the post.scheduled webhook's job");
  });
});
