/**
 * The machines are plain XState v5 machines that the inspector and Studio
 * read: an id, a description on every state, only named guards and actions,
 * no functions in their JSON, no delays or invoked actors (time comes from
 * events). And they start from the same post as createPost.
 */
import { describe, expect, it } from "vitest";
import { createActor, initialTransition } from "xstate";
import {
  type DestinationMachineInput,
  defaultRetryPolicy,
  destinationMachine,
  type PostInput,
  postMachine,
} from "../src/index.js";
import { draftOf } from "./support/draft.js";

const input: PostInput = {
  id: "post-1",
  content: "Launch day",
  scheduledAt: "2026-04-20T16:00:00+02:00",
  requiresApproval: true,
  retry: { maxAttempts: 5 },
  destinations: [
    { id: "d-x", platform: "x", accountId: "acct-1" },
    {
      id: "d-li",
      platform: "linkedin",
      accountId: "urn:li:person:42",
      postType: "post",
      content: "Longer text",
    },
  ],
};

/**
 * Every value the inspector receives from `machine.toJSON()`, with its path:
 * JSON.stringify's own walk (which calls each node's toJSON), so that what
 * serialisation would silently drop (a function) is seen.
 */
const walk = (machine: { toJSON(): unknown }, visit: (v: unknown, path: string) => void): void => {
  const paths = new Map<unknown, string>();
  JSON.stringify(machine.toJSON(), function (this: unknown, key, value: unknown) {
    const path = key === "" ? "machine" : `${paths.get(this) ?? "?"}.${key}`;
    if (typeof value === "object" && value !== null) paths.set(value, path);
    if (key !== "toJSON") visit(value, path);
    return value;
  });
};

describe.each([
  ["postMachine", postMachine],
  ["destinationMachine", destinationMachine],
] as const)("%s", (name, machine) => {
  const json = machine.toJSON() as unknown as {
    id: string;
    states: Record<string, { description?: string }>;
  };

  it("has an id and a description, and so does every state", () => {
    expect(json.id).toBe(name.replace("Machine", ""));
    expect(machine.root.description).toEqual(expect.any(String));
    for (const [key, state] of Object.entries(json.states)) {
      expect(state.description, key).toEqual(expect.any(String));
    }
  });

  it("serialises without a single function: every guard and action is named", () => {
    const functions: string[] = [];
    walk(machine, (v, path) => {
      if (typeof v === "function") functions.push(path);
    });
    expect(functions).toEqual([]);
    const text = JSON.stringify(json);
    expect(text).not.toContain("xstate.guard");
    expect(text).not.toMatch(/"actions":\["?inline/);
  });

  it("keeps time out of the machine: no delayed transitions, no invoked actors", () => {
    walk(machine, (v, path) => {
      if (path.endsWith(".after")) expect(v).toEqual({});
      if (path.endsWith(".invoke")) expect(v).toEqual([]);
    });
    expect(JSON.stringify(json)).not.toContain("xstate.after");
  });

  it("names every guard and action it uses in its implementations", () => {
    const used = new Set<string>();
    walk(machine, (v, path) => {
      if (path.endsWith(".guard") && typeof v === "string") used.add(v);
      if (path.endsWith(".guard") && typeof v === "object" && v !== null)
        used.add((v as { type: string }).type);
      if (/\.actions\.\d+$/.test(path) && typeof v === "string") used.add(v);
    });
    const implemented = new Set([
      ...Object.keys(machine.implementations.guards),
      ...Object.keys(machine.implementations.actions),
    ]);
    for (const name of used) expect(implemented.has(name), name).toBe(true);
    expect(used.size).toBeGreaterThan(3);
  });
});

describe("postMachine", () => {
  it("starts from exactly the post createPost gives, through an actor or initialTransition", () => {
    const [snapshot] = initialTransition(postMachine, input);
    expect(snapshot.value).toBe("draft");
    expect(snapshot.context).toEqual(draftOf(input));
    const actor = createActor(postMachine, { input }).start();
    expect(actor.getSnapshot().context).toEqual(draftOf(input));
    actor.stop();
  });

  it("emits the outbox as events a live actor's subscribers receive", () => {
    const actor = createActor(postMachine, {
      input: { ...input, requiresApproval: false },
    });
    const types: string[] = [];
    actor.on("*", (instruction) => types.push(`${instruction.type}`));
    actor.start();
    actor.send({ type: "PUBLISH", now: "2026-04-20T12:00:00Z" });
    expect(actor.getSnapshot().value).toBe("queued");
    expect(types).toEqual(["enqueue_delivery", "arm_deadline", "enqueue_delivery", "arm_deadline"]);
    actor.stop();
  });

  it("answers snapshot.can as can() does", () => {
    const [snapshot] = initialTransition(postMachine, input);
    expect(snapshot.can({ type: "SUBMIT_FOR_APPROVAL", now: "2026-04-20T12:00:00Z" })).toBe(true);
    // requiresApproval: a draft cannot skip the reviewer.
    expect(snapshot.can({ type: "PUBLISH", now: "2026-04-20T12:00:00Z" })).toBe(false);
    expect(snapshot.can({ type: "PUBLISH" } as never)).toBe(false);
  });
});

describe("destinationMachine", () => {
  it("starts from the destination it is given, with the default retry policy filled in", () => {
    const destinationInput: DestinationMachineInput = {
      postId: "post-1",
      destination: draftOf(input).destinations[0] as never,
      retry: { maxAttempts: 2 },
    };
    const [snapshot] = initialTransition(destinationMachine, destinationInput);
    expect(snapshot.context.destination).toBe(destinationInput.destination);
    expect(snapshot.context.retry).toEqual({ ...defaultRetryPolicy, maxAttempts: 2 });
    expect(snapshot.context.revision).toBe(0);
  });
});

describe("the machines' guards are the lifecycle's rules", () => {
  it.each([
    ["postMachine", postMachine],
    ["destinationMachine", destinationMachine],
  ] as const)(
    "%s: every guard a distinct predicate, none of them apply or the whole step",
    (_, machine) => {
      const guards = Object.entries(machine.implementations.guards) as [
        string,
        (...a: never[]) => unknown,
      ][];
      expect(guards.length).toBeGreaterThan(10);
      const sources = guards.map(([, guard]) => String(guard));
      expect(new Set(sources).size).toBe(guards.length);
      for (const [name, source] of guards.map(([n], i) => [n, sources[i] ?? ""] as const)) {
        expect(source, name).not.toMatch(/\bapply\(|stepDestination\(|stepJudged\(/);
      }
    },
  );
});
