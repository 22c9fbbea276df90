/**
 * The launch scenario: one post to X, LinkedIn and Threads, through the HTTP
 * API, on a day that goes as launch days go. X answers 429 and takes the
 * retry; LinkedIn times out after it made the post, and a look-up finds it;
 * Threads' token has expired. Meanwhile a person tries to edit the queued
 * post, the client sends its publish request twice, and LinkedIn's webhook
 * arrives twice.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { type Instruction, isTerminal, type Post, type PostEvent } from "postlife";
import { clockOf } from "./clock.js";
import { listen } from "./listen.js";
import { platformPosts } from "./platforms/schema.js";
import { type Service, startService } from "./service.js";
import { notices } from "./store/schema.js";
import { type Subscriber, startSubscriber } from "./subscriber.js";

/** One line of the timeline. */
export interface Moment {
  /** Service time since the scenario began, in milliseconds. */
  readonly at: number;
  readonly post: string;
  readonly destination: string;
  /** The event decided, the HTTP request made, or the platform call. */
  readonly what: string;
  /** The post's status (and the destination's) after it. */
  readonly status: string;
  readonly outbox: string;
  readonly http: string;
}

export interface Story {
  readonly timeline: readonly Moment[];
  readonly post: Post;
  readonly answers: Readonly<Record<string, { status: number; body: unknown }>>;
  readonly subscriber: Pick<Subscriber, "received" | "deliveries" | "forged">;
  readonly notices: readonly { kind: string }[];
  readonly platformPosts: number;
  readonly metrics: ReturnType<Service["metrics"]["summary"]>;
}

const start = Date.parse("2026-04-20T14:00:00.000Z");

/** The outbox in a few words: each instruction once, in order, with how many there were. */
const describeOutbox = (outbox: readonly Instruction[]): string => {
  const counts = new Map<string, number>();
  for (const i of outbox) {
    const word =
      i.type === "webhook"
        ? i.event
        : i.type === "enqueue_delivery" || i.type === "schedule_retry"
          ? `${i.type}#${i.attempt}`
          : i.type;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts].map(([word, n]) => (n === 1 ? word : `${word} ×${n}`)).join(", ");
};

const describeEvent = (e: PostEvent): string => {
  if (e.type === "DELIVERY_FAILED") {
    const f = e.failure;
    return `DELIVERY_FAILED (${f?.httpStatus !== undefined ? `HTTP ${f.httpStatus}` : f?.transportError})`;
  }
  if (e.type === "RECONCILED") return `RECONCILED (${e.found === null ? "not found" : "found"})`;
  return e.type;
};

/** Runs the scenario on a fresh service; the service is stopped when it ends. */
export const runLaunchScenario = async (
  options: { readonly speed?: number } = {},
): Promise<Story> => {
  const speed = options.speed ?? 60;
  const clock = clockOf({ speed, origin: start, wallOrigin: Date.now() });
  const timeline: Moment[] = [];
  let webhooks = 0;
  let begun = 0;
  const moment = (m: Omit<Moment, "at">, at = clock.now()) =>
    timeline.push({ at: at - begun, ...m });
  const service = await startService({
    clock,
    simulation: {
      script: {
        "d-x": ["rate_limited", "publish"],
        "d-li": ["timeout_after_sending"],
        "d-threads": ["token_expired"],
      },
      latencyMs: 20,
    },
    hooks: {
      decided: (postId, events, post, outbox) => {
        webhooks += outbox.filter((i) => i.type === "webhook").length;
        for (const e of events) {
          const d =
            "destinationId" in e
              ? post.destinations.find((x) => x.id === e.destinationId)
              : undefined;
          moment({
            post: postId.slice(0, 10),
            destination: d?.id ?? "",
            what: describeEvent(e),
            status: d === undefined ? post.status : `${post.status} / ${d.status}`,
            outbox: describeOutbox(outbox),
            http: "",
          });
        }
      },
    },
    observe: (step) => {
      if (step.kind === "call") {
        moment({
          post: step.job.postId.slice(0, 10),
          destination: step.job.destinationId,
          what: `${step.job.platform} publish call #${step.job.attempt}: ${step.outcome}`,
          status: "",
          outbox: "",
          http: "",
        });
      } else if (step.kind === "lookup") {
        moment({
          post: step.job.postId.slice(0, 10),
          destination: step.job.destinationId,
          what: `${step.job.platform} look-up: ${step.found ? "found" : "not found"}`,
          status: "",
          outbox: "",
          http: "",
        });
      }
    },
  });
  const server = await listen(service.app);
  const subscriber = await startSubscriber({
    // The subscriber is down for its first delivery: the webhook comes again.
    refuse: (_id, delivery) => delivery === 1,
  });
  const answers: Record<string, { status: number; body: unknown }> = {};
  const call = async (
    name: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const sent = clock.now();
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = { status: response.status, body: await response.json() };
    answers[name] = answer;
    const said = answer.body as { error?: { reason?: string }; ignored?: string; postId?: string };
    const why =
      said.error?.reason ?? (said.ignored === undefined ? undefined : `ignored: ${said.ignored}`);
    moment(
      {
        post: said.postId?.slice(0, 10) ?? "",
        destination: "",
        what: `${method} ${path.replace(/[0-9a-f]{24}/, ":id")}${why === undefined ? "" : ` (${why})`}`,
        status: "",
        outbox: "",
        http: String(answer.status),
      },
      sent,
    );
    return answer;
  };
  try {
    begun = clock.now();
    await call("subscribe", "POST", "/v1/subscriptions", {
      url: subscriber.url,
      secret: subscriber.secret,
    });
    const request = {
      content: "We launched! postlife decides every change to every post.",
      destinations: [
        { id: "d-x", platform: "x", accountId: "1587354420" },
        { id: "d-li", platform: "linkedin", accountId: "urn:li:organization:2414183" },
        { id: "d-threads", platform: "threads", accountId: "17841412345678" },
      ],
    };
    const published = await call("publish", "POST", "/v1/posts", request, {
      "idempotency-key": "launch-2026-04-20",
    });
    const postId = (published.body as { postId: string }).postId;
    await call("publish again", "POST", "/v1/posts", request, {
      "idempotency-key": "launch-2026-04-20",
    });
    await call("edit", "PATCH", `/v1/posts/${postId}`, { content: "We launched! (typo fixed)" });
    const post = await settled(service, postId);
    const li = post.destinations.find((d) => d.id === "d-li");
    const webhook = {
      event: "destination.published",
      postId,
      destinationId: "d-li",
      platform: "linkedin",
      platformPostId: li?.platformPostId,
      occurredAt: new Date(clock.now()).toISOString(),
    };
    await call("webhook", "POST", "/v1/webhooks/platforms", webhook);
    await call("webhook again", "POST", "/v1/webhooks/platforms", webhook);
    await call("results", "GET", `/v1/posts/${postId}/results`);
    await call("group", "GET", `/api/v1/get-post/${postId}`);
    await call("status", "GET", `/v1/posts/${postId}`);
    await call("batch", "POST", "/api/content/status/batch", {
      checks: post.destinations.map((d) => ({ accountId: d.accountId, publishId: postId })),
    });
    await until(() => subscriber.received.size >= webhooks);
    return {
      timeline: timeline.sort((a, b) => a.at - b.at),
      post,
      answers,
      subscriber,
      notices: await service.database.db
        .select({ kind: notices.kind })
        .from(notices)
        .where(eq(notices.postId, postId)),
      platformPosts: (
        await service.database.db
          .select()
          .from(platformPosts)
          .where(eq(platformPosts.postId, postId))
      ).length,
      metrics: service.metrics.summary(),
    };
  } finally {
    await server.close();
    await subscriber.close();
    await service.stop();
  }
};

/** Waits until `done` holds, checking every 20 ms; gives up after a wall-clock minute. */
export const until = async (
  done: () => boolean | Promise<boolean>,
  what = "the service to settle",
): Promise<void> => {
  const deadline = Date.now() + 60_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(20);
  }
};

/** The post once every destination has reached a final status. */
const settled = async (service: Service, postId: string): Promise<Post> => {
  let post: Post | undefined;
  await until(async () => {
    post = (await service.decider.load(postId))?.post;
    return post?.destinations.every((d) => isTerminal(d.status)) === true;
  }, `post ${postId} to settle`);
  return post as Post;
};
