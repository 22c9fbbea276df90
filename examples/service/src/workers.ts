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
  RequestReconciliation,
  ScheduleRetry,
} from "postlife";
import { type Clock, isoNow } from "./clock.js";
import type { Decider } from "./decide.js";
import { jobId, type Queue, queues } from "./jobs.js";
import type { Platforms } from "./platforms/platforms.js";
import type { Db } from "./store/database.js";
import { subscriptions } from "./store/schema.js";
import { type OutgoingWebhook, sendWebhook } from "./webhooks.js";

export interface WorkerContext {
  readonly boss: PgBoss;
  readonly db: Db;
  readonly clock: Clock;
  readonly decider: Decider;
  readonly platforms: Platforms;
  /** Told of every step, for the timeline and the proof. */
  readonly observe?: (step: WorkerStep) => void;
  /**
   * Where the proof makes a worker die: asked at each point between two
   * steps, a `true` throws there, as if the process had been killed (pg-boss
   * retries the job; nothing in memory survives).
   */
  readonly crash?: (point: CrashPoint, jobName: string) => boolean;
}

/** The points between two steps of a job, where a worker may die. */
export type CrashPoint = "taken" | "decided" | "started" | "called" | "reported";

/** A worker's death, on purpose. */
export class WorkerCrash extends Error {
  constructor(readonly point: CrashPoint) {
    super(`worker died ${point}`);
  }
}

const maybeCrash = (ctx: WorkerContext, point: CrashPoint, jobName: string): void => {
  if (ctx.crash?.(point, jobName) === true) throw new WorkerCrash(point);
};

/** One thing a worker did. */
export type WorkerStep =
  | { readonly kind: "calling"; readonly job: EnqueueDelivery }
  | { readonly kind: "call"; readonly job: EnqueueDelivery; readonly outcome: string }
  | { readonly kind: "lookup"; readonly job: RequestReconciliation; readonly found: boolean }
  | { readonly kind: "webhook"; readonly webhook: OutgoingWebhook };

/** Decides a timer's event; one that fired early is armed again for when it will be taken. */
const fireTimer = async (
  ctx: WorkerContext,
  queue: Queue,
  name: string,
  job: object & { postId: string },
  event: Extract<PostEvent, { now: string }>,
): Promise<void> => {
  maybeCrash(ctx, "taken", name);
  const verdict = await ctx.decider.decide(job.postId, [event]);
  maybeCrash(ctx, "decided", name);
  if (verdict.kind === "refused" && verdict.rejection.reason === "too_early") {
    const at = verdict.rejection.acceptedFrom;
    // Named by the time it fired too: a second early firing arms a new job, never a dropped one.
    await ctx.boss.send(queue, job, {
      id: jobId(`${name}@${at}@${event.now}`),
      startAfter: ctx.clock.wallAt(Date.parse(at)),
    });
  }
};

const handlers = {
  [queues.due]: (ctx, job: ArmSchedule) =>
    fireTimer(ctx, queues.due, job.jobKey, job, {
      type: "DUE",
      revision: job.revision,
      now: isoNow(ctx.clock),
    }),

  [queues.retryDue]: (ctx, job: ScheduleRetry) =>
    fireTimer(ctx, queues.retryDue, `${job.idempotencyKey}#retry-${job.attempt}`, job, {
      type: "RETRY_DUE",
      destinationId: job.destinationId,
      attempt: job.attempt,
      idempotencyKey: job.idempotencyKey,
      now: isoNow(ctx.clock),
    }),

  [queues.deadline]: (ctx, job: ArmDeadline) =>
    fireTimer(ctx, queues.deadline, job.jobKey, job, {
      type: "DEADLINE_PASSED",
      destinationId: job.destinationId,
      jobKey: job.jobKey,
      now: isoNow(ctx.clock),
    }),

  /** The gate first: the platform is called only if this attempt's DELIVERY_STARTED was taken. */
  [queues.deliver]: async (ctx, job: EnqueueDelivery) => {
    const attempt = {
      destinationId: job.destinationId,
      attempt: job.attempt,
      idempotencyKey: job.idempotencyKey,
    };
    const name = `${job.idempotencyKey}#${job.attempt}`;
    maybeCrash(ctx, "taken", name);
    const started = await ctx.decider.decide(job.postId, [
      { type: "DELIVERY_STARTED", ...attempt, now: isoNow(ctx.clock) },
    ]);
    // Cancelled meanwhile, or this attempt already ran (the job was handed out twice): stop.
    if (started.kind !== "changed") return;
    maybeCrash(ctx, "started", name);
    const post = started.post;
    const destination = post.destinations.find((d) => d.id === job.destinationId);
    // Half the time postlife waits for this call's report: the call ends, one way or the other,
    // long before the deadline that would treat it as lost.
    const limit = post.retry.callTimeoutMsByPlatform[job.platform] ?? post.retry.callTimeoutMs;
    const signal = AbortSignal.timeout(Math.max(1, Math.floor(ctx.clock.wallMs(limit / 2))));
    ctx.observe?.({ kind: "calling", job });
    const answer = await ctx.platforms.publish({
      postId: job.postId,
      destinationId: job.destinationId,
      platform: job.platform,
      accountId: job.accountId,
      idempotencyKey: job.idempotencyKey,
      attempt: job.attempt,
      content: destination?.content ?? post.content,
      signal,
    });
    ctx.observe?.({
      kind: "call",
      job,
      outcome: answer.kind === "published" ? "published" : describe(answer.failure),
    });
    maybeCrash(ctx, "called", name);
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
    maybeCrash(ctx, "reported", name);
  },

  [queues.reconcile]: async (ctx, job: RequestReconciliation) => {
    const name = `${job.idempotencyKey}#reconcile-${job.attempt}-${job.lookup}`;
    maybeCrash(ctx, "taken", name);
    const found = await ctx.platforms.lookUp(job);
    ctx.observe?.({ kind: "lookup", job, found: found !== null });
    maybeCrash(ctx, "called", name);
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
    maybeCrash(ctx, "reported", name);
  },

  [queues.webhook]: async (ctx, webhook: OutgoingWebhook) => {
    const [subscriber] = await ctx.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, webhook.subscriptionId));
    if (subscriber === undefined) return; // unsubscribed since
    maybeCrash(ctx, "taken", webhook.eventId);
    await sendWebhook(subscriber, webhook, Date.now() / 1000);
    maybeCrash(ctx, "called", webhook.eventId);
    ctx.observe?.({ kind: "webhook", webhook });
  },
} satisfies Record<Queue, (ctx: WorkerContext, job: never) => Promise<void>>;

const describe = (failure: import("postlife").RawFailure): string =>
  failure.httpStatus !== undefined
    ? `HTTP ${failure.httpStatus}`
    : (failure.transportError ?? "failed");

/** How many jobs of each queue one process runs at once. */
export interface Concurrency {
  readonly [queue: string]: number;
}

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
): Promise<Map<string, string[]>> => {
  const ids = new Map<string, string[]>();
  for (const [queue, handle] of Object.entries(handlers) as [
    Queue,
    (ctx: WorkerContext, job: unknown) => Promise<void>,
  ][]) {
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
            await handle(ctx, job.data);
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
