import type { DestinationStatus, PostStatus } from "../domain/status.js";
import { itemsOf } from "../internal/iterable.js";

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
 *   published and some failed or cancelled, `partially_published`; none
 *   published and some failed, `failed`.
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
export const aggregateStatus = (statuses: Iterable<DestinationStatus>): PostStatus => {
  let total = 0;
  let draft = 0;
  let pendingApproval = 0;
  let scheduled = 0;
  let queued = 0;
  let started = 0; // publishing, retrying, unconfirmed
  let published = 0;
  let failed = 0;
  let cancelled = 0;
  for (const status of itemsOf(statuses)) {
    total++;
    switch (status) {
      case "draft":
        draft++;
        break;
      case "pending_approval":
        pendingApproval++;
        break;
      case "scheduled":
        scheduled++;
        break;
      case "queued":
        queued++;
        break;
      case "published":
        published++;
        break;
      case "failed":
        failed++;
        break;
      case "cancelled":
        cancelled++;
        break;
      case "publishing":
      case "retrying":
      case "unconfirmed":
        started++;
        break;
      default:
        total--;
    }
  }
  if (total === 0) return "draft";
  const editorial = draft + pendingApproval + scheduled;
  if (editorial > 0 && editorial + cancelled === total) {
    return draft > 0 ? "draft" : pendingApproval > 0 ? "pending_approval" : "scheduled";
  }
  if (editorial + queued + started > 0) {
    return started + published + failed === 0 ? "queued" : "publishing";
  }
  if (published === total) return "published";
  if (cancelled === total) return "cancelled";
  return published > 0 ? "partially_published" : "failed";
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
    "retrying",
    "unconfirmed",
    "published",
    "failed",
    "cancelled",
  ],
  published: ["published"],
  partially_published: ["published", "failed", "cancelled"],
  failed: ["failed", "cancelled"],
  cancelled: ["cancelled"],
  deleted: ["published", "failed", "cancelled"],
};
