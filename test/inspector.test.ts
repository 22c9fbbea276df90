/**
 * What Stately's inspector receives from live postlife actors. The launch scenario of
 * `npm run inspect` (examples/inspect.ts) runs with an inspector built by `createInspector`
 * on an adapter this test controls, in place of the WebSocket one: each machine's definition,
 * every event in order and every snapshot must reach it, and the snapshots must be the posts
 * (and the destination) that `apply` (and `stepDestination`) give for the same events.
 */
import {
  createInspector,
  type StatelyActorEvent,
  type StatelyEventEvent,
  type StatelyInspectionEvent,
  type StatelySnapshotEvent,
} from "@statelyai/inspect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LaunchRun, launchPost, runLaunch, tick } from "../examples/inspect.js";
import {
  apply,
  type DestinationContext,
  defaultRetryPolicy,
  destinationMachine,
  type Post,
  postMachine,
  stepDestination,
} from "../src/index.js";
import { draftOf } from "./support/draft.js";

const received: StatelyInspectionEvent[] = [];
const adapter = {
  started: false,
  start() {
    this.started = true;
  },
  stop() {
    this.started = false;
  },
  send(event: StatelyInspectionEvent) {
    received.push(event);
  },
};
const inspector = createInspector(adapter);
let run: LaunchRun;

beforeAll(async () => {
  inspector.start();
  run = await runLaunch(inspector.inspect);
  // The inspector converts each event in a setTimeout(0) callback. runLaunch already waits a
  // turn after every step; one more keeps this test independent of that.
  await tick();
});

afterAll(() => {
  run.post.stop();
  run.destination.stop();
  inspector.stop();
});

const actorEvents = (sessionId: string) =>
  received.filter(
    (e): e is StatelyActorEvent => e.type === "@xstate.actor" && e.sessionId === sessionId,
  );
const eventEvents = (sessionId: string) =>
  received.filter(
    (e): e is StatelyEventEvent => e.type === "@xstate.event" && e.sessionId === sessionId,
  );
const snapshotEvents = (sessionId: string) =>
  received.filter(
    (e): e is StatelySnapshotEvent => e.type === "@xstate.snapshot" && e.sessionId === sessionId,
  );
const snapshotOf = (e: StatelySnapshotEvent) =>
  e.snapshot as unknown as { value: string; status: string; context: unknown };

describe("the inspector attached to the launch scenario's live actors", () => {
  it("is started and receives actors, events and snapshots, nothing else", () => {
    expect(adapter.started).toBe(true);
    expect(new Set(received.map((e) => e.type))).toEqual(
      new Set(["@xstate.actor", "@xstate.event", "@xstate.snapshot"]),
    );
    expect(new Set(received.map((e) => e.sessionId))).toEqual(
      new Set([run.post.sessionId, run.destination.sessionId]),
    );
  });

  describe.each([
    ["post", () => run.post, postMachine, "draft"],
    ["destination", () => run.destination, destinationMachine, "retrying"],
  ] as const)("the %s actor", (id, actor, machine, startsIn) => {
    it("registers once, with its machine's definition: named guards and actions, every state described", () => {
      const registered = actorEvents(actor().sessionId);
      expect(registered).toHaveLength(1);
      const event = registered[0] as StatelyActorEvent;
      expect(event.name).toBe(id);
      expect(event.parentId).toBeUndefined();
      expect((event.snapshot as { value?: unknown }).value).toBe(startsIn);

      const definition = JSON.parse(event.definition ?? "null");
      // The inspector sends the machine's config; the one function in it, the context
      // factory, arrives as its name. Anything else that is not plain JSON would differ here.
      expect(definition).toEqual({
        ...JSON.parse(JSON.stringify(machine.config)),
        context: { type: "context" },
      });
      expect(definition.id).toBe(id);
      const states = Object.entries(definition.states as Record<string, { description: string }>);
      expect(states.map(([key]) => key).sort()).toEqual(Object.keys(machine.states).sort());
      for (const [key, state] of states) {
        expect(state.description, key).toBe(machine.states[key]?.description);
      }
    });
  });

  it("receives every event sent to the post, in order, after its start", () => {
    const events = eventEvents(run.post.sessionId).map((e) => e.event);
    expect(events).toEqual([{ type: "xstate.init", input: launchPost }, ...run.postEvents]);
    expect(events.map((e) => e.type)).toEqual([
      "xstate.init",
      "SCHEDULE",
      "DUE",
      "DELIVERY_STARTED",
      "DELIVERY_STARTED",
      "DELIVERY_STARTED",
      "DELIVERY_SUCCEEDED",
      "DELIVERY_SUCCEEDED",
      "DELIVERY_FAILED",
      "DELIVERY_FAILED",
      "RETRY_DUE",
      "DELIVERY_STARTED",
      "DELIVERY_SUCCEEDED",
    ]);
  });

  it("receives every event sent to the destination, in order, after its start", () => {
    const events = eventEvents(run.destination.sessionId).map((e) => e.event);
    expect(events).toEqual([
      { type: "xstate.init", input: run.destinationInput },
      ...run.destinationEvents,
    ]);
    expect(events.map((e) => e.type)).toEqual([
      "xstate.init",
      "RETRY_DUE",
      "DELIVERY_STARTED",
      "DELIVERY_SUCCEEDED",
    ]);
  });

  it("follows each event with the snapshot it led to", () => {
    for (const actor of [run.post, run.destination]) {
      const own = received.filter(
        (e) => e.sessionId === actor.sessionId && e.type !== "@xstate.actor",
      );
      expect(own.length % 2).toBe(0);
      for (let i = 0; i < own.length; i += 2) {
        const [event, snapshot] = [own[i], own[i + 1]];
        expect(event?.type).toBe("@xstate.event");
        expect(snapshot?.type).toBe("@xstate.snapshot");
        expect((snapshot as StatelySnapshotEvent).event).toEqual(
          (event as StatelyEventEvent).event,
        );
      }
    }
  });

  it("gets the post's snapshots as apply gives them, event by event", () => {
    // The same events through the pure API: an accepted event gives the next post; a
    // rejected or ignored one leaves it as it was.
    let post: Post = draftOf(launchPost);
    const expected: Post[] = [post];
    const ignored: string[] = [];
    for (const event of run.postEvents) {
      const decision = apply(post, event);
      expect(decision.ok, event.type).toBe(true);
      if (decision.ok && decision.ignored === undefined) post = decision.post;
      if (decision.ok && decision.ignored !== undefined) ignored.push(decision.ignored);
      expected.push(post);
    }
    expect(ignored).toEqual(["duplicate"]);

    const snapshots = snapshotEvents(run.post.sessionId).map(snapshotOf);
    expect(snapshots.map((s) => s.context)).toEqual(expected);
    expect(snapshots.map((s) => s.value)).toEqual(expected.map((p) => p.status));
    // settling never rests: the inspector sees the status it settles into.
    expect(snapshots.map((s) => s.value)).toEqual([
      "draft",
      "scheduled",
      "queued",
      "publishing",
      "publishing",
      "publishing",
      "publishing",
      "publishing",
      "publishing",
      "publishing",
      "publishing",
      "publishing",
      "partially_published",
    ]);
    expect(snapshots.every((s) => s.status === "active")).toBe(true);
  });

  it("gets the destination's snapshots as stepDestination gives them, ending where the post's LinkedIn destination ends", () => {
    const input = run.destinationInput;
    let context: DestinationContext = {
      postId: input.postId,
      revision: input.revision ?? 0,
      retry: { ...defaultRetryPolicy, ...input.retry },
      destination: input.destination,
    };
    const expected: DestinationContext[] = [context];
    for (const event of run.destinationEvents) {
      const step = stepDestination(context, event);
      expect(step.kind, event.type).toBe("accepted");
      if (step.kind === "accepted") context = { ...context, destination: step.destination };
      expected.push(context);
    }

    const snapshots = snapshotEvents(run.destination.sessionId).map(snapshotOf);
    expect(snapshots.map((s) => s.context)).toEqual(expected);
    expect(snapshots.map((s) => s.value)).toEqual([
      "retrying",
      "queued",
      "publishing",
      "published",
    ]);
    // Published is never sent again, but the actor stays live to hear of a duplicate.
    expect(snapshots.at(-1)?.status).toBe("active");
    const postLinkedin = run.post
      .getSnapshot()
      .context.destinations.find((d) => d.id === input.destination.id);
    expect(context.destination).toEqual(postLinkedin);
  });
});
