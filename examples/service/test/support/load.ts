/**
 * The proof's world: the reference service under load, the way production
 * fails. Posts arrive through the HTTP API (some twice under one
 * Idempotency-Key), people edit, reschedule and cancel them at any moment,
 * platforms fail and time out, their webhooks come late, twice and out of
 * order, other writers take the row between a load and its save, workers die
 * between any two steps (in-process) or are killed in the middle of a
 * platform call (worker processes). Then the audit: nothing lost, nothing
 * published twice, nothing left in flight, every post its events' replay,
 * every webhook delivered.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { isDeepStrictEqual } from "node:util";
import { asc, eq, gt, sql } from "drizzle-orm";
import { apply, createPost, isTerminal, type Post, type PostEvent } from "postlife";
import { type ClockSettings, clockOf } from "../../src/clock.js";
import { jobId } from "../../src/jobs.js";
import { quantileOf } from "../../src/metrics.js";
import { platformPosts } from "../../src/platforms/schema.js";
import { type Service, startService } from "../../src/service.js";
import { acceptedEvents, posts } from "../../src/store/schema.js";
import { startSubscriber } from "../../src/subscriber.js";
import { clientPool } from "./clients.js";
import { Random } from "./random.js";
import { startWorkerPool } from "./worker-pool.js";

export interface LoadOptions {
  readonly seed: number;
  readonly posts: number;
  /** A PostgreSQL server; PGlite in this process without one. */
  readonly databaseUrl?: string;
  /** Worker processes on the server; 0 (the default) runs the workers in this process. */
  readonly workerProcesses?: number;
  /** Kill one worker process with SIGKILL in the middle of a platform call, then start it again. */
  readonly killOne?: boolean;
  /** The share of platform calls that fail. */
  readonly failureRate?: number;
  /** The share of saves another writer beats to the row. */
  readonly conflictRate?: number;
  /** The share of steps between which an in-process worker dies. */
  readonly crashRate?: number;
  /** How long a platform call takes (wall-clock ms). */
  readonly latencyMs?: number;
  readonly log?: (line: string) => void;
  /** How long to wait for every post to settle before reporting those still in flight (wall ms). */
  readonly settleWithinMs?: number;
}

export interface LoadReport {
  /** Broken promises, each a sentence; empty when every check held. */
  readonly problems: string[];
  readonly figures: {
    readonly posts: number;
    readonly decisions: number;
    readonly eventsPerSecond: number;
    readonly p50Ms: number;
    readonly p99Ms: number;
    readonly conflicts: number;
    readonly crashes: number;
    readonly killed: number;
    readonly platformPosts: number;
    readonly webhooks: number;
    readonly webhookDeliveries: number;
    readonly statuses: Record<string, number>;
    /** Scheduled posts whose time passed while their request waited, published now instead. */
    readonly lateSchedules: number;
    readonly seconds: number;
  };
}

/**
 * Service time runs five times faster than the wall: a 30-second Retry-After takes 6 seconds,
 * and a platform call has 6 wall-clock seconds before its worker gives up on it (half its
 * `callTimeoutMs`), hundreds of times what a call takes here even on a slow, busy machine.
 */
const speed = 5;

/** Fast enough for a test, in service time: the waits postlife arms for these posts. */
const policy = {
  maxAttempts: 3,
  baseDelayMs: 2_000,
  maxDelayMs: 20_000,
  startWithinMs: 10 * 60_000,
  callTimeoutMs: 60_000,
  lookupTimeoutMs: 30_000,
};

const platforms = ["x", "linkedin", "threads", "bluesky", "mastodon", "facebook"] as const;

export const runLoad = async (options: LoadOptions): Promise<LoadReport> => {
  const random = new Random(options.seed);
  // Faults have their own source, so that the plan of posts is the same whatever they do.
  const chaos = new Random(options.seed ^ 0x5eed);
  const log = options.log ?? (() => {});
  const problems: string[] = [];
  const settings: ClockSettings = { speed, origin: Date.now(), wallOrigin: Date.now() };
  const clock = clockOf(settings);
  const iso = (ms = clock.now()) => new Date(Math.floor(ms)).toISOString();
  const simulation = {
    seed: options.seed,
    failureRate: options.failureRate ?? 0.2,
    latencyMs: options.latencyMs ?? 10,
  };
  let crashes = 0;
  let lateSchedules = 0;
  const workerProcesses = options.workerProcesses ?? 0;
  const conflictRate = options.conflictRate ?? 0.05;
  let service: Service | undefined;
  const forceConflict = async (postId: string) => {
    if (service === undefined || !chaos.chance(conflictRate)) return;
    // Another writer saves the row first: the version moves, the post does not.
    await service.database.db
      .update(posts)
      .set({ version: sql`${posts.version} + 1` })
      .where(eq(posts.id, postId));
  };
  service = await startService({
    ...(options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl }),
    clock,
    simulation,
    leases: { jobs: 10, deliveries: 30 },
    workers: workerProcesses === 0,
    hooks: { beforeSave: forceConflict },
    crash: () => {
      const dies = chaos.chance(options.crashRate ?? 0);
      if (dies) crashes++;
      return dies;
    },
  });
  const world = service;
  const subscriber = await startSubscriber({
    // The subscriber is sometimes down: those deliveries are retried.
    refuse: () => chaos.chance(0.1),
  });
  const started = Date.now();

  const pool =
    workerProcesses === 0 || options.databaseUrl === undefined
      ? undefined
      : startWorkerPool({
          count: workerProcesses,
          databaseUrl: options.databaseUrl,
          clock: settings,
          simulation,
          conflictRate,
          seed: options.seed,
          killOneMidCall: options.killOne === true,
          log,
        });
  const call = clientPool(world.app, 16, (method, path, answer) => {
    if (answer.status >= 500) {
      problems.push(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
  });

  await call("POST", "/v1/subscriptions", { url: subscriber.url, secret: subscriber.secret });

  // Platforms' webhooks: each post made is reported 0 to 3 times, late and out of order.
  const webhookSends: Promise<unknown>[] = [];
  let lastSeen = 0;
  let pumping = true;
  const pump = (async () => {
    while (pumping) {
      const made = await world.database.db
        .select()
        .from(platformPosts)
        .where(gt(platformPosts.id, lastSeen))
        .orderBy(asc(platformPosts.id));
      for (const p of made) {
        lastSeen = Math.max(lastSeen, p.id);
        for (let k = chaos.between(0, 3); k > 0; k--) {
          const delay = chaos.between(0, 1500);
          webhookSends.push(
            sleep(delay).then(() =>
              call("POST", "/v1/webhooks/platforms", {
                event: "destination.published",
                postId: p.postId,
                destinationId: p.destinationId,
                platform: p.platform,
                platformPostId: p.platformPostId,
                occurredAt: iso(),
              }),
            ),
          );
        }
      }
      await sleep(200);
    }
  })();

  // The posts, and people acting on them at any moment.
  const ids: string[] = [];
  const lives: Promise<void>[] = [];
  for (let i = 0; i < options.posts; i++) {
    const plan = {
      kind: random.pick(["now", "now", "scheduled", "draft"] as const),
      destinations: random.some(platforms, random.between(1, 3)).map((platform, n) => ({
        id: `d-${n}-${platform}`,
        platform,
        accountId: `${platform}-account-${random.between(1, 6)}`,
      })),
      twice: random.chance(0.25),
      edit: random.chance(0.3),
      cancel: random.chance(0.15),
      unschedule: random.chance(0.15),
      waits: [random.between(0, 3000), random.between(0, 2000)],
      at: random.between(10_000, 40_000),
    };
    const key = `load-${options.seed}-${i}`;
    const life = async () => {
      await sleep(plan.waits[0] as number);
      const body = {
        content: `Post ${i} of the load run: postlife decides every change.`,
        destinations: plan.destinations,
        retry: policy,
        ...(plan.kind === "draft" ? { status: "draft" } : {}),
        ...(plan.kind === "scheduled" ? { scheduledAt: iso(clock.now() + plan.at) } : {}),
      };
      const sends = plan.twice ? 2 : 1;
      let answers = await Promise.all(
        Array.from({ length: sends }, () =>
          call("POST", "/v1/posts", body, { "idempotency-key": key }),
        ),
      );
      if (answers[0]?.body.error?.reason === "schedule_in_past") {
        // The time passed while the request waited for a client (a slow machine): the person
        // publishes now instead, under a new key. Counted, so that a run says how often.
        lateSchedules++;
        const { scheduledAt: _late, ...now } = body;
        answers = await Promise.all(
          Array.from({ length: sends }, () =>
            call("POST", "/v1/posts", now, { "idempotency-key": `${key}-now` }),
          ),
        );
      }
      const first = answers[0] as (typeof answers)[number];
      if (first.status !== 201 && first.status !== 202) {
        problems.push(`post ${i} was refused: ${JSON.stringify(first.body)}`);
        return;
      }
      const id = first.body.postId as string;
      ids.push(id);
      for (const again of answers.slice(1)) {
        // The same key again: the first answer, word for word (it decided nothing new).
        if (!isDeepStrictEqual(again, first)) {
          problems.push(
            `the same Idempotency-Key answered differently: ${JSON.stringify([first, again])}`,
          );
        }
      }
      await sleep(plan.waits[1] as number);
      if (plan.edit) {
        const edited = await call("PATCH", `/v1/posts/${id}`, { content: `Post ${i}, edited.` });
        if (edited.status !== 200 && edited.status !== 409)
          problems.push(`edit of ${id}: ${JSON.stringify(edited)}`);
      }
      if (plan.kind === "scheduled" && plan.cancel)
        await call("PATCH", `/v1/posts/${id}`, { status: "cancelled" });
      else if (plan.kind === "scheduled" && plan.unschedule) {
        const back = await call("PATCH", `/v1/posts/${id}`, { status: "draft" });
        if (back.status === 200) await call("PATCH", `/v1/posts/${id}`, { status: "publish" });
      }
      if (plan.kind === "draft") await call("PATCH", `/v1/posts/${id}`, { status: "publish" });
    };
    lives.push(life());
    if (i % 8 === 7) await sleep(50);
  }
  await Promise.all(lives);

  const allPosts = () => world.database.db.select({ post: posts.post }).from(posts);
  const settled = async (what: string) => {
    const deadline = Date.now() + (options.settleWithinMs ?? 600_000);
    for (;;) {
      const rows = await allPosts();
      const open = rows.filter((r) => !r.post.destinations.every((d) => isTerminal(d.status)));
      if (open.length === 0) return;
      if (Date.now() > deadline) {
        problems.push(
          `${open.length} posts still in flight after ${what}: ${open
            .slice(0, 3)
            .map((r) => JSON.stringify(r.post.destinations.map((d) => [d.id, d.status])))
            .join("; ")}`,
        );
        return;
      }
      await sleep(250);
    }
  };
  await settled("the run");

  // The owners reconnect their accounts, and a person retries every post that failed. First,
  // why each failed: only for what the platforms did, never for work the service lost (a
  // delivery never started, an outcome never known, a wait never ended).
  const failedPosts = (await allPosts()).filter((r) =>
    r.post.destinations.some((d) => d.status === "failed"),
  );
  for (const { post } of failedPosts) {
    for (const d of post.destinations) {
      const code = d.error?.code;
      if (d.status === "failed" && (code === undefined || !platformFailures.has(code))) {
        problems.push(`${post.id}/${d.id} failed with ${code}: ${d.error?.message}`);
      }
    }
  }
  for (const { post } of failedPosts) {
    for (const d of post.destinations) await world.platforms.reconnect(d.platform, d.accountId);
  }
  for (const { post } of failedPosts) {
    const retried = await call("POST", `/v1/posts/${post.id}/retry`);
    if (retried.status !== 200 && retried.status !== 409)
      problems.push(`retry of ${post.id}: ${JSON.stringify(retried)}`);
  }
  await settled("the retries");
  pumping = false;
  await pump;
  await Promise.all(webhookSends);

  // Nothing left in the queue: every job done or cancelled (a failed one would be lost work).
  const jobStates = async () =>
    (await world.database.db.execute(
      sql`select state, count(*)::int as n from pgboss.job group by state`,
    )) as unknown as { rows: { state: string; n: number }[] } | { state: string; n: number }[];
  const pending = async () => {
    const result = await jobStates();
    const rows = Array.isArray(result) ? result : result.rows;
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  };
  const drainedBy = Date.now() + 300_000;
  let states = await pending();
  while (
    (states.created ?? 0) + (states.retry ?? 0) + (states.active ?? 0) > 0 &&
    Date.now() < drainedBy
  ) {
    await sleep(250);
    states = await pending();
  }
  const seconds = (Date.now() - started) / 1000;
  if ((states.created ?? 0) + (states.retry ?? 0) + (states.active ?? 0) > 0) {
    problems.push(`jobs still waiting at the end: ${JSON.stringify(states)}`);
  }
  if ((states.failed ?? 0) > 0)
    problems.push(`${states.failed} jobs failed for good: their work was lost`);

  await pool?.stop();

  // The audit.
  const rows = await world.database.db.select().from(posts);
  const made = await world.database.db.select().from(platformPosts);
  const statuses: Record<string, number> = {};
  const expectedWebhooks = new Set<string>();
  const expectedJobs = new Set<string>();
  for (const row of rows) {
    statuses[row.status] = (statuses[row.status] ?? 0) + 1;
    const post = row.post;
    if (!post.destinations.every((d) => isTerminal(d.status)))
      problems.push(`post ${post.id} is not terminal`);
    const events = await world.database.db
      .select()
      .from(acceptedEvents)
      .where(eq(acceptedEvents.postId, post.id))
      .orderBy(asc(acceptedEvents.version));
    const replayed = replay(row.input, events, expectedWebhooks, expectedJobs);
    if (typeof replayed === "string") problems.push(`post ${post.id}: ${replayed}`);
    else if (!isDeepStrictEqual(replayed, post)) {
      problems.push(
        `post ${post.id} differs from the replay of its ${events.length} accepted events`,
      );
    }
    for (const d of post.destinations) {
      const mine = made.filter((p) => p.postId === post.id && p.destinationId === d.id);
      if (mine.length > 1)
        problems.push(
          `${post.id}/${d.id} was published ${mine.length} times: ${mine.map((p) => p.platformPostId).join(", ")}`,
        );
      if (d.status === "published" && !mine.some((p) => p.platformPostId === d.platformPostId)) {
        problems.push(
          `${post.id}/${d.id} is published as ${d.platformPostId}, which the platform never made`,
        );
      }
      const content = d.content ?? post.content;
      for (const p of mine.filter((p) => p.content !== content)) {
        problems.push(
          `${post.id}/${d.id} went out as "${p.content}", not its last revision's "${content}"`,
        );
      }
      const scheduledFor = scheduleKept(events);
      for (const p of mine.filter((p) => scheduledFor !== undefined && p.madeAt < scheduledFor)) {
        problems.push(
          `${post.id}/${d.id} went out at ${p.madeAt}, before its schedule, ${scheduledFor}`,
        );
      }
      if (mine.length > 0 && d.status !== "published") {
        problems.push(
          `${post.id}/${d.id} is live on ${d.platform} (${mine[0]?.platformPostId}) but ${d.status}`,
        );
      }
    }
  }
  // Every job a decision asked for was written (none dropped as a repeat of another).
  const written = (await world.database.db.execute(
    sql`select id::text as id from pgboss.job union all select id::text from pgboss.archive`,
  )) as unknown as { rows: { id: string }[] } | { id: string }[];
  const jobIds = new Set((Array.isArray(written) ? written : written.rows).map((r) => r.id));
  for (const name of expectedJobs) {
    if (!jobIds.has(jobId(name)))
      problems.push(`the job for instruction ${name} was never written`);
  }
  for (const id of expectedWebhooks) {
    if (!subscriber.received.has(id)) problems.push(`webhook ${id} was never delivered`);
  }
  for (const id of subscriber.received.keys()) {
    if (!expectedWebhooks.has(id))
      problems.push(`webhook ${id} was delivered but no decision asked for it`);
  }
  if (subscriber.forged > 0) problems.push(`${subscriber.forged} webhooks had a bad signature`);

  const latencies = [
    ...(pool?.metrics ?? []).flatMap((m) => m.latencies),
    ...world.metrics.latencies(),
  ];
  const quantile = (q: number) => quantileOf(latencies, q);
  const decisions = latencies.length;
  const figures = {
    posts: rows.length,
    decisions,
    eventsPerSecond: Math.round(decisions / seconds),
    p50Ms: Math.round(quantile(0.5) * 10) / 10,
    p99Ms: Math.round(quantile(0.99) * 10) / 10,
    conflicts: world.metrics.conflicts + (pool?.metrics ?? []).reduce((n, m) => n + m.conflicts, 0),
    crashes,
    killed: pool?.killed ?? 0,
    platformPosts: made.length,
    webhooks: subscriber.received.size,
    webhookDeliveries: subscriber.deliveries,
    statuses,
    lateSchedules,
    seconds: Math.round(seconds),
  };
  await subscriber.close();
  await world.stop();
  return { problems, figures };
};

/** The instructions that always write a job. */
const jobInstructions = new Set([
  "arm_schedule",
  "schedule_retry",
  "request_reconciliation",
  "arm_deadline",
]);

/** Failures the simulated platforms cause; any other is work the service lost. */
const platformFailures = new Set([
  "PLATFORM_AUTH_EXPIRED",
  "RATE_LIMITED",
  // LinkedIn reads the simulated 429 as its daily throttle (spec/errors.json), until its reset.
  "QUOTA_EXHAUSTED",
  "PLATFORM_SERVER_ERROR",
  "NETWORK_ERROR",
  "TIMEOUT_ERROR",
]);

/**
 * The time a post went out for, when it went out by its schedule: the `at`
 * of its last SCHEDULE, unless a PUBLISH or UNSCHEDULE came after it.
 */
const scheduleKept = (rows: readonly { events: readonly PostEvent[] }[]): string | undefined => {
  let at: string | undefined;
  for (const event of rows.flatMap((row) => row.events)) {
    if (event.type === "SCHEDULE") at = event.at;
    else if (event.type === "PUBLISH" || event.type === "UNSCHEDULE") at = undefined;
    else if (event.type === "EDIT" && typeof event.changes.scheduledAt === "string")
      at = event.changes.scheduledAt;
  }
  return at === undefined ? undefined : new Date(at).toISOString();
};

/**
 * The post its events make, replayed one by one from its input; collects the
 * names of the webhooks and timer and look-up jobs its decisions asked for
 * (`postId:version:index`).
 */
const replay = (
  input: unknown,
  events: readonly { version: number; events: readonly PostEvent[] }[],
  webhooks: Set<string>,
  jobs: Set<string>,
): Post | string => {
  const created = createPost(input as Parameters<typeof createPost>[0]);
  if (!created.ok) return `its input is refused: ${created.rejection.message}`;
  let post = created.post;
  for (const row of events) {
    let index = 0;
    for (const event of row.events) {
      const decision = apply(post, event);
      if (!decision.ok || decision.ignored !== undefined) {
        return `version ${row.version}'s ${event.type} is not taken on replay`;
      }
      post = decision.post;
      for (const i of decision.outbox) {
        const name = `${post.id}:${row.version}:${index++}`;
        if (i.type === "webhook") webhooks.add(name);
        // Deliveries are left out: one whose key and attempt is already queued is not written.
        if (jobInstructions.has(i.type)) jobs.add(name);
      }
    }
  }
  return post;
};
