/**
 * Carries out a decision's outbox inside the transaction that stores the
 * post: the jobs it asks for are rows of pg-boss's job table, written on the
 * same connection, so the post and its work commit together or not at all.
 * This is the transactional outbox with the queue as the outbox table: there
 * is no relay to crash between the commit and the queue.
 */

import type PgBoss from "pg-boss";
import type { Instruction, Post } from "postlife";
import type { Clock } from "./clock.js";
import { jobId, queues } from "./jobs.js";
import type { Tx } from "./store/database.js";
import { notices, subscriptions } from "./store/schema.js";
import { webhookPayloadOf } from "./views.js";

export interface Carried {
  /** Queues given new work that is due now: their workers are woken once it commits. */
  readonly woken: ReadonlySet<string>;
}

/**
 * `stamp` names this decision (`postId:version`): with an instruction's place
 * in the outbox, it is the id of what has no name of its own (a notice, a
 * webhook's event id), the same each time the decision is replayed.
 */
export const carryOutInTransaction = async (
  boss: PgBoss,
  clock: Clock,
  tx: Tx,
  post: Post,
  outbox: readonly Instruction[],
  stamp: string,
  now: string,
): Promise<Carried> => {
  const woken = new Set<string>();
  const db = tx.jobs as PgBoss.Db;
  const send = async (queue: string, name: string, data: object, at?: string) => {
    const startAfter = at === undefined ? undefined : clock.wallAt(Date.parse(at));
    await boss.send(queue, data, { id: jobId(name), db, ...(startAfter ? { startAfter } : {}) });
    if (startAfter === undefined || startAfter.getTime() <= Date.now()) woken.add(queue);
  };
  const cancel = (queue: string, name: string) => boss.cancel(queue, jobId(name), { db });
  let subscribers: { id: number }[] | undefined;
  for (const [index, i] of outbox.entries()) {
    const id = `${stamp}:${index}`;
    switch (i.type) {
      case "arm_schedule":
        await send(queues.due, i.jobKey, i, i.at);
        break;
      case "disarm_schedule":
        await cancel(queues.due, i.jobKey);
        break;
      case "enqueue_delivery":
        await send(queues.deliver, `${i.idempotencyKey}#${i.attempt}`, i);
        break;
      case "cancel_delivery": {
        // The queued job or the retry timer of the next attempt; one already running is
        // stopped by postlife itself (its DELIVERY_STARTED is ignored).
        const next = (post.destinations.find((d) => d.id === i.destinationId)?.attempts ?? 0) + 1;
        await cancel(queues.deliver, `${i.idempotencyKey}#${next}`);
        await cancel(queues.retryDue, `${i.idempotencyKey}#retry-${next}`);
        break;
      }
      case "schedule_retry":
        await send(queues.retryDue, `${i.idempotencyKey}#retry-${i.attempt}`, i, i.at);
        break;
      case "request_reconciliation":
        await send(queues.reconcile, `${i.idempotencyKey}#reconcile-${i.attempt}-${i.lookup}`, i);
        break;
      case "arm_deadline":
        await send(queues.deadline, i.jobKey, i, i.at);
        break;
      case "disarm_deadline":
        await cancel(queues.deadline, i.jobKey);
        break;
      case "request_reconnect":
      case "report_duplicate":
        await tx.db
          .insert(notices)
          .values({ id, postId: i.postId, kind: i.type, detail: i, at: now })
          .onConflictDoNothing();
        break;
      case "webhook": {
        subscribers ??= await tx.db.select({ id: subscriptions.id }).from(subscriptions);
        // The event id is the subscribers' key to de-duplicate: the same for every retry.
        const payload = webhookPayloadOf(post, i, now);
        for (const s of subscribers) {
          await send(queues.webhook, `${id}@${s.id}`, {
            eventId: id,
            subscriptionId: s.id,
            payload,
          });
        }
        break;
      }
    }
  }
  return { woken };
};
