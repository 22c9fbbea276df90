/**
 * A thread through the service: postlife hands out one item at a time, each
 * reply names the post it answers, and the platform gets each item once,
 * in order, with its own text (postiz #1525: only the first item went out).
 */
import { asc, eq } from "drizzle-orm";
import * as Result from "effect/Result";
import { isTerminal, type Post } from "postlife";
import { decodeMcpPostStatus } from "postlife/wire";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clockOf } from "../src/clock.js";
import { platformPosts } from "../src/platforms/schema.js";
import { until } from "../src/scenario.js";
import { type Service, startService } from "../src/service.js";
import { statusView } from "../src/views.js";

let service: Service;

beforeAll(async () => {
  const clock = clockOf({
    speed: 60,
    origin: Date.parse("2026-04-20T14:00:00.000Z"),
    wallOrigin: Date.now(),
  });
  // The second reply's first call is refused retryably: it is retried as that reply.
  service = await startService({
    clock,
    simulation: {
      script: { "d-x": ["publish", "publish", "server_error", "publish"] },
      latencyMs: 5,
    },
  });
});

afterAll(async () => {
  await service?.stop();
});

describe("a thread on X through the service", () => {
  it("goes out item by item, each reply under the one before, each item once", async () => {
    const response = await service.app.request("/v1/posts", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "thread-1" },
      body: JSON.stringify({
        content: "1/ We launched",
        destinations: [
          {
            id: "d-x",
            platform: "x",
            accountId: "1587354420",
            thread: ["2/ It is fast", "3/ It is small"],
          },
        ],
      }),
    });
    expect(response.status).toBe(202);
    const { postId } = (await response.json()) as { postId: string };
    let post: Post | undefined;
    await until(async () => {
      post = (await service.decider.load(postId))?.post;
      return post?.destinations.every((d) => isTerminal(d.status)) === true;
    }, "the thread to settle");
    expect(post?.status).toBe("published");

    const made = await service.database.db
      .select()
      .from(platformPosts)
      .where(eq(platformPosts.postId, postId))
      .orderBy(asc(platformPosts.id));
    expect(made.map((p) => [p.item, p.content])).toEqual([
      [0, "1/ We launched"],
      [1, "2/ It is fast"],
      [2, "3/ It is small"],
    ]);
    expect(made[1]?.replyTo).toBe(made[0]?.platformPostId);
    expect(made[2]?.replyTo).toBe(made[1]?.platformPostId);

    const view = statusView(post as Post);
    const status = decodeMcpPostStatus(view.destinations[0]);
    if (Result.isFailure(status)) throw new Error(status.failure.message);
    expect(status.success.destinations[0]?.items?.map((i) => i.platformPostId)).toEqual(
      made.map((p) => p.platformPostId),
    );
  });
});
