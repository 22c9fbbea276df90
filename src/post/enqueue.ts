import { idempotencyKey } from "../domain/idempotency.js";
import type { Post } from "../domain/post.js";
import { changed } from "../internal/changed.js";
import { stepAll } from "./outcome.js";

/** Hands every destination to delivery at `now`, each with its idempotency key. */
export const enqueueAll = (post: Post, now: string) =>
  stepAll(post, (d) => ({
    type: "ENQUEUE",
    idempotencyKey: idempotencyKey(post.id, d.id, post.revision, d.generation, post.idempotencyKey),
    now,
  }));

/** The post with the caller's new idempotency key, when a command brings one. */
export const withCallerKey = (post: Post, key: string | undefined): Post =>
  key === undefined ? post : changed(post, { idempotencyKey: key });
