/**
 * The events a post takes now: those of its alphabet (`eventsFor`) and its
 * witnesses (`witnessesFor`) that `can` accepts. Model paths walk them, and
 * arbitraries pick from them to move a post forward.
 */
import type { PostEvent } from "../domain/event.js";
import type { Post } from "../domain/post.js";
import { can } from "../post/queries.js";
import { eventsFor } from "./alphabet.js";
import { isPost } from "./internal/shape.js";
import { witnessesFor } from "./witness.js";

/**
 * The events `post` takes now (`can` is true for each), from its alphabet
 * and the most permissive event of each type: "valid commands for this
 * post". Empty for a post that takes nothing more (published, deleted),
 * and for a value that is not a post (`checkPost` finds a problem with it).
 *
 * @example
 * ```ts
 * import { acceptedEvents, aPost } from "postlife/testing";
 * const draft = aPost().to("x").build();
 * new Set(acceptedEvents(draft).map((e) => e.type)); // Set { "EDIT", "SCHEDULE", "PUBLISH", "SUBMIT_FOR_APPROVAL", "DELETE" }
 * ```
 * @since 0.1.0
 */
export const acceptedEvents = (post: Post): readonly PostEvent[] => {
  if (!isPost(post)) return [];
  const seen = new Set<string>();
  return [...eventsFor(post), ...witnessesFor(post)].filter((event) => {
    const key = JSON.stringify(event);
    if (seen.has(key) || !can(post, event)) return false;
    seen.add(key);
    return true;
  });
};
