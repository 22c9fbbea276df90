/**
 * `npm start`'s launch scenario, held to its story: every turn it tells
 * happens, through the HTTP API, on PGlite.
 */
import { describe, expect, it } from "vitest";
import { runLaunchScenario, type Story } from "../src/scenario.js";

describe("the launch scenario", () => {
  let story: Story;

  it("runs to its end", async () => {
    // The speed npm start runs at: the default policy's deadlines (a look-up has 2 minutes, 2 s of
    // wall clock) leave a slow machine room.
    story = await runLaunchScenario({ speed: 60 });
    expect(story.post.status).toBe("partially_published");
  });

  it("X answers 429, then takes the retry", () => {
    const x = story.post.destinations.find((d) => d.id === "d-x");
    expect(x).toMatchObject({ status: "published", attempts: 2 });
    expect(story.timeline.map((m) => m.what)).toContain("DELIVERY_FAILED (HTTP 429)");
  });

  it("LinkedIn times out after posting, and a look-up settles it as published, never posted twice", () => {
    const li = story.post.destinations.find((d) => d.id === "d-li");
    expect(li).toMatchObject({ status: "published", attempts: 1 });
    expect(story.timeline.map((m) => m.what)).toContain("RECONCILED (found)");
    expect(story.platformPosts).toBe(2);
  });

  it("Threads' expired token fails the destination and asks for a reconnect once", () => {
    const threads = story.post.destinations.find((d) => d.id === "d-threads");
    expect(threads).toMatchObject({
      status: "failed",
      error: { code: "PLATFORM_AUTH_EXPIRED", retryable: false },
    });
    expect(story.notices.map((n) => n.kind)).toEqual(["request_reconnect"]);
  });

  it("the second publish request gets the first answer; the edit of the queued post is refused", () => {
    expect(story.answers["publish again"]).toEqual(story.answers.publish);
    expect(story.answers.edit).toMatchObject({
      status: 409,
      body: { error: { reason: "not_allowed_in_status" } },
    });
  });

  it("LinkedIn's webhook, twice, changes nothing", () => {
    expect(story.answers.webhook).toMatchObject({ status: 200, body: { ignored: "duplicate" } });
    expect(story.answers["webhook again"]).toMatchObject({
      status: 200,
      body: { ignored: "duplicate" },
    });
  });

  it("every outgoing webhook reached the subscriber, signed, after its first refusal", () => {
    const events = [...story.subscriber.received.values()].map((p) => p.event).sort();
    expect(events).toEqual([
      "destination.failed",
      "destination.published",
      "destination.published",
      "post.partially_published",
    ]);
    expect(story.subscriber.deliveries).toBe(events.length + 1);
    expect(story.subscriber.forged).toBe(0);
  });
});
