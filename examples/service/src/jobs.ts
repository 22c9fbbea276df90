/**
 * The queues the outbox fills. Every job's id is a UUID made from the name
 * of the instruction it carries out (`postId:version:index`), so the id says
 * which decision asked for it.
 */
import { createHash } from "node:crypto";

export const queues = {
  /** A scheduled post is due: `DUE`. */
  due: "due",
  /** A delivery to one platform: `DELIVERY_STARTED`, the call, then its outcome. */
  deliver: "deliver",
  /** A retry's wait is over: `RETRY_DUE`. */
  retryDue: "retry-due",
  /** Look a post up on the platform: `RECONCILED`. */
  reconcile: "reconcile",
  /** A wait that must not last forever is over: `DEADLINE_PASSED`. */
  deadline: "deadline",
  /** One webhook to one subscriber, signed, retried until it is taken. */
  webhook: "webhook-out",
} as const;

export type Queue = (typeof queues)[keyof typeof queues];

/** A UUID named by `name` (pg-boss's job ids are UUIDs): the same name gives the same id. */
export const jobId = (name: string): string => {
  const h = createHash("sha256").update(name).digest("hex");
  // The version and variant nibbles make it a well-formed version 8 ("custom") UUID.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
