/**
 * A batch of status checks (Wahdx's batch answer, or any list of
 * destination reports) read as one picture: each post's canonical status and
 * a summary of them all. Pure, on decoded values: no Effect to run.
 */

import { countByStatus, type StatusCounts } from "../domain/post.js";
import {
  type DestinationStatus,
  isDestinationStatus,
  isTerminal,
  type PostStatus,
} from "../domain/status.js";
import type { PublishError } from "../errors/publish-error.js";
import { itemsOf } from "../internal/iterable.js";
import { aggregateStatus } from "../rules/aggregate.js";
import { isRecord, publishError } from "../rules/checks.js";
import type { DestinationReport } from "./report.js";

/**
 * One checked post (an `accountId` + `publishId`) in postlife's words.
 *
 * @example
 * ```ts
 * import type { BatchEntry } from "postlife/wire";
 * const entry: BatchEntry = { accountId: "ACCOUNT_ID_1", publishId: "PUBLISH_ID_1", status: "publishing", vendorStatus: "Processing" };
 * ```
 * @since 0.1.0
 */
export interface BatchEntry {
  readonly accountId: string;
  readonly publishId: string;
  /** The canonical status, or `"unknown"` with the word in `vendorStatus`. */
  readonly status: DestinationStatus | "unknown";
  readonly vendorStatus: string;
  readonly postUrl?: string;
  readonly error?: PublishError;
}

/**
 * The batch as one group.
 *
 * @example
 * ```ts
 * import type { BatchSummary } from "postlife/wire";
 * const line = (s: BatchSummary) => `${s.done}/${s.total} done, ${s.failed.length} failed: ${s.status}`;
 * ```
 * @since 0.1.0
 */
export interface BatchSummary {
  /** How many distinct posts were checked. */
  readonly total: number;
  /** Posts per canonical status (the unknown ones are not in these counts). */
  readonly counts: StatusCounts;
  /** Posts whose status word postlife does not know, and the distinct words, as they came. */
  readonly unknown: { readonly count: number; readonly words: readonly string[] };
  /** Posts that are over: published, failed or cancelled. */
  readonly done: number;
  /** Posts still under way or not started (queued, publishing, retrying, editorial...). */
  readonly underWay: number;
  /**
   * `aggregateStatus` of every post as one group (published + failed is
   * `partially_published`, anything under way is `publishing`...), or
   * `"unknown"` when a post's status is unknown: it could be anything, so no
   * group status would be honest. An empty batch is `draft`, as a post
   * without destinations.
   */
  readonly status: PostStatus | "unknown";
  /** The failed posts, with their errors when the vendor gave one. */
  readonly failed: readonly BatchEntry[];
}

/**
 * What `summarizeBatch` returns: each post, and the summary.
 *
 * @example
 * ```ts
 * import type { BatchStatus } from "postlife/wire";
 * const failedIds = (b: BatchStatus) => b.summary.failed.map((e) => e.publishId);
 * ```
 * @since 0.1.0
 */
export interface BatchStatus {
  /** One entry per distinct `accountId` + `publishId`, in the order first seen. */
  readonly posts: readonly BatchEntry[];
  readonly summary: BatchSummary;
}

/**
 * One report as a batch entry, or undefined for an item that is not a report
 * (nothing to name the post by, or no word of the vendor's). A field that is
 * not what a report holds reads as absent; a status that is neither canonical
 * nor `unknown` is one postlife does not know: `unknown`, its word kept.
 */
const entryOf = (report: unknown): BatchEntry | undefined => {
  if (!isRecord(report)) return undefined;
  const { id, vendorStatus, status, accountId, platformUrl, error } = report;
  if (typeof id !== "string" || typeof vendorStatus !== "string") return undefined;
  return {
    accountId: typeof accountId === "string" ? accountId : "",
    publishId: id,
    status: isDestinationStatus(status) ? status : "unknown",
    vendorStatus,
    ...(typeof platformUrl === "string" ? { postUrl: platformUrl } : {}),
    ...(error !== undefined && publishError(error, "error") === undefined
      ? { error: error as PublishError }
      : {}),
  };
};

/**
 * Reads many status checks as one picture: per post (`accountId` +
 * `publishId`, the report's `accountId` and `id`) its canonical status, and
 * a summary: how many, per status, which words were unknown, how many are
 * done and how many under way, the status of them all as one group
 * (`aggregateStatus`), and the failed ones with their errors. A post checked
 * twice counts once, with its later answer. Total and order-free: the
 * summary's numbers and group status do not depend on the order of the
 * results.
 *
 * Total: a value that is not iterable is an empty batch (`total: 0`,
 * `status: "draft"`). An item that is not a report (not an object with a
 * string `id` and `vendorStatus`) is left out; a status that is neither
 * canonical nor `unknown` counts as unknown, its word kept; an `accountId`
 * or `platformUrl` that is not a string, or an `error` that is not a
 * `PublishError`, reads as absent.
 *
 * @example
 * ```ts
 * import { summarizeBatch } from "postlife/wire";
 * const { posts, summary } = summarizeBatch([
 *   { id: "PUBLISH_ID_1", accountId: "ACCOUNT_ID_1", status: "published", vendorStatus: "Published" },
 *   { id: "PUBLISH_ID_2", accountId: "ACCOUNT_ID_2", status: "failed", vendorStatus: "Failed" },
 * ]);
 * posts.length; // 2
 * summary.status; // "partially_published"
 * summary.done; // 2
 * summary.failed[0]?.publishId; // "PUBLISH_ID_2"
 * ```
 * @since 0.1.0
 */
export const summarizeBatch = (results: Iterable<DestinationReport>): BatchStatus => {
  const byPost = new Map<string, BatchEntry>();
  for (const report of itemsOf(results)) {
    const entry = entryOf(report);
    if (entry === undefined) continue;
    byPost.set(JSON.stringify([entry.accountId, entry.publishId]), entry);
  }
  const posts = [...byPost.values()];
  const known: { readonly status: DestinationStatus }[] = [];
  const words: string[] = [];
  let unknownCount = 0;
  for (const post of posts) {
    if (post.status === "unknown") {
      unknownCount++;
      if (!words.includes(post.vendorStatus)) words.push(post.vendorStatus);
    } else {
      known.push({ status: post.status });
    }
  }
  const done = known.filter((post) => isTerminal(post.status)).length;
  return {
    posts,
    summary: {
      total: posts.length,
      counts: countByStatus(known),
      unknown: { count: unknownCount, words },
      done,
      underWay: known.length - done,
      status: unknownCount > 0 ? "unknown" : aggregateStatus(known.map((post) => post.status)),
      failed: posts.filter((post) => post.status === "failed"),
    },
  };
};
