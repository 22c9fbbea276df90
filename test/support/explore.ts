/**
 * Breadth-first exploration of the posts reachable from a few starting points
 * through the event alphabet, up to an abstraction of the post that keeps
 * what decides outcomes (statuses, attempts, generation, the error recorded)
 * and forgets what only grows (revision, content, times). The abstraction is
 * finite, so the exploration reaches a fixpoint: every abstract state once.
 */

import { newPost } from "../../src/domain/post.js";
import {
  apply,
  type Decision,
  type DestinationInput,
  type Post,
  type PostEvent,
  type PostInput,
} from "../../src/index.js";
import { eventsFor, LATER } from "./alphabet.js";

const x: DestinationInput = { id: "x", platform: "x", accountId: "acct-x" };
const li: DestinationInput = { id: "li", platform: "linkedin", accountId: "urn:li:person:1" };

/** Starting points that between them reach every cell of the tables. */
export const roots: readonly PostInput[] = [
  // Two destinations for the mixed outcomes; one attempt, hand-out and look-up each keeps the
  // product small.
  {
    id: "p-two",
    content: "Hello",
    destinations: [x, li],
    retry: { maxAttempts: 1, maxHandOuts: 1, maxLookups: 1 },
  },
  // One destination with three attempts, for retries and reconciliation; two hand-outs and two
  // look-ups reach every outcome of a deadline and keep the product small.
  { id: "p-one", content: "Hello", destinations: [x], retry: { maxHandOuts: 2, maxLookups: 2 } },
  {
    id: "p-review",
    content: "Hello",
    requiresApproval: true,
    scheduledAt: LATER,
    destinations: [x],
    retry: { maxAttempts: 1, maxHandOuts: 1, maxLookups: 1 },
  },
  { id: "p-empty", content: "", destinations: [x], retry: { maxHandOuts: 1, maxLookups: 1 } },
  { id: "p-none", content: "Hello", destinations: [] },
  // A video on TikTok: processed after the publish call, so a wait that runs out is looked up.
  {
    id: "p-tiktok",
    content: "Hello",
    media: [{ kind: "video", url: "https://cdn.example.com/v.mp4" }],
    destinations: [{ id: "tt", platform: "tiktok", accountId: "acct-tt" }],
    retry: { maxAttempts: 1, maxHandOuts: 1, maxLookups: 1 },
  },
  // A thread of two items on X: delivery moves on, retries, resumes, and stops part-way
  // (with one attempt per item, a look-up that finds nothing stops it).
  {
    id: "p-thread",
    content: "Hello",
    destinations: [{ ...x, thread: ["And more"] }],
    retry: { maxAttempts: 2, maxHandOuts: 1, maxLookups: 1 },
  },
  {
    id: "p-thread-once",
    content: "Hello",
    destinations: [{ ...x, thread: ["And more"] }],
    retry: { maxAttempts: 1, maxHandOuts: 1, maxLookups: 1 },
  },
  { id: "p-dup", content: "Hello", destinations: [x, x] },
];

export const abstractKey = (post: Post): string =>
  JSON.stringify([
    post.id,
    post.status,
    post.revision > 0,
    post.scheduledAt === null,
    // An approval by choice freezes the content; one destination shows it, two would only multiply.
    post.destinations.length === 1 ? post.approvedAt === null : undefined,
    post.content === "",
    post.destinations.map((d) => [
      d.id,
      d.status,
      d.attempts === 0 ? 0 : d.attempts < post.retry.maxAttempts ? 1 : 2,
      // A failure whose outcome is unknown holds a manual retry back: kept apart from the others.
      d.error === undefined
        ? 0
        : d.error.code === "TIMEOUT_ERROR"
          ? 1
          : d.error.outcomeUnknown === true
            ? 3
            : 2,
      // What only one destination's own rules read; with two, the product would be too large.
      ...(post.destinations.length === 1
        ? [d.generation > 0, d.error?.outcomeUnknown === true, d.handOuts ?? 0, d.lookups ?? 0]
        : []),
      // Polls answered: the first, or more (a repeated answer is then a duplicate).
      Math.min(d.polls ?? 0, 2),
      // How far a thread got, and whether an item went out twice.
      ...(d.items === undefined
        ? []
        : [d.items.map((item) => item.status).join(), (d.duplicates?.length ?? 0) > 0]),
    ]),
  ]);

export interface Visit {
  readonly post: Post;
  readonly event: PostEvent;
  readonly decision: Decision;
}

/** Every abstract state reachable from the roots; `visit` sees every (post, event, decision). */
export const explore = (visit: (v: Visit) => void = () => {}): Post[] => {
  const seen = new Set<string>();
  const states: Post[] = [];
  const queue: Post[] = roots.map(newPost);
  for (const post of queue) seen.add(abstractKey(post));
  while (queue.length > 0) {
    const post = queue.shift() as Post;
    states.push(post);
    for (const event of eventsFor(post)) {
      const decision = apply(post, event);
      visit({ post, event, decision });
      if (!decision.ok || decision.ignored !== undefined) continue;
      const key = abstractKey(decision.post);
      if (!seen.has(key)) {
        seen.add(key);
        queue.push(decision.post);
      }
    }
  }
  return states;
};
