/**
 * The workers: each job the outbox wrote becomes the event postlife asked
 * for, decided like any other. A job may run twice (pg-boss delivers at
 * least once: a worker that dies leaves its job to expire and run again),
 * and every event echoes what makes a repeat harmless (an attempt and
 * idempotency key, a revision, a job key).
 */

import { eq } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type {
  ArmDeadline,
  ArmSchedule,
  EnqueueDelivery,
  PostEvent,
  RawFailure,
  RequestReconciliation,
  ScheduleRetry,
} from "postlife";
import { type Clock, isoNow } from "./clock.js";
import type { Decider } from "./decide.js";
import { type Queue, queues } from "./jobs.js";
import { writeJob } from "./outbox.js";
import type { Platforms, PublishAnswer } from "./platforms/platforms.js";
import type { Database } from "./store/database.js";
import { subscriptions } from "./store/schema.js";
import { type OutgoingWebhook, sendWebhook } from "./webhooks.js";

export interface WorkerContext {
  readonly boss: PgBoss;
  readonly database: Database;
  readonly clock: Clock;
  readonly decider: Decider;
  readonly platforms: Platforms;
  /**
   * How long a job may run before pg-boss hands it to another worker, in
   * wall-clock seconds (`deliveries` for the deliver queue): a platform
   * call and a webhook end well within theirs.
   */
  readonly leases: { readonly jobs: number; readonly deliveries: number };
  /** Told of every step, for the timeline and the proof. */
  readonly observe?: (step: WorkerStep) => void;
  /**
   * Where the proof makes a worker die: asked at each point between two
   * steps, a `true` throws there, as if the process had been killed (pg-boss
   * retries the job; nothing in memory survives).
   */
  readonly crash?: (point: CrashPoint, jobId: string) => boolean;
}

/** The points between two steps of a job, where a worker may die. */
export type CrashPoint = "taken" | "decided" | "started" | "called" | "reported";

/** A worker's death, on purpose. */
class WorkerCrash extends Error {
  constructor(readonly point: CrashPoint) {
    super(`worker died ${point}`);
  }
}

const maybeCrash = (ctx: WorkerContext, point: CrashPoint, jobId: string): void => {
  if (ctx.crash?.(point, jobId) === true) throw new WorkerCrash(point);
};

/** One thing a worker did. */
export type WorkerStep =
  | { readonly kind: "calling"; readonly job: EnqueueDelivery }
  | { readonly kind: "call"; readonly job: EnqueueDelivery; readonly outcome: string }
  | { readonly kind: "lookup"; readonly job: RequestReconciliation; readonly found: boolean }
  | { readonly kind: "webhook"; readonly webhook: OutgoingWebhook };

/**
 * Decides a timer's event. One that fired early is refused `too_early`: it
 * is armed again, tagged as the first was (so that a disarm still finds it),
 * under an id of its own (the time it fired is in it: a second early firing
 * is a new job, never a repeat dropped).
 */
const fireTimer = async (
  ctx: WorkerContext,
  id: string,
  queue: Queue,
  tag: string,
  job: object & { readonly postId: string },
  event: Extract<PostEvent, { now: string }>,
): Promise<void> => {
  maybeCrash(ctx, "taken", id);
  const verdict = await ctx.decider.decide(job.postId, [event]);
  maybeCrash(ctx, "decided", id);
  if (verdict.kind === "refused" && verdict.rejection.reason === "too_early") {
    const at = verdict.rejection.acceptedFrom;
    await ctx.database.transaction((tx) =>
      writeJob(ctx.boss, ctx.clock, tx, `${id}@${event.now}`, { queue, data: job, at, tag }),
    );
  }
};

/** What a platform call that threw was, as postlife reads a failure: a transport error, maybe sent. */
const thrownFailure = (thrown: unknown, platform: string): RawFailure => {
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  const code = (error as { code?: unknown }).code;
  return {
    platform,
    transportError: typeof code === "string" ? code : error.name,
    message: error.message,
  };
};

const describe = (answer: PublishAnswer): string => {
  if (answer.kind === "published") return "published";
  const { httpStatus, transportError } = answer.failure;
  return httpStatus !== undefined ? `HTTP ${httpStatus}` : (transportError ?? "failed");
};

type Handler<T> = (ctx: WorkerContext, job: T, id: string) => Promise<void>;

const handlers: { readonly [Q in Queue]: Handler<never> } = {
  [queues.due]: ((ctx, job: ArmSchedule, id) =>
    fireTimer(ctx, id, queues.due, job.jobKey, job, {
      type: "DUE",
      revision: job.revision,
      now: isoNow(ctx.clock),
    })) satisfies Handler<ArmSchedule>,

  [queues.retryDue]: ((ctx, job: ScheduleRetry, id) =>
    fireTimer(ctx, id, queues.retryDue, job.idempotencyKey, job, {
      type: "RETRY_DUE",
      destinationId: job.destinationId,
      attempt: job.attempt,
      idempotencyKey: job.idempotencyKey,
      now: isoNow(ctx.clock),
    })) satisfies Handler<ScheduleRetry>,

  [queues.deadline]: ((ctx, job: ArmDeadline, id) =>
    fireTimer(ctx, id, queues.deadline, job.jobKey, job, {
      type: "DEADLINE_PASSED",
      destinationId: job.destinationId,
      jobKey: job.jobKey,
      now: isoNow(ctx.clock),
    })) satisfies Handler<ArmDeadline>,

  /** The gate first: the platform is called only if this attempt's DELIVERY_STARTED was taken. */
  [queues.deliver]: (async (ctx, job: EnqueueDelivery, id) => {
    const attempt = {
      destinationId: job.destinationId,
      attempt: job.attempt,
      idempotencyKey: job.idempotencyKey,
    };
    maybeCrash(ctx, "taken", id);
    const started = await ctx.decider.decide(job.postId, [
      { type: "DELIVERY_STARTED", ...attempt, now: isoNow(ctx.clock) },
    ]);
    // Cancelled meanwhile, or this attempt already ran (the job was handed out twice): stop.
    if (started.kind !== "changed") return;
    maybeCrash(ctx, "started", id);
    const post = started.post;
    const destination = post.destinations.find((d) => d.id === job.destinationId);
    // The call ends, one way or the other, at half the time postlife waits for its report (and
    // within the job's lease), long before the deadline that would treat it as lost.
    const limit = post.retry.callTimeoutMsByPlatform[job.platform] ?? post.retry.callTimeoutMs;
    const endsIn = Math.min(ctx.clock.wallMs(limit / 2), ctx.leases.deliveries * 1000 * 0.8);
    ctx.observe?.({ kind: "calling", job });
    let answer: PublishAnswer;
    try {
      const { type: _, ...delivery } = job;
      answer = await ctx.platforms.publish({
        ...delivery,
        // A thread's reply posts its own text; the first item, the destination's or the post's.
        content:
          (job.item ?? 0) > 0
            ? (destination?.thread?.[(job.item as number) - 1] ?? "")
            : (destination?.content ?? post.content),
        signal: AbortSignal.timeout(Math.max(1, Math.floor(endsIn))),
      });
    } catch (thrown) {
      // An adapter that throws (a DNS failure, an abort): what was seen, for postlife to judge.
      answer = { kind: "failed", failure: thrownFailure(thrown, job.platform) };
    }
    ctx.observe?.({ kind: "call", job, outcome: describe(answer) });
    maybeCrash(ctx, "called", id);
    const now = isoNow(ctx.clock);
    await ctx.decider.decide(job.postId, [
      answer.kind === "published"
        ? {
            type: "DELIVERY_SUCCEEDED",
            ...attempt,
            platformPostId: answer.post.platformPostId,
            ...(answer.post.platformUrl ? { platformUrl: answer.post.platformUrl } : {}),
            now,
          }
        : { type: "DELIVERY_FAILED", ...attempt, failure: answer.failure, now },
    ]);
    maybeCrash(ctx, "reported", id);
  }) satisfies Handler<EnqueueDelivery>,

  [queues.reconcile]: (async (ctx, job: RequestReconciliation, id) => {
    maybeCrash(ctx, "taken", id);
    const found = await ctx.platforms.lookUp(job);
    ctx.observe?.({ kind: "lookup", job, found: found !== null });
    maybeCrash(ctx, "called", id);
    await ctx.decider.decide(job.postId, [
      {
        type: "RECONCILED",
        destinationId: job.destinationId,
        attempt: job.attempt,
        idempotencyKey: job.idempotencyKey,
        found,
        now: isoNow(ctx.clock),
      },
    ]);
    maybeCrash(ctx, "reported", id);
  }) satisfies Handler<RequestReconciliation>,

  [queues.webhook]: (async (ctx, webhook: OutgoingWebhook, id) => {
    const [subscriber] = await ctx.database.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, webhook.subscriptionId));
    if (subscriber === undefined) return; // unsubscribed since
    maybeCrash(ctx, "taken", id);
    // A subscriber that does not answer within the job's lease is tried again later.
    await sendWebhook(subscriber, webhook, Date.now() / 1000, ctx.leases.jobs * 1000 * 0.8);
    ctx.observe?.({ kind: "webhook", webhook });
    maybeCrash(ctx, "called", id);
  }) satisfies Handler<OutgoingWebhook>,
};

/** How many jobs of each queue one process runs at once. */
export type Concurrency = { readonly [Q in Queue]?: number };

export const defaultConcurrency: Concurrency = {
  [queues.due]: 2,
  [queues.deliver]: 4,
  [queues.retryDue]: 2,
  [queues.reconcile]: 2,
  [queues.deadline]: 2,
  [queues.webhook]: 4,
};

/** Starts this process's workers; gives the ids pg-boss knows them by, per queue, to wake them. */
export const startWorkers = async (
  ctx: WorkerContext,
  concurrency: Concurrency = defaultConcurrency,
): Promise<Map<Queue, string[]>> => {
  const ids = new Map<Queue, string[]>();
  for (const queue of Object.values(queues)) {
    const handle = handlers[queue] as Handler<unknown>;
    const mine: string[] = [];
    for (let n = 0; n < (concurrency[queue] ?? 1); n++) {
      // Read by the handler, which may run before `work` has answered with the id.
      let id = "";
      id = await ctx.boss.work(
        queue,
        { batchSize: 1, pollingIntervalSeconds: 0.5 },
        async ([job]) => {
          if (job === undefined) return;
          try {
            await handle(ctx, job.data, job.id);
          } finally {
            // pg-boss waits a polling interval after each job, even with more waiting: a worker
            // that finished one asks at once for the next (and waits only when there is none).
            ctx.boss.notifyWorker(id);
          }
        },
      );
      mine.push(id);
    }
    ids.set(queue, mine);
  }
  return ids;
};
