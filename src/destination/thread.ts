/**
 * The rules of a thread delivered item by item (`Destination.items`), each
 * named once: which item delivery works on (the cursor), which item a fact
 * is about, and when a destination is partly posted. Delivery never goes
 * back: the items before the cursor are live, and nothing sends them again.
 */

import type { Destination } from "../domain/destination.js";
import type { DeliveryFact } from "../domain/event.js";
import { keyItem } from "../domain/idempotency.js";
import { partlyPosted, type ThreadItem, type ThreadItemStatus } from "../domain/thread.js";
import type { Args } from "../lifecycle/definition.js";
import type { DestinationEvent } from "./event.js";
import { reportedLive } from "./rules.js";
import type { DestinationContext } from "./step.js";

type On = Args<DestinationContext, DestinationEvent>;

/** The item delivery works on: the first not yet published (0 for a post without a thread). */
export const cursorOf = (d: Destination): number => {
  // Total over what the testing kit is handed too: anything but a list is no items.
  const items: readonly ThreadItem[] = Array.isArray(d.items) ? d.items : [];
  const i = items.findIndex((item) => item?.status !== "published");
  return i === -1 ? items.length : i;
};

/**
 * The item a fact is about: the one it names, else the one its key names,
 * else the one delivery works on.
 */
export const itemNamed = (event: DestinationEvent, d: Destination): number => {
  const fact = event as Partial<DeliveryFact> & { item?: number; idempotencyKey?: string };
  if (fact.item !== undefined) return fact.item;
  return fact.idempotencyKey === undefined ? cursorOf(d) : keyItem(fact.idempotencyKey).item;
};

/**
 * The fact names neither an item nor a key while a thread has live items:
 * it could be about any of them (a vendor's webhook that says only
 * "published"), so it proves nothing about the one being delivered.
 */
export const namesNoItem = (event: DestinationEvent, d: Destination): boolean => {
  const fact = event as { item?: number; idempotencyKey?: string };
  return fact.item === undefined && fact.idempotencyKey === undefined && cursorOf(d) > 0;
};

/** The item is one delivery has reached: live already, or the one being delivered. */
export const isItemReached = (d: Destination, item: number): boolean =>
  item <= cursorOf(d) && item < Math.max(1, d.items?.length ?? 1);

/** Test: the destination has live items, so stopping it leaves it partly published. */
export const isPartlyPosted = ({ context }: On): boolean => partlyPosted(context.destination);

/** Test: the fact reports live an item delivery has moved past: a second post of it. */
export const namesEarlierItem = ({ context: { destination: d }, event }: On): boolean =>
  reportedLive(event) !== undefined && itemNamed(event, d) < cursorOf(d);

/** Test: the fact reports an item of a thread live, and items remain after it. */
export const hasItemsAfter = ({ context: { destination: d }, event }: On): boolean =>
  reportedLive(event) !== undefined &&
  d.items !== undefined &&
  itemNamed(event, d) < d.items.length - 1;

/** A thread's items as delivery begins: all pending (the first takes its status on the way out). */
export const itemsFor = (d: Destination): readonly ThreadItem[] | undefined =>
  d.thread === undefined || d.thread.length === 0
    ? undefined
    : Array.from({ length: d.thread.length + 1 }, () => ({ status: "pending" as const }));

/** What the item being delivered shows: the destination's delivery status, as far as it is the item's. */
const cursorStatus = (d: Destination): ThreadItemStatus => {
  switch (d.status) {
    case "draft":
    case "pending_approval":
    case "scheduled":
      return "pending";
    case "partially_published":
      // Stopped part-way: by a failure (it keeps its error), or by a cancel.
      return d.error === undefined ? "cancelled" : "failed";
    default:
      return d.status;
  }
};

/**
 * The destination with the item being delivered showing its status and key:
 * every move of a destination ends here (`moveTo`), so an item never tells
 * another story than its destination.
 */
export const withItemsFollowing = (d: Destination): Destination => {
  const items = d.items;
  const k = cursorOf(d);
  const item = items?.[k];
  if (items === undefined || item === undefined) return d;
  const status = cursorStatus(d);
  const key = d.idempotencyKey;
  if (item.status === status && item.idempotencyKey === key) return d;
  const following: ThreadItem = { ...item, status };
  return {
    ...d,
    items: items.map((it, i) =>
      i !== k ? it : key === undefined ? following : { ...following, idempotencyKey: key },
    ),
  };
};
