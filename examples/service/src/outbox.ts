/**
 * Carries out a decision's outbox inside the transaction that stores the
 * post: the jobs it asks for are rows of pg-boss's job table, written on the
 * same connection, so the post and its work commit together or not at all.
 * This is the transactional outbox with the queue as the outbox table: there
 * is no relay, so no instruction is ever carried out twice, and every job
 * has an id of its own (`postId:version:index`, the instruction's place).
 *
 * What postlife later asks to remove (a schedule, a deadline, a delivery and
 * its retry timer) is found by its tag (the job key, or the idempotency key),
 * which `job_tags` keeps beside the job, in the same transaction.
 */

import { eq } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Instruction, Post, PostEvent } from "postlife";
import type { Clock } from "./clock.js";
import { jobId, type Queue, queues } from "./jobs.js";
import type { Tx } from "./store/database.js";
import { jobTags, notices, subscriptions } from "./store/schema.js";
import { webhookPayloadOf } from "./views.js";

/** One event a decision took: the post it made, and what it asked for. */
export interface Step {
  readonly event: PostEvent;
  readonly post: Post;
  readonly outbox: readonly Instruction[];
}

/** A job to write: its queue and payload, when it is due, and the tag that finds it later. */
interface Job {
  readonly queue: Queue;
  readonly data: object;
  readonly at?: string | undefined;
  readonly tag?: string;
  /** Deliveries only: one queued job per idempotency key and attempt (pg-boss's `short` policy). */
  readonly singletonKey?: string;
}

/**
 * Writes `job` in the transaction under `name`'s id, tagged; answers the
 * queue to wake if it is due now.
 */
export const writeJob = async (
  boss: PgBoss,
  clock: Clock,
  tx: Tx,
  name: string,
  job: Job,
): Promise<Queue | undefined> => {
  const id = jobId(name);
  const startAfter = job.at === undefined ? undefined : clock.wallAt(Date.parse(job.at));
  const sent = await boss.send(job.queue, job.data, {
    id,
    db: tx.jobs as PgBoss.Db,
    ...(startAfter === undefined ? {} : { startAfter }),
    ...(job.singletonKey === undefined ? {} : { singletonKey: job.singletonKey }),
  });
  // Not written: a delivery of the same key and attempt is already queued, and will run.
  if (sent === null) return undefined;
  if (job.tag !== undefined) {
    await tx.db.insert(jobTags).values({ tag: job.tag, queue: job.queue, jobId: id });
  }
  return startAfter === undefined || startAfter.getTime() <= Date.now() ? job.queue : undefined;
};

/** Cancels every job tagged `tag` in `among` that has not run yet (one that has is left alone). */
const cancelTagged = async (boss: PgBoss, tx: Tx, tag: string, among: readonly Queue[]) => {
  const tagged = await tx.db.select().from(jobTags).where(eq(jobTags.tag, tag));
  for (const queue of among) {
    const ids = tagged.filter((t) => t.queue === queue).map((t) => t.jobId);
    if (ids.length > 0) await boss.cancel(queue, ids, { db: tx.jobs as PgBoss.Db });
  }
};

/** What an instruction asks of the queue: a job to write, tags to cancel, or neither. */
const jobOf = (
  i: Instruction,
): Job | { readonly cancel: string; readonly among: readonly Queue[] } | undefined => {
  switch (i.type) {
    case "arm_schedule":
      return { queue: queues.due, data: i, at: i.at, tag: i.jobKey };
    case "disarm_schedule":
      return { cancel: i.jobKey, among: [queues.due] };
    case "enqueue_delivery":
      return {
        queue: queues.deliver,
        data: i,
        tag: i.idempotencyKey,
        singletonKey: `${i.idempotencyKey}#${i.attempt}`,
      };
    case "cancel_delivery":
      // The queued delivery and its retry timer; one already running is stopped by postlife
      // itself (its DELIVERY_STARTED is ignored).
      return { cancel: i.idempotencyKey, among: [queues.deliver, queues.retryDue] };
    case "schedule_retry":
      return { queue: queues.retryDue, data: i, at: i.at, tag: i.idempotencyKey };
    case "request_reconciliation":
      return { queue: queues.reconcile, data: i };
    case "arm_deadline":
      return { queue: queues.deadline, data: i, at: i.at, tag: i.jobKey };
    case "disarm_deadline":
      return { cancel: i.jobKey, among: [queues.deadline] };
    default:
      return undefined;
  }
};

/**
 * Writes the jobs and notices a decision's steps ask for. `stamp` names the
 * decision (`postId:version`); with an instruction's place among all the
 * steps' instructions, it names the instruction: its job's id, a notice's id,
 * a webhook's event id.
 */
export const carryOutInTransaction = async (
  boss: PgBoss,
  clock: Clock,
  tx: Tx,
  steps: readonly Step[],
  stamp: string,
): Promise<ReadonlySet<Queue>> => {
  const woken = new Set<Queue>();
  let subscribers: { id: number }[] | undefined;
  let index = 0;
  for (const { event, post, outbox } of steps) {
    const now = "now" in event ? event.now : new Date(clock.now()).toISOString();
    for (const i of outbox) {
      const name = `${stamp}:${index++}`;
      const job = jobOf(i);
      if (job !== undefined && "cancel" in job) {
        await cancelTagged(boss, tx, job.cancel, job.among);
      } else if (job !== undefined) {
        const due = await writeJob(boss, clock, tx, name, job);
        if (due !== undefined) woken.add(due);
      } else if (i.type === "request_reconnect" || i.type === "report_duplicate") {
        await tx.db
          .insert(notices)
          .values({ id: name, postId: i.postId, kind: i.type, detail: i, at: now });
      } else if (i.type === "webhook") {
        subscribers ??= await tx.db.select({ id: subscriptions.id }).from(subscriptions);
        // The event id is the subscribers' key to de-duplicate: the same on every retry.
        const payload = webhookPayloadOf(post, i, now);
        for (const s of subscribers) {
          const data = { eventId: name, subscriptionId: s.id, payload };
          const due = await writeJob(boss, clock, tx, `${name}@${s.id}`, {
            queue: queues.webhook,
            data,
          });
          if (due !== undefined) woken.add(due);
        }
      }
    }
  }
  return woken;
};
