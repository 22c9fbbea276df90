/**
 * `npm run inspect`: watch live postlife actors in Stately's inspector.
 *
 * This is the way `@statelyai/inspect` documents for Node: `createInspectorServer` starts a
 * WebSocket relay on localhost (it also serves a page at http://localhost:PORT that embeds
 * https://stately.ai/inspect and forwards the events to it), and `createWebSocketInspector`
 * sends every actor, event and snapshot of the actors it is attached to.
 *
 * The scenario is seed 001's launch post, run through live actors: a post to X, LinkedIn and
 * Threads is scheduled and comes due; X publishes (and its webhook arrives twice), LinkedIn
 * answers 503 and is retried, Threads' token has expired. Alongside, the LinkedIn worker loads
 * its destination from storage into a `destinationMachine` actor, which resumes where the
 * destination stood (retrying) and takes the same facts.
 *
 *   npm run inspect                        run it, then keep the server up until Ctrl-C
 *   npx tsx examples/inspect.ts --once     run it, check the server relayed every event, exit
 *   npx tsx examples/inspect.ts --port 8181 --open
 *
 * `test/inspector.test.ts` runs the same scenario (`runLaunch`) with an inspector of its own.
 * CI does not run this script: it opens a port and, without `--once`, never exits.
 */
import { createServer } from "node:net";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createWebSocketInspector, createWebSocketReceiver } from "@statelyai/inspect";
import { createInspectorServer } from "@statelyai/inspect/server";
import { type Actor, createActor, type InspectionEvent, type Observer } from "xstate";
import {
  type DeliveryFact,
  type DestinationEvent,
  type DestinationMachineInput,
  destinationMachine,
  type Instruction,
  type Post,
  type PostEvent,
  type PostInput,
  postMachine,
} from "../src/index.js";

/** The launch post of seed 001, to three platforms. */
export const launchPost: PostInput = {
  id: "post-launch-42",
  content: "postlife 0.1 is out: every post, every platform, never published twice.",
  destinations: [
    { id: "d-x", platform: "x", accountId: "1587354420" },
    { id: "d-li", platform: "linkedin", accountId: "urn:li:organization:2414183" },
    { id: "d-threads", platform: "threads", accountId: "17841412345678" },
  ],
};

/** What `runLaunch` did: the two actors, and every event it sent each of them, in order. */
export interface LaunchRun {
  readonly post: Actor<typeof postMachine>;
  readonly destination: Actor<typeof destinationMachine>;
  readonly postEvents: readonly PostEvent[];
  /** The input the destination actor was created with: the LinkedIn destination as stored. */
  readonly destinationInput: DestinationMachineInput;
  readonly destinationEvents: readonly DestinationEvent[];
}

/**
 * Yields to the event loop. `@statelyai/inspect` converts each inspection event in a
 * `setTimeout(0)` callback; waiting one turn after every step lets it read each actor while
 * the step is fresh (its `@xstate.actor` event carries the actor's snapshot as of then).
 */
export const tick = (): Promise<void> => new Promise((done) => setTimeout(done, 0));

const platformOf = (destinationId: string): string =>
  launchPost.destinations.find((d) => d.id === destinationId)?.platform ?? destinationId;

const line = (i: Instruction): string => {
  switch (i.type) {
    case "arm_schedule":
      return `arm_schedule at=${i.at}`;
    case "enqueue_delivery":
      return `enqueue_delivery ${i.platform} key=${i.idempotencyKey} attempt=${i.attempt}`;
    case "schedule_retry":
      return `schedule_retry ${platformOf(i.destinationId)} at=${i.at} attempt=${i.attempt}`;
    case "request_reconnect":
      return `request_reconnect ${i.platform} account=${i.accountId}`;
    case "webhook":
      return `webhook ${i.event}${i.destinationId === undefined ? "" : ` ${i.destinationId}`}`;
    default:
      return i.type;
  }
};

/**
 * Runs the launch scenario through live actors attached to `inspect`. Every fact is built
 * from the instructions the actors emitted (the attempt and idempotency key a worker echoes,
 * the retry time), as a service's workers would. Both actors are left running; stop them
 * when done.
 */
export const runLaunch = async (
  inspect: Observer<InspectionEvent>,
  log: (text: string) => void = () => {},
): Promise<LaunchRun> => {
  const outbox: Instruction[] = [];
  const postEvents: PostEvent[] = [];
  const destinationEvents: DestinationEvent[] = [];

  const post = createActor(postMachine, { input: launchPost, inspect });
  post.on("*", (instruction) => {
    outbox.push(instruction);
    log(`    → ${line(instruction)}`);
  });
  post.start();
  log(`post ${launchPost.id}: ${post.getSnapshot().value}`);
  await tick();

  const last = <T extends Instruction["type"]>(
    type: T,
    destinationId?: string,
  ): Extract<Instruction, { type: T }> => {
    const found = outbox.findLast(
      (i) =>
        i.type === type &&
        (destinationId === undefined ||
          ("destinationId" in i && i.destinationId === destinationId)),
    );
    if (found === undefined) throw new Error(`the post emitted no ${type} for ${destinationId}`);
    return found as Extract<Instruction, { type: T }>;
  };
  // A worker echoes the attempt and the key it was enqueued with.
  const attemptOf = (destinationId: string) => {
    const job = last("enqueue_delivery", destinationId);
    return { destinationId, attempt: job.attempt, idempotencyKey: job.idempotencyKey };
  };

  let destination: Actor<typeof destinationMachine> | undefined;
  const report = (): void => {
    const { context, value } = post.getSnapshot();
    const destinations = context.destinations.map((d) => `${d.platform}=${d.status}`).join(" ");
    log(`  post: ${value}   ${destinations}`);
    if (destination !== undefined) log(`  linkedin actor: ${destination.getSnapshot().value}`);
  };
  const toPost = async (event: PostEvent): Promise<void> => {
    log(`${event.type}${"destinationId" in event ? ` ${platformOf(event.destinationId)}` : ""}`);
    postEvents.push(event);
    post.send(event);
    report();
    await tick();
  };
  // From the moment LinkedIn has an actor of its own, its facts go to that actor too.
  const toBoth = async (fact: DeliveryFact): Promise<void> => {
    log(`${fact.type} ${platformOf(fact.destinationId)} (to the post and the linkedin actor)`);
    postEvents.push(fact);
    destinationEvents.push(fact);
    post.send(fact);
    destination?.send(fact);
    report();
    await tick();
  };

  await toPost({ type: "SCHEDULE", at: "2026-04-20T14:00:00Z", now: "2026-04-19T09:00:00Z" });
  const armed = last("arm_schedule");
  await toPost({ type: "DUE", now: armed.at, revision: armed.revision });

  for (const id of ["d-x", "d-li", "d-threads"]) {
    await toPost({ type: "DELIVERY_STARTED", ...attemptOf(id), now: "2026-04-20T14:00:01Z" });
  }
  const xPublished: PostEvent = {
    type: "DELIVERY_SUCCEEDED",
    ...attemptOf("d-x"),
    platformPostId: "1914021587354420736",
    platformUrl: "https://x.com/postlife/status/1914021587354420736",
    now: "2026-04-20T14:00:02Z",
  };
  await toPost(xPublished);
  // The same webhook again: destinationTakes does not hold (the post is already known), so nothing moves.
  await toPost(xPublished);
  // LinkedIn is down for a moment: a retryable failure, retried under the same key.
  await toPost({
    type: "DELIVERY_FAILED",
    ...attemptOf("d-li"),
    failure: { httpStatus: 503, message: "Service Unavailable" },
    now: "2026-04-20T14:00:03Z",
  });
  // Threads answers with Meta's code 190: the token expired. Failed for good; reconnect.
  await toPost({
    type: "DELIVERY_FAILED",
    ...attemptOf("d-threads"),
    failure: {
      httpStatus: 400,
      code: 190,
      message: "Error validating access token: Session has expired",
    },
    now: "2026-04-20T14:00:04Z",
  });

  // The LinkedIn worker loads its destination from storage (a JSON row) into an actor of
  // its own; the actor resumes in the status the destination has.
  const stored: Post = JSON.parse(JSON.stringify(post.getSnapshot().context));
  const linkedin = stored.destinations.find((d) => d.id === "d-li");
  if (linkedin === undefined) throw new Error("the stored post has no LinkedIn destination");
  const destinationInput: DestinationMachineInput = {
    postId: stored.id,
    revision: stored.revision,
    retry: stored.retry,
    destination: linkedin,
  };
  destination = createActor(destinationMachine, { input: destinationInput, inspect });
  destination.on("*", (instruction) => log(`    → (linkedin actor) ${line(instruction)}`));
  destination.start();
  log(`\nlinkedin destination actor, loaded from storage: ${destination.getSnapshot().value}`);
  await tick();

  const retry = last("schedule_retry", "d-li");
  await toBoth({
    type: "RETRY_DUE",
    destinationId: "d-li",
    attempt: retry.attempt,
    idempotencyKey: retry.idempotencyKey,
    now: retry.at,
  });
  await toBoth({ type: "DELIVERY_STARTED", ...attemptOf("d-li"), now: retry.at });
  await toBoth({
    type: "DELIVERY_SUCCEEDED",
    ...attemptOf("d-li"),
    platformPostId: "urn:li:share:7319682466281549824",
    platformUrl: "https://www.linkedin.com/feed/update/urn:li:share:7319682466281549824/",
    now: retry.at,
  });

  return { post, destination, postEvents, destinationInput, destinationEvents };
};

/** The inspection event types `@statelyai/inspect` forwards (it drops microsteps and actions). */
const forwarded = new Set(["@xstate.actor", "@xstate.event", "@xstate.snapshot"]);

const portIsFree = (port: number): Promise<boolean> =>
  new Promise((done) => {
    const probe = createServer();
    probe.once("error", () => done(false));
    probe.listen(port, () => probe.close(() => done(true)));
  });

const main = async (args: readonly string[]): Promise<number> => {
  const once = args.includes("--once");
  const portArg = args[args.indexOf("--port") + 1];
  const port = args.includes("--port") ? Number(portArg) : 8080;
  if (!Number.isInteger(port) || port <= 0) {
    console.error(`--port needs a port number, not ${portArg}`);
    return 2;
  }
  if (!(await portIsFree(port))) {
    console.error(`port ${port} is in use: pass --port with a free one`);
    return 1;
  }

  const server = createInspectorServer({ port, autoOpen: args.includes("--open") });
  const inspector = createWebSocketInspector({ url: `ws://localhost:${port}` });
  // Counts what the inspector will send, to check the relay in --once mode.
  let sent = 0;
  const inspect: Observer<InspectionEvent> = {
    next: (event) => {
      if (forwarded.has(event.type)) sent++;
      inspector.inspect.next?.(event);
    },
  };

  const run = await runLaunch(inspect, console.log);
  const post = run.post.getSnapshot().context;
  const linkedin = run.destination.getSnapshot().context.destination;
  const mirrored =
    JSON.stringify(post.destinations.find((d) => d.id === "d-li")) === JSON.stringify(linkedin);
  console.log(`\nfinal: post ${post.status}, linkedin actor ${linkedin.status}`);
  if (post.status !== "partially_published" || !mirrored) {
    console.error("the scenario did not end as it should (partially_published, LinkedIn alike)");
    return 1;
  }

  if (once) {
    // A client of the relay, as the inspector page is: it must get every event sent.
    const types = new Map<string, number>();
    let received = 0;
    const relayed = await new Promise<boolean>((done) => {
      const timer = setTimeout(() => done(false), 10_000);
      createWebSocketReceiver({ server: `ws://localhost:${port}` }).subscribe((event) => {
        types.set(event.type, (types.get(event.type) ?? 0) + 1);
        if (++received === sent) {
          clearTimeout(timer);
          done(true);
        }
      });
    });
    inspector.stop();
    server.stop();
    const summary = [...types].map(([type, n]) => `${type} ×${n}`).join(", ");
    console.log(`\nthe inspector server relayed ${received} of ${sent} events: ${summary}`);
    return relayed ? 0 : 1;
  }

  console.log(`
The inspector server is running. Open http://localhost:${port} in a browser: it embeds
Stately's inspector (https://stately.ai/inspect) and replays the events above into it.
Pick the "post" or "destination" actor to see its machine, its current state and the
events it took. Ctrl-C to stop.`);
  process.once("SIGINT", () => {
    inspector.stop();
    server.stop();
    process.exit(0);
  });
  return await new Promise<number>(() => {});
};

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  // A receiver's socket and the relay's clients are not closed by stop(): exit explicitly.
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
