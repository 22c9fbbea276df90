import { frozenOnceApproved, byStatus as table } from "../../spec/editable-fields.json";
import type { Post } from "../domain/post.js";
import { isPost } from "./post-shape.js";

/**
 * A field of a post that an EDIT can name.
 *
 * @example
 * ```ts
 * import type { EditableField } from "postlife";
 * const field: EditableField = "scheduledAt";
 * ```
 * @since 0.1.0
 */
export type EditableField = "content" | "media" | "scheduledAt" | "destinations";

const byStatus = table as Partial<Record<string, readonly EditableField[]>>;
const frozen: ReadonlySet<string> = /* @__PURE__ */ new Set(frozenOnceApproved);

/**
 * The fields an EDIT may change now, read from `spec/editable-fields.json`:
 * all four in draft and scheduled, none once delivery starts; an approved post
 * keeps only its time movable, as the reviewer approved exactly what is sent
 * (whether the post required approval or went through review by choice).
 * None for a value that is not a post.
 *
 * @example
 * ```ts
 * import { createPost, editableFields } from "postlife";
 * const created = createPost({ id: "p", content: "hi", destinations: [] });
 * if (created.ok) editableFields(created.post); // ["content", "media", "scheduledAt", "destinations"]
 * ```
 * @since 0.1.0
 */
export const editableFields = (post: Post): readonly EditableField[] => {
  if (!isPost(post)) return [];
  const fields = byStatus[post.status] ?? [];
  return post.status === "scheduled" && isApproved(post)
    ? fields.filter((f) => !frozen.has(f))
    : fields;
};

/**
 * A scheduled post a reviewer approved. A post that requires approval can
 * only be scheduled that way (and may predate `approvedAt`).
 */
const isApproved = (post: Post): boolean =>
  typeof post.approvedAt === "string" || post.requiresApproval;
