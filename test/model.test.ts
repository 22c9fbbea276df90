/**
 * Model-based: xstate/graph walks both machines through the event alphabet
 * (their shortest paths to every abstract state), and each path is replayed
 * through the pure functions, which must end where the machine ends. Every
 * state of each machine is reached.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getShortestPaths } from "xstate/graph";
import { newPost } from "../src/domain/post.js";
import {
  apply,
  type Destination,
  type DestinationContext,
  defaultRetryPolicy,
  destinationMachine,
  destinationStatuses,
  type Post,
  postMachine,
  postStatuses,
  stepDestination,
} from "../src/index.js";
import { destinationCommands, eventsFor, factsFor } from "./support/alphabet.js";
import { abstractKey, roots } from "./support/explore.js";

describe("postMachine, walked by xstate/graph", () => {
  const reached = new Set<string>();
  const mismatches: string[] = [];
  let paths = 0;

  beforeAll(() => {
    for (const input of roots) {
      for (const path of getShortestPaths(postMachine, {
        input,
        events: (snapshot) => eventsFor(snapshot.context),
        serializeState: (snapshot) => `${String(snapshot.value)}|${abstractKey(snapshot.context)}`,
      })) {
        paths++;
        reached.add(String(path.state.value));
        let post: Post = newPost(input);
        for (const { event } of path.steps.slice(1)) {
          const decision = apply(post, event);
          if (decision.ok) post = decision.post;
        }
        // A path leads to an abstract state: compare what the abstraction keeps.
        if (
          post.status !== path.state.value ||
          abstractKey(post) !== abstractKey(path.state.context)
        ) {
          mismatches.push(`${input.id}: ${path.steps.map((s) => s.event.type).join(" → ")}`);
        }
      }
    }
  });

  it("reaches every post status", () => {
    expect([...reached].sort()).toEqual([...postStatuses].sort());
    expect(paths).toBeGreaterThan(1000);
  });

  it("every path, replayed through apply, ends in the machine's (abstract) post", () => {
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});

const destinationKey = ({ destination: d }: DestinationContext): string =>
  JSON.stringify([d.status, d.attempts, Math.min(d.generation, 1), d.error?.code ?? null]);

describe("destinationMachine, walked by xstate/graph", () => {
  const start: Destination = {
    id: "d-x",
    platform: "x",
    accountId: "acct-1",
    postType: "post",
    status: "draft",
    attempts: 0,
    generation: 0,
  };
  const reached = new Set<string>();
  const mismatches: string[] = [];

  beforeAll(() => {
    for (const maxAttempts of [1, 3]) {
      const input = { postId: "post-1", destination: start, retry: { maxAttempts } };
      for (const path of getShortestPaths(destinationMachine, {
        input,
        events: (snapshot) => [
          ...destinationCommands(snapshot.context.destination),
          ...factsFor(snapshot.context.destination),
        ],
        serializeState: ({ context }) => destinationKey(context),
      })) {
        reached.add(String(path.state.value));
        let context: DestinationContext = {
          postId: "post-1",
          revision: 0,
          retry: { ...defaultRetryPolicy, maxAttempts },
          destination: start,
        };
        for (const { event } of path.steps.slice(1)) {
          const step = stepDestination(context, event);
          if (step.kind === "accepted") context = { ...context, destination: step.destination };
        }
        if (destinationKey(context) !== destinationKey(path.state.context)) {
          mismatches.push(path.steps.map((s) => s.event.type).join(" → "));
        }
      }
    }
  });

  it("reaches every destination status", () => {
    expect([...reached].sort()).toEqual([...destinationStatuses].sort());
  });

  it("every path, replayed through stepDestination, ends in the machine's (abstract) destination", () => {
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});
