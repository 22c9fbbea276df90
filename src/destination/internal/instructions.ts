/**
 * The instructions a destination puts in the outbox, built in one place so
 * that every transition that enqueues, looks up or notifies says it the same way.
 */
import type { Destination } from "../../domain/destination.js";
import type { FoundPost } from "../../domain/event.js";
import type { Instruction } from "../../domain/instruction.js";
import type { DestinationContext } from "../step.js";
import { cursorOf } from "../thread.js";

/**
 * The key of a destination handed to delivery. Every instruction below is
 * about such a destination: enqueued, cancelled, looked up, or published.
 */
const keyOf = (d: Destination): string => d.idempotencyKey as string;

/** In a thread: the item being delivered and, for a reply, the platform post it answers. */
export const itemFields = (d: Destination): { item?: number; replyTo?: string } => {
  if (d.items === undefined) return {};
  const item = cursorOf(d);
  const replyTo = d.items[item - 1]?.platformPostId;
  return replyTo === undefined ? { item } : { item, replyTo };
};

export const enqueueDelivery = (ctx: DestinationContext, d: Destination): Instruction => ({
  type: "enqueue_delivery",
  postId: ctx.postId,
  destinationId: d.id,
  platform: d.platform,
  accountId: d.accountId,
  idempotencyKey: keyOf(d),
  attempt: d.attempts + 1,
  ...itemFields(d),
  ...(d.containerId === undefined ? {} : { containerId: d.containerId }),
});

export const cancelDelivery = (ctx: DestinationContext, d: Destination): Instruction => ({
  type: "cancel_delivery",
  postId: ctx.postId,
  destinationId: d.id,
  idempotencyKey: keyOf(d),
});

export const requestReconciliation = (
  ctx: DestinationContext,
  d: Destination,
  lookup: number,
): Instruction => ({
  type: "request_reconciliation",
  postId: ctx.postId,
  destinationId: d.id,
  platform: d.platform,
  accountId: d.accountId,
  idempotencyKey: keyOf(d),
  attempt: d.attempts,
  lookup,
  ...itemFields(d),
});

export const requestReconnect = (ctx: DestinationContext, d: Destination): Instruction => ({
  type: "request_reconnect",
  postId: ctx.postId,
  destinationId: d.id,
  platform: d.platform,
  accountId: d.accountId,
});

export const destinationWebhook = (
  ctx: DestinationContext,
  d: Destination,
  event:
    | "destination.published"
    | "destination.partially_published"
    | "destination.failed"
    | "destination.item_published",
): Instruction => ({
  type: "webhook",
  event,
  postId: ctx.postId,
  revision: ctx.revision,
  destinationId: d.id,
});

/** The two instructions that surface a second live post: one to act on, one to notify. */
export const duplicateReported = (
  ctx: DestinationContext,
  d: Destination,
  other: FoundPost,
  kept: string,
): Instruction[] => [
  {
    type: "report_duplicate",
    postId: ctx.postId,
    destinationId: d.id,
    platform: d.platform,
    accountId: d.accountId,
    platformPostId: kept,
    duplicatePlatformPostId: other.platformPostId,
    ...(other.platformUrl === undefined ? {} : { duplicatePlatformUrl: other.platformUrl }),
  },
  {
    type: "webhook",
    event: "destination.duplicated",
    postId: ctx.postId,
    revision: ctx.revision,
    destinationId: d.id,
    platformPostIds: [kept, other.platformPostId],
  },
];
