/**
 * editableFields and the EDIT command are held to spec/editable-fields.json:
 * for every status, exactly the listed fields can be edited, and every other
 * field is refused naming it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { apply, editableFields, type Post, postStatuses } from "../src/index.js";
import { explore } from "../test/support/explore.js";
import spec from "./editable-fields.json";

const changeOf = (field: string, post: Post) =>
  ({
    content: { content: `${post.content} (edited)` },
    media: { media: [{ kind: "image", url: "https://cdn.example.com/a.jpg" }] },
    scheduledAt: { scheduledAt: "2026-05-01T09:00:00.000Z" },
    destinations: {
      destinations: post.destinations.map(({ id, platform, accountId }) => ({
        id,
        platform,
        accountId,
      })),
    },
  })[field];

const statesByStatus = new Map<string, Post[]>();

describe("spec/editable-fields.json", () => {
  beforeAll(() => {
    for (const post of explore()) {
      // Posts whose every edit fails for another reason (preflight, duplicate ids) prove nothing.
      const ids = post.destinations.map((d) => d.id);
      if (post.content === "" || ids.length === 0 || new Set(ids).size !== ids.length) continue;
      statesByStatus.set(post.status, [...(statesByStatus.get(post.status) ?? []), post]);
    }
  });

  it("lists exactly the editable fields postlife knows", () => {
    expect([...spec.fields].sort()).toEqual(["content", "destinations", "media", "scheduledAt"]);
  });

  it.each(postStatuses)(
    "in %s, an EDIT of each field is taken exactly when the table lists it",
    (status) => {
      const posts = statesByStatus.get(status) ?? [];
      expect(posts.length).toBeGreaterThan(0);
      for (const post of posts) {
        const listed = editableFields(post);
        // Approved (or approvable only by a reviewer): what the reviewer saw is frozen.
        const approved = post.approvedAt !== null || post.requiresApproval;
        const expected =
          post.status === "scheduled" && approved
            ? (spec.byStatus[status as "scheduled"] ?? []).filter(
                (f) => !spec.frozenOnceApproved.includes(f),
              )
            : ((spec.byStatus as Record<string, string[]>)[status] ?? []);
        expect(listed).toEqual(expected);
        for (const field of spec.fields) {
          const decision = apply(post, {
            type: "EDIT",
            changes: changeOf(field, post) as never,
            now: "2026-04-20T12:00:00.000Z",
          });
          expect(decision.ok, `${status}: EDIT ${field}`).toBe(listed.includes(field as never));
          if (!decision.ok && ["draft", "scheduled"].includes(status)) {
            expect(decision.rejection).toMatchObject({
              reason: "field_not_editable",
              path: `changes.${field}`,
            });
          }
        }
      }
    },
  );

  it.each(spec.destinationFields.neverEditable)("a destination's %s is never editable", (field) => {
    const post = (statesByStatus.get("draft") ?? [])[0] as Post;
    const [first, ...rest] = post.destinations.map(({ id, platform, accountId, postType }) => ({
      id,
      platform,
      accountId,
      postType,
    }));
    const decision = apply(post, {
      type: "EDIT",
      changes: {
        destinations: [{ ...(first as NonNullable<typeof first>), [field]: "changed" }, ...rest],
      },
    });
    expect(decision.ok).toBe(false);
    if (!decision.ok) {
      expect(decision.rejection).toMatchObject({
        reason: "field_not_editable",
        path: `changes.destinations[0].${field}`,
      });
    }
  });
});
