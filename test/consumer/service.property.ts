/**
 * A service's own tests, written as a consumer of the published package:
 * everything comes from "postlife" and "postlife/testing" as installed from
 * the packed tarball. The service here is a tiny webhook handler and a
 * status badge, the kind of code postlife/testing exists to test.
 */
import fc from "fast-check";
import { apply, type DeliveryFact, type Post, type PostStatus, statusOf } from "postlife";
import {
  aPost,
  deliveryFactArbitrary,
  postIn,
  postPaths,
  reachablePostArbitrary,
} from "postlife/testing";
import { describe, expect, it } from "vitest";

/** The service's webhook handler: apply the fact, keep the post when postlife refuses or ignores it. */
const onWebhook = (post: Post, fact: DeliveryFact): Post => {
  const decision = apply(post, fact);
  return decision.ok ? decision.post : post;
};

/** The service's status badge: one label per status, and nothing may be left out. */
const badge = (status: PostStatus): string =>
  ({
    draft: "Draft",
    pending_approval: "Waiting for approval",
    scheduled: "Scheduled",
    queued: "Queued",
    publishing: "Publishing…",
    published: "Published",
    partially_published: "Partly published",
    failed: "Failed",
    cancelled: "Cancelled",
    deleted: "Deleted",
  })[status];

describe("a service tested with postlife/testing", () => {
  it("handles every webhook twice as if once, on posts in any state", () => {
    const postAndFacts = reachablePostArbitrary.chain((post) =>
      fc.tuple(fc.constant(post), fc.array(deliveryFactArbitrary(post), { maxLength: 6 })),
    );
    fc.assert(
      fc.property(postAndFacts, ([post, facts]) => {
        const once = facts.reduce(onWebhook, post);
        const twice = facts.flatMap((f) => [f, f]).reduce(onWebhook, post);
        expect(twice).toStrictEqual(once);
        expect(statusOf(once)).toBe(once.status);
      }),
      { numRuns: 200 },
    );
  });

  it("has a badge for every status a post can reach", () => {
    for (const [status, path] of postPaths()) {
      expect(badge(status), status).toBeTruthy();
      expect(path.value.status).toBe(status);
    }
    expect(postPaths().size).toBe(10);
  });

  it("builds posts that read like the domain", () => {
    const post = aPost().to("x", "linkedin").scheduledFor("2026-04-20T14:00:00Z").build();
    expect(post.status).toBe("scheduled");
    const { post: partial, path } = postIn("partially_published");
    expect(partial.status).toBe("partially_published");
    expect(path.length).toBeGreaterThan(0);
  });
});
