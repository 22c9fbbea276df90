/**
 * What a poll of the platform's media status comes to, as the fact `apply`
 * takes: the platform's word, read by its table (`Platform.media`).
 */
import type { DeliveryFact } from "../domain/event.js";
import type { PollMedia } from "../domain/instruction.js";
import { textOf } from "../internal/text-of.js";
import { mediaProcessingOf, mediaStateOf } from "../platforms/media-processing.js";
import { isRecord } from "../rules/checks.js";

/**
 * What the platform answered to a `poll_media`: its status word, and what
 * came with it.
 *
 * @example
 * ```ts
 * import type { MediaAnswer } from "postlife";
 * const tiktok: MediaAnswer = { status: "FAILED", reason: "picture_size_check_failed", now: "2026-04-20T14:02:00Z" };
 * ```
 * @since 0.2.0
 */
export interface MediaAnswer {
  readonly status: string;
  /** The post, when the word says it is live and the platform names it (TikTok's publicaly_available_post_id). */
  readonly platformPostId?: string;
  readonly platformUrl?: string;
  /** Why it failed, in the platform's words (TikTok's fail_reason, Instagram's error subcode). */
  readonly reason?: string;
  /** How long the platform asks to wait before asking again. */
  readonly retryAfterMs?: number;
  readonly now: string;
}

/**
 * What a media answer is about: a `poll_media` instruction, or, for the
 * worker that created the container (or made TikTok's publish call), its
 * `enqueue_delivery` with the container's id and no `poll` (its first word).
 *
 * @example
 * ```ts
 * import type { EnqueueDelivery, MediaQuestion } from "postlife";
 * const firstWord = (job: EnqueueDelivery, containerId: string): MediaQuestion => ({ ...job, containerId });
 * ```
 * @since 0.2.0
 */
export type MediaQuestion = Pick<
  PollMedia,
  "destinationId" | "platform" | "idempotencyKey" | "attempt" | "containerId"
> & { readonly poll?: number };

/**
 * The fact a media poll's answer is: `MEDIA_STATUS` while the platform
 * processes, holds a container ready, or let it expire; `DELIVERY_SUCCEEDED`
 * once the post is live (named by the platform, else by its upload id, as
 * TikTok's inbox uploads are; a container PUBLISHED names no post, so it stays
 * a `MEDIA_STATUS` that the publish call's own report makes old news);
 * `DELIVERY_FAILED` with the platform's reason,
 * classified like any platform failure. It names the poll's key, so a late
 * answer about an earlier delivery is recognised as one.
 *
 * @example
 * ```ts
 * import { mediaFact, type PollMedia } from "postlife";
 * const poll: PollMedia = {
 *   type: "poll_media", postId: "post-1", destinationId: "d-ig", platform: "instagram",
 *   accountId: "17841400000000000", idempotencyKey: "post-1:d-ig:0:0", attempt: 1,
 *   containerId: "17889455560051444", poll: 1, at: "2026-04-20T14:01:00.000Z",
 * };
 * mediaFact(poll, { status: "IN_PROGRESS", now: "2026-04-20T14:01:00Z" }).type; // "MEDIA_STATUS"
 * mediaFact(poll, { status: "ERROR", reason: "2207026", now: "2026-04-20T14:02:00Z" }).type; // "DELIVERY_FAILED"
 * ```
 * @since 0.2.0
 */
export const mediaFact = (poll: MediaQuestion, answer: MediaAnswer): DeliveryFact => {
  // Total over anything: what is not text reads as its text, and `apply` judges the fact.
  const q: Partial<MediaQuestion> = isRecord(poll) ? poll : {};
  const a: Partial<MediaAnswer> = isRecord(answer) ? answer : {};
  const [destinationId, idempotencyKey, containerId, platform, status, now] = [
    q.destinationId,
    q.idempotencyKey,
    q.containerId,
    q.platform,
    a.status,
    a.now,
  ].map(textOf) as [string, string, string, string, string, string];
  // The attempt names the container's delivery: a late answer about an earlier one is stale.
  const about = { destinationId, idempotencyKey, attempt: q.attempt as number };
  const state = mediaStateOf(platform, status);
  // A container PUBLISHED names no post: the publish call's own report (or its look-up) will.
  const unnamed =
    state === "live" &&
    a.platformPostId === undefined &&
    mediaProcessingOf(platform).phase === "before_publish";
  switch (unnamed ? "processing" : state) {
    case "live":
      return {
        type: "DELIVERY_SUCCEEDED",
        ...about,
        platformPostId: a.platformPostId ?? containerId,
        ...(a.platformUrl === undefined ? {} : { platformUrl: a.platformUrl }),
        now,
      };
    case "failed":
      return {
        type: "DELIVERY_FAILED",
        ...about,
        failure: {
          platform,
          code: a.reason ?? status,
          message: `${platform} answered ${status} for ${containerId}${a.reason === undefined ? "" : ` (${textOf(a.reason)})`}`,
        },
        now,
      };
    default:
      return {
        type: "MEDIA_STATUS",
        ...about,
        containerId,
        status,
        ...(a.retryAfterMs === undefined ? {} : { retryAfterMs: a.retryAfterMs }),
        ...(q.poll === undefined ? {} : { poll: q.poll }),
        now,
      };
  }
};
