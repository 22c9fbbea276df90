import type { DeliveryFact } from "../domain/event.js";
import type { DestinationStatus, PostStatus } from "../domain/status.js";
import type { ThreadItemStatus } from "../domain/thread.js";
import type { PublishError } from "../errors/publish-error.js";
import { omit } from "../internal/omit.js";
import { textOf } from "../internal/text-of.js";
import { isRecord, publishError, webUrl } from "../rules/checks.js";

/**
 * What a publishing API says about one destination (one platform account),
 * in postlife's words. The vendor's own word is always kept in
 * `vendorStatus`; a word postlife does not know gives `status: "unknown"`.
 *
 * @example
 * ```ts
 * import type { DestinationReport } from "postlife/wire";
 * const threads: DestinationReport = {
 *   id: "663a1b2c3d4e5f6a7b8c9d03", platform: "threads", accountId: "17841412345678",
 *   status: "failed", vendorStatus: "failed",
 *   error: { code: "PLATFORM_AUTH_EXPIRED", message: "Error validating access token", retryable: false },
 * };
 * ```
 * @since 0.1.0
 */
export interface DestinationReport {
  /** The vendor's id for this destination (or, where it has none, the account's). */
  readonly id: string;
  readonly platform?: string;
  readonly accountId?: string;
  readonly status: DestinationStatus | "unknown";
  /** The word as the vendor wrote it. */
  readonly vendorStatus: string;
  readonly content?: string;
  readonly platformPostId?: string;
  readonly platformUrl?: string;
  readonly publishedAt?: string;
  /** Why it failed; error codes the vendor invented are kept as they came. */
  readonly error?: PublishError;
  readonly attempts?: number;
  readonly nextRetryAt?: string;
  /** In a thread: the item the report is about (0 is the first post); its facts name it. */
  readonly item?: number;
  /** A thread's items, first post first: each live one gives the success of that item. */
  readonly items?: readonly ThreadItemReport[];
}

/**
 * One item of a thread as a publishing API reports it (seed 000's
 * `get_post_status` "thread items"), in postlife's words.
 *
 * @example
 * ```ts
 * import type { ThreadItemReport } from "postlife/wire";
 * const reply: ThreadItemReport = { status: "published", vendorStatus: "published", platformPostId: "1780123456789012346" };
 * ```
 * @since 0.2.0
 */
export interface ThreadItemReport {
  readonly status: ThreadItemStatus | "unknown";
  readonly vendorStatus: string;
  readonly platformPostId?: string;
  readonly platformUrl?: string;
  readonly publishedAt?: string;
}

/**
 * What a publishing API says about a post and its destinations, in
 * postlife's words: the canonical view every vendor decoder produces.
 *
 * @example
 * ```ts
 * import type { PostReport } from "postlife/wire";
 * const report: PostReport = {
 *   id: "507f1f77bcf86cd799439011", status: "partially_published", vendorStatus: "partially_published",
 *   destinations: [],
 * };
 * // The vendor said published, but one of the posts failed: the destinations overrule it.
 * const overruled: PostReport = {
 *   id: "f47ac10b-58cc-4372-a567-0e02b2c3d479", status: "partially_published",
 *   vendorStatus: "published", overruledStatus: "published",
 *   destinations: [
 *     { id: "2282", platform: "x", status: "published", vendorStatus: "published", platformPostId: "1780123456789012345" },
 *     { id: "2285", platform: "linkedin", status: "failed", vendorStatus: "failed" },
 *   ],
 * };
 * ```
 * @since 0.1.0
 */
export interface PostReport {
  readonly id: string;
  /**
   * The post's status. A decoder of a whole group (PostPost's get-post, the
   * results API) derives it from the destinations (`aggregateStatus`):
   * LinkedIn failed beside two published is `partially_published`, whatever
   * the vendor's word for the group says.
   */
  readonly status: PostStatus | "unknown";
  /** The group's word as the vendor wrote it, when the vendor gives one. */
  readonly vendorStatus?: string;
  /**
   * Set only when the vendor's word for the group (`vendorStatus`) and its
   * destinations disagree: the status the vendor's word reads as, overruled
   * by the destinations (`status` is what they add up to). A group the
   * vendor calls `published` while one of its posts failed has
   * `status: "partially_published"` and `overruledStatus: "published"`.
   * Absent when they agree, or when there is nothing to overrule the word
   * with (no destinations, or one of them `unknown`).
   */
  readonly overruledStatus?: PostStatus | "unknown";
  readonly destinations: readonly DestinationReport[];
}

/**
 * The delivery facts a report of one destination amounts to, for a service
 * that keeps its posts in postlife and learns outcomes from a vendor (by
 * polling or webhooks): an attempt under way, a confirmed publication, a
 * final failure. Statuses that are not news (queued, retrying, editorial,
 * unknown) give none. `apply` takes them; a fact already recorded is ignored
 * as a duplicate, so reports can be replayed safely and in any order.
 *
 * A vendor's `failed` is final (its retries are spent), so the failure is
 * marked not retryable; but a failure with a retry scheduled (`nextRetryAt`)
 * is not final: the vendor tries again, so it gives no fact, as `retrying`
 * does (the results API's `next_retry_at` is "the next scheduled retry").
 *
 * Total: a report or target it cannot read (not an object, or a target whose
 * `destinationId` or `now` is not a string) gives no fact, `[]`; so does a
 * publication whose `platformPostId` is not a non-empty string. A
 * `platformUrl` that is not an absolute http(s) URL is left out (a
 * `javascript:` link never reaches a dashboard, and the publication is still
 * recorded), a `publishedAt` that is not a string too (the fact takes `now`), and an `error` that is not a `PublishError` is read as none:
 * the failure is an `UNKNOWN_ERROR` naming the vendor's word.
 *
 * @example
 * ```ts
 * import { factsOf } from "postlife/wire";
 * factsOf(
 *   { id: "r1", status: "published", vendorStatus: "posted", platformPostId: "1780123456789012345" },
 *   { destinationId: "d-x", now: "2026-04-20T14:00:05Z" },
 * );
 * // [{ type: "DELIVERY_SUCCEEDED", destinationId: "d-x", platformPostId: "1780123456789012345", now: "2026-04-20T14:00:05Z" }]
 * factsOf(
 *   { id: "2282", status: "failed", vendorStatus: "failed", nextRetryAt: "2026-04-20T14:05:00Z" },
 *   { destinationId: "d-x", now: "2026-04-20T14:00:05Z" },
 * );
 * // []: a retry is scheduled, so the failure is not final
 * ```
 * @since 0.1.0
 */
export const factsOf = (
  report: DestinationReport,
  target: { readonly destinationId: string; readonly now: string },
): readonly DeliveryFact[] => {
  if (!isRecord(report) || !isRecord(target)) return [];
  const { destinationId, now } = target;
  if (typeof destinationId !== "string" || typeof now !== "string") return [];
  const item =
    Number.isSafeInteger(report.item) && (report.item as number) >= 0 ? report.item : undefined;
  const items: unknown = report.items;
  if (Array.isArray(items) && item === undefined && report.status !== "failed") {
    // A thread: each live item is the success of that item, named, never of "the" post.
    return items.flatMap((it: unknown, k) =>
      isRecord(it) && it.status === "published"
        ? factsOfStatus(
            {
              ...(it as Partial<DestinationReport>),
              id: report.id,
              status: "published",
              vendorStatus: "",
            },
            destinationId,
            now,
          ).map((fact) => ({ ...fact, item: k }))
        : [],
    );
  }
  return factsOfStatus(report, destinationId, now).map((fact) =>
    item === undefined ? fact : { ...fact, item },
  );
};

const factsOfStatus = (
  report: DestinationReport,
  destinationId: string,
  now: string,
): readonly DeliveryFact[] => {
  switch (report.status) {
    case "publishing":
      return [{ type: "DELIVERY_STARTED", destinationId, now }];
    case "published":
      // A publication postlife cannot name (no platform id) cannot be confirmed.
      return typeof report.platformPostId !== "string" || report.platformPostId === ""
        ? []
        : [
            {
              type: "DELIVERY_SUCCEEDED",
              destinationId,
              platformPostId: report.platformPostId,
              // A link postlife would refuse (javascript:, relative) is left out, never the success.
              ...(webUrl(report.platformUrl, "platformUrl") === undefined
                ? { platformUrl: report.platformUrl }
                : {}),
              now: typeof report.publishedAt === "string" ? report.publishedAt : now,
            },
          ];
    case "failed":
      // A retry is scheduled: the vendor has not given up, and postlife must not either.
      if (report.nextRetryAt !== undefined) return [];
      return [
        {
          type: "DELIVERY_FAILED",
          destinationId,
          // Final: not retryable, and not "outcome unknown" either (the vendor knows it failed).
          error: {
            ...omit<PublishError, "outcomeUnknown">(
              report.error !== undefined && publishError(report.error, "error") === undefined
                ? report.error
                : {
                    code: "UNKNOWN_ERROR",
                    message: `the vendor reported "${textOf(report.vendorStatus)}"`,
                    retryable: false,
                  },
              "outcomeUnknown",
            ),
            retryable: false,
          },
          now,
        },
      ];
    default:
      return [];
  }
};
