/**
 * The statuses of a destination (one platform account) and of a post (the group).
 *
 * The lists are the vocabulary of the whole library: machines, tables, docs and
 * wire decoders all speak these words and no others.
 *
 * @since 0.1.0
 */

/**
 * Every status a destination can be in, in lifecycle order.
 *
 * @example
 * ```ts
 * import { destinationStatuses } from "postlife";
 * destinationStatuses.includes("unconfirmed"); // true
 * ```
 * @since 0.1.0
 */
export const destinationStatuses = [
  "draft",
  "pending_approval",
  "scheduled",
  "queued",
  "publishing",
  "processing_media",
  "retrying",
  "unconfirmed",
  "published",
  "partially_published",
  "failed",
  "cancelled",
] as const;

/**
 * The status of one destination. `processing_media` waits while the
 * platform processes its media (polled by `poll_media`). `partially_published` is a thread that
 * stopped part-way: its first items are live, the rest failed or were
 * cancelled (`Destination.items` says which).
 *
 * @example
 * ```ts
 * import type { DestinationStatus } from "postlife";
 * const waiting: DestinationStatus = "retrying";
 * ```
 * @since 0.1.0
 */
export type DestinationStatus = (typeof destinationStatuses)[number];

/**
 * Every status a post (the group of destinations) can show, in lifecycle order.
 *
 * @example
 * ```ts
 * import { postStatuses } from "postlife";
 * postStatuses.includes("partially_published"); // true
 * ```
 * @since 0.1.0
 */
export const postStatuses = [
  "draft",
  "pending_approval",
  "scheduled",
  "queued",
  "publishing",
  "published",
  "partially_published",
  "failed",
  "cancelled",
  "deleted",
] as const;

/**
 * The status of a post. During and after delivery it is derived from the
 * destinations' statuses with `aggregateStatus`; `deleted` is the only status
 * a post holds on its own.
 *
 * @example
 * ```ts
 * import type { PostStatus } from "postlife";
 * const mixed: PostStatus = "partially_published";
 * ```
 * @since 0.1.0
 */
export type PostStatus = (typeof postStatuses)[number];

/** The editorial phase: the post is still being written, reviewed or waited on. */
export const editorialStatuses = ["draft", "pending_approval", "scheduled"] as const;

/**
 * An editorial status (shared by post and destinations).
 *
 * @example
 * ```ts
 * import type { EditorialStatus } from "postlife";
 * const badge: Record<EditorialStatus, string> = {
 *   draft: "Draft",
 *   pending_approval: "In review",
 *   scheduled: "Scheduled",
 * };
 * ```
 * @since 0.1.0
 * @useDeclaredType
 */
export type EditorialStatus = (typeof editorialStatuses)[number];

/**
 * Destination statuses that accept nothing more (a failed or partly
 * published one only a manual retry, or a late success).
 */
export const terminalDestinationStatuses = [
  "published",
  "partially_published",
  "failed",
  "cancelled",
] as const;

/**
 * `true` when the status belongs to the editorial phase.
 *
 * @example
 * ```ts
 * import { isEditorial } from "postlife";
 * isEditorial("scheduled"); // true
 * isEditorial("queued"); // false
 * ```
 * @since 0.1.0
 */
export const isEditorial = (status: string): status is EditorialStatus =>
  status === "draft" || status === "pending_approval" || status === "scheduled";

/**
 * `true` when a destination in this status accepts no delivery fact any more.
 *
 * @example
 * ```ts
 * import { isTerminal } from "postlife";
 * isTerminal("published"); // true
 * isTerminal("retrying"); // false
 * ```
 * @since 0.1.0
 */
export const isTerminal = (status: DestinationStatus): boolean =>
  status === "published" ||
  status === "partially_published" ||
  status === "failed" ||
  status === "cancelled";

const postStatusSet: ReadonlySet<string> = /* @__PURE__ */ new Set(postStatuses);
const destinationStatusSet: ReadonlySet<string> = /* @__PURE__ */ new Set(destinationStatuses);

/**
 * `true` when `value` is one of the post statuses: use it on what arrives from
 * outside (a query string, a database column) before trusting it as one.
 *
 * @example
 * ```ts
 * import { isPostStatus } from "postlife";
 * isPostStatus("partially_published"); // true
 * isPostStatus("retrying"); // false
 * const filter = new URLSearchParams("status=scheduled").get("status");
 * const status = isPostStatus(filter) ? filter : undefined; // "scheduled"
 * ```
 * @since 0.1.0
 */
export const isPostStatus = (value: unknown): value is PostStatus =>
  typeof value === "string" && postStatusSet.has(value);

/**
 * `true` when `value` is one of the destination statuses: use it on what
 * arrives from outside before trusting it as one.
 *
 * @example
 * ```ts
 * import { isDestinationStatus } from "postlife";
 * isDestinationStatus("unconfirmed"); // true
 * isDestinationStatus("deleted"); // false
 * ```
 * @since 0.1.0
 */
export const isDestinationStatus = (value: unknown): value is DestinationStatus =>
  typeof value === "string" && destinationStatusSet.has(value);
