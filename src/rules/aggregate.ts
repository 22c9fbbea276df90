import type { Destination } from "../domain/destination.js";
import { countStatuses, type StatusCounts } from "../domain/post.js";
import type { DestinationStatus, PostStatus } from "../domain/status.js";
import { partlyPosted } from "../domain/thread.js";

/**
 * The status a post shows, derived from its destinations' statuses.
 *
 * - no destinations: `draft`;
 * - all (that are not cancelled) in editorial statuses: the least advanced of
 *   them (a well-formed post has them all in one);
 * - anything still under way: `queued` while nothing has started (every
 *   destination that is not cancelled is still queued), else `publishing`,
 *   so published + queued is `publishing`;
 * - all done: all published, `published`; all cancelled, `cancelled`; some
 *   published (or a thread partly published) and some failed or cancelled,
 *   `partially_published`; none published and some failed, `failed`.
 *
 * It only counts, so it is order-independent, and it is total: a value that
 * is not a destination status is not counted, and a value that is not a list
 * counts as no destinations.
 *
 * @example
 * ```ts
 * import { aggregateStatus } from "postlife";
 * aggregateStatus(["published", "published", "failed"]); // "partially_published"
 * aggregateStatus(["published", "queued"]); // "publishing"
 * aggregateStatus([]); // "draft"
 * ```
 * @since 0.1.0
 */
export const aggregateStatus = (statuses: Iterable<DestinationStatus>): PostStatus =>
  statusOfCounts(countStatuses(statuses));

/**
 * The group status of destinations counted by status: what `aggregateStatus`
 * answers, read from the counts a post keeps (no walk over its destinations).
 */
export const statusOfCounts = (c: StatusCounts): PostStatus => {
  const editorial = c.draft + c.pending_approval + c.scheduled;
  const started = c.publishing + c.processing_media + c.retrying + c.unconfirmed;
  const live = c.published + c.partially_published;
  const total = editorial + c.queued + started + live + c.failed + c.cancelled;
  if (total === 0) return "draft";
  if (editorial > 0 && editorial + c.cancelled === total) {
    return c.draft > 0 ? "draft" : c.pending_approval > 0 ? "pending_approval" : "scheduled";
  }
  if (editorial + c.queued + started > 0) {
    return started + live + c.failed === 0 ? "queued" : "publishing";
  }
  if (c.published === total) return "published";
  if (c.cancelled === total) return "cancelled";
  return live > 0 ? "partially_published" : "failed";
};

/**
 * The status of a post from its destinations: `statusOfCounts` of their
 * counts, except that a post whose thread has live items is never "queued"
 * (nothing out yet): while the next item waits for a worker, the post is
 * publishing.
 */
export const groupStatus = (
  counts: StatusCounts,
  destinations: readonly Destination[],
): PostStatus => {
  const status = statusOfCounts(counts);
  return status === "queued" && destinations.some(partlyPosted) ? "publishing" : status;
};

/**
 * The destination statuses a post in each status of delivery may hold, as
 * `aggregateStatus` reads them (a deleted post keeps failed and cancelled
 * destinations, and one found live after all). What a delivery fact can
 * meet in that status.
 */
export const destinationStatusesIn: { readonly [S in PostStatus]: readonly DestinationStatus[] } = {
  draft: ["draft", "cancelled"],
  pending_approval: ["pending_approval", "cancelled"],
  scheduled: ["scheduled", "cancelled"],
  queued: ["queued", "cancelled"],
  publishing: [
    "queued",
    "publishing",
    "processing_media",
    "retrying",
    "unconfirmed",
    "published",
    "partially_published",
    "failed",
    "cancelled",
  ],
  published: ["published"],
  partially_published: ["published", "partially_published", "failed", "cancelled"],
  failed: ["failed", "cancelled"],
  cancelled: ["cancelled"],
  deleted: ["published", "partially_published", "failed", "cancelled"],
};
