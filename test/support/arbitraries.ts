/**
 * fast-check arbitraries for posts and event sequences. A sequence is a list
 * of choices resolved against the post as it evolves, so that most events fit
 * the post they meet (an event for a destination it has, a DUE at its time)
 * while every variant of the alphabet, refusals included, stays reachable.
 */
import fc from "fast-check";
import {
  apply,
  createPost,
  type Decision,
  type DestinationInput,
  type Post,
  type PostEvent,
  type PostInput,
} from "../../src/index.js";
import { eventsFor, LATER } from "./alphabet.js";

const platforms = ["x", "linkedin", "threads", "instagram", "bluesky"] as const;

export const destinationInputArb: fc.Arbitrary<DestinationInput> = fc.record(
  {
    id: fc.constantFrom("d-x", "d-li", "d-th", "d-ig", "d:odd/id"),
    platform: fc.constantFrom(...platforms),
    accountId: fc.constantFrom("acct-1", "urn:li:person:42"),
    postType: fc.constantFrom("post", "thread"),
    content: fc.constantFrom("Per-platform text", "🚀 launch"),
  },
  { requiredKeys: ["id", "platform", "accountId"] },
);

export const postInputArb: fc.Arbitrary<PostInput> = fc.record(
  {
    id: fc.constantFrom("post-1", "post:2", "p"),
    content: fc.constantFrom("Hello world", "We launched! 🚀", ""),
    destinations: fc.uniqueArray(destinationInputArb, {
      minLength: 0,
      maxLength: 3,
      selector: (d) => d.id,
    }),
    requiresApproval: fc.boolean(),
    scheduledAt: fc.constant(LATER),
    retry: fc.record({ maxAttempts: fc.integer({ min: 1, max: 4 }) }),
  },
  { requiredKeys: ["id", "content", "destinations"] },
);

/** A choice of event: an index into the alphabet of the post it meets. */
export const choiceArb = fc.nat({ max: 10_000 });

export const choicesArb = fc.array(choiceArb, { minLength: 1, maxLength: 40 });

export interface Step {
  readonly before: Post;
  readonly event: PostEvent;
  readonly decision: Decision;
}

/** The event a choice names for this post. */
export const resolve = (post: Post, choice: number): PostEvent => {
  const alphabet = eventsFor(post);
  return alphabet[choice % alphabet.length] as PostEvent;
};

/** Runs a sequence of choices from a new post; every step with its decision. */
export const run = (input: PostInput, choices: readonly number[]): Step[] => {
  let post = createPost(input);
  const steps: Step[] = [];
  for (const choice of choices) {
    const event = resolve(post, choice);
    const decision = apply(post, event);
    steps.push({ before: post, event, decision });
    if (decision.ok) post = decision.post;
  }
  return steps;
};

/** The post after the last step. */
export const last = (input: PostInput, steps: readonly Step[]): Post => {
  const final = steps.at(-1);
  if (final === undefined) return createPost(input);
  return final.decision.ok ? final.decision.post : final.before;
};

/** Posts reached by running a sequence: posts "in any reachable state". */
export const reachablePostArb: fc.Arbitrary<Post> = fc
  .tuple(postInputArb, choicesArb)
  .map(([input, choices]) => last(input, run(input, choices)));
