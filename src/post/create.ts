import type { Decision } from "../domain/decision.js";
import { newPost, type PostInput } from "../domain/post.js";
import { copyData, vouch } from "../domain/vouched.js";
import { checkPostInput } from "../rules/post-input.js";

/**
 * Creates a post in the `draft` status, at revision 0, from what a caller
 * gave: the first decision of a post's life, in the same shape as `apply`'s.
 *
 * The input is judged here, whatever it is (a request body, a queue message):
 * every field's shape, non-empty ids and accounts (they enter every
 * idempotency key), a planned time with a zone, http(s) media URLs, unique
 * destination ids, a retry policy that can work and no field it does not
 * know. A bad input is refused with a typed rejection that names the field
 * (`invalid_input`, or `duplicate_destination`), never a post `apply` would
 * later refuse. The platforms' content rules are not judged yet: a draft may
 * hold what a platform would refuse, and every broken rule is listed when the
 * post leaves the draft (SCHEDULE, PUBLISH, SUBMIT_FOR_APPROVAL).
 *
 * @example
 * ```ts
 * import { apply, createPost } from "postlife";
 * const created = createPost({
 *   id: "post-1",
 *   content: "Hello from postlife",
 *   destinations: [
 *     { id: "d-x", platform: "x", accountId: "acct-1" },
 *     { id: "d-li", platform: "linkedin", accountId: "urn:li:person:42" },
 *   ],
 * });
 * if (created.ok) apply(created.post, { type: "PUBLISH", now: "2026-04-20T14:00:00Z" }).ok; // true
 *
 * const typo = createPost({ id: "post-2", content: "hi", destinations: [], retry: { maxAttempts: 0 } });
 * if (!typo.ok) typo.rejection.path; // "retry.maxAttempts"
 * ```
 * @since 0.1.0
 */
export const createPost = (input: PostInput): Decision => {
  const found = checkPostInput(input);
  return found === undefined
    ? // Copied whole: the caller's media, threads and policy stay theirs, unfrozen.
      { ok: true, post: vouch(copyData(newPost(input))), outbox: [] }
    : { ok: false, rejection: { ...found, status: "unknown", eventType: "createPost" } };
};
