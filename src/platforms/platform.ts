import type { MediaKind } from "../domain/media.js";
import type { KnownErrorCode } from "../errors/publish-error.js";
import type { TextCounting } from "./text-length.js";

/**
 * One combination of media a post type accepts: between `min` and `max`
 * items, each of one of `kinds` (X takes up to four images, or one video, or
 * one GIF, never a mix).
 *
 * @example
 * ```ts
 * import { type MediaSet, platformOf } from "postlife";
 * const sets: readonly MediaSet[] = platformOf("x")?.content.postTypes.post?.media ?? [];
 * sets[0]; // { kinds: ["image"], min: 1, max: 4 }
 * ```
 * @since 0.1.0
 */
export interface MediaSet {
  readonly kinds: readonly MediaKind[];
  readonly min: number;
  readonly max: number;
}

/**
 * What one post type of a platform accepts.
 *
 * @example
 * ```ts
 * import { platformOf, type PostTypeRule } from "postlife";
 * const reel: PostTypeRule | undefined = platformOf("instagram")?.content.postTypes.reel;
 * reel?.mediaRequired; // true
 * reel?.maxVideoSeconds; // 900
 * ```
 * @since 0.1.0
 */
export interface PostTypeRule {
  /** Whether the post needs media at all (Instagram, TikTok, YouTube, Pinterest). */
  readonly mediaRequired: boolean;
  /** The media attached must fit one of these sets. */
  readonly media: readonly MediaSet[];
  /** The longest video, in seconds, where the platform documents one. */
  readonly maxVideoSeconds?: number;
}

/**
 * A limit on how many of something the text may hold.
 *
 * @example
 * ```ts
 * import { type CountRule, platformOf } from "postlife";
 * const hashtags: CountRule | undefined = platformOf("instagram")?.content.hashtags;
 * hashtags?.limit; // 30
 * ```
 * @since 0.1.0
 */
export interface CountRule {
  readonly limit: number;
}

/**
 * What a platform accepts before a post is sent, as data: the preflight
 * reads it, the spec table `spec/platform-rules.json` is generated from it,
 * and each value cites the platform document it comes from.
 *
 * @example
 * ```ts
 * import { type ContentRules, platformOf } from "postlife";
 * const rules: ContentRules | undefined = platformOf("bluesky")?.content;
 * rules?.text; // { limit: 300, counting: "graphemes", maxBytes: 3000 }
 * Object.keys(rules?.postTypes ?? {}); // ["post", "thread"]
 * ```
 * @since 0.1.0
 */
export interface ContentRules {
  /**
   * The text limit, counted as the platform counts it, and where the platform
   * documents one, a second limit in UTF-8 bytes (Bluesky's record).
   */
  readonly text: {
    readonly limit: number;
    readonly counting: TextCounting;
    readonly maxBytes?: number;
  };
  /**
   * The first line is a title with its own limit, in characters, and the text
   * limit applies to the rest, the description (YouTube).
   */
  readonly title?: CountRule;
  /** Characters the platform refuses anywhere in the text (YouTube's `<` and `>`). */
  readonly forbiddenCharacters?: string;
  readonly hashtags?: CountRule;
  readonly mentions?: CountRule;
  /** Distinct links (the same URL twice is one link). */
  readonly links?: CountRule;
  /** The post types, by the name a destination's `postType` uses. */
  readonly postTypes: Readonly<Record<string, PostTypeRule>>;
  /** The largest file, in bytes, per media kind, where documented. */
  readonly mediaBytes: Readonly<Partial<Record<MediaKind, number>>>;
  /**
   * Replies chained under the first post; absent where the platform has no
   * threads. `maxItems` only where the platform documents a limit.
   */
  readonly thread?: { readonly maxItems?: number };
}

/**
 * How a platform says when to come back after a rate limit.
 *
 * @example
 * ```ts
 * import { platformOf, type ResetFormat } from "postlife";
 * const formats: ResetFormat[] =
 *   platformOf("mastodon")?.errors.resetHeaders?.map(([, format]) => format) ?? [];
 * formats; // ["iso"]
 * ```
 * @since 0.1.0
 */
export type ResetFormat =
  /** Seconds to wait (Retry-After). */
  | "seconds"
  /** An HTTP date (Retry-After). */
  | "http-date"
  /** Unix time in seconds (X's x-rate-limit-reset, Bluesky's ratelimit-reset). */
  | "epoch-seconds"
  /** An ISO 8601 time (Mastodon's X-RateLimit-Reset). */
  | "iso"
  /** Meta's usage headers, whose `estimated_time_to_regain_access` is in minutes. */
  | "meta-usage";

/**
 * What a platform's failures mean, as data: its own error codes (and Meta's
 * sub-codes), telling phrases of its messages, and its headers that say when
 * to come back. Anything it does not say falls back to the HTTP status.
 *
 * @example
 * ```ts
 * import { type ErrorSignals, platformOf } from "postlife";
 * const signals: ErrorSignals | undefined = platformOf("x")?.errors;
 * signals?.codes?.["187"]; // "DUPLICATE_CONTENT"
 * platformOf("youtube")?.errors.dailyQuotaResetZone; // "America/Los_Angeles"
 * ```
 * @since 0.1.0
 */
export interface ErrorSignals {
  /** Sub-codes, checked first: they are more precise than codes (Meta's error_subcode). */
  readonly subcodes?: Readonly<Record<string, KnownErrorCode>>;
  /** The platform's error codes (numbers as strings, or the platform's words). */
  readonly codes?: Readonly<Record<string, KnownErrorCode>>;
  /** Lower-case phrases of the message, checked when the codes did not decide. */
  readonly messages?: readonly (readonly [phrase: string, code: KnownErrorCode])[];
  /** Prefixes of the platform's error codes that mean one thing (TikTok's `spam_risk_…`). */
  readonly codePrefixes?: readonly (readonly [prefix: string, code: KnownErrorCode])[];
  /** HTTP statuses this platform uses in its own sense (Mastodon's 403 for a disabled account). */
  readonly statuses?: Readonly<Record<string, KnownErrorCode>>;
  /** The time zone whose midnight resets a daily quota (YouTube: Pacific time). */
  readonly dailyQuotaResetZone?: string;
  /**
   * Headers that say when to come back, in the order they are tried. A third
   * element names the header counting what is left: the reset is read only
   * when that count is 0 (X sends its 24-hour reset on every answer).
   */
  readonly resetHeaders?: readonly (
    | readonly [header: string, format: ResetFormat]
    | readonly [header: string, format: ResetFormat, onlyWhenZero: string]
  )[];
}

/**
 * What one of a platform's media status words means for the delivery:
 * still `processing`, `ready` to publish (a container), `expired` (a
 * container not published in time: create it again), `live` (the post is
 * up), or `failed`.
 *
 * @example
 * ```ts
 * import { mediaStateOf, type MediaState } from "postlife";
 * const state: MediaState = mediaStateOf("threads", "FINISHED"); // "ready"
 * ```
 * @since 0.2.0
 */
export type MediaState = "processing" | "ready" | "expired" | "live" | "failed";

/**
 * How a platform processes media, and how to wait for it. Where processing
 * comes `before_publish` (Instagram's and Threads' containers), nothing is
 * live until the publish call after it, so a wait that runs out fails the
 * destination; where it comes `after_publish` (TikTok, YouTube), the publish
 * call was made, so a wait that runs out is a timeout after sending
 * (unconfirmed, looked up).
 *
 * @example
 * ```ts
 * import { platformOf } from "postlife";
 * platformOf("tiktok")?.media?.budget; // { requests: 30, perMs: 60000 }
 * platformOf("instagram")?.media?.phase; // "before_publish"
 * ```
 * @since 0.2.0
 */
export interface MediaProcessing {
  readonly phase: "before_publish" | "after_publish";
  /** The platform's status words, as its status endpoint writes them. */
  readonly states: Readonly<Record<string, MediaState>>;
  /** The first wait between two polls, by the platform's guidance; each poll after waits twice the one before, up to ten times this. */
  readonly pollEveryMs: number;
  /** The status endpoint's budget per token: at most `requests` polls in `perMs`. */
  readonly budget?: { readonly requests: number; readonly perMs: number };
  /** The longest processing the delivery waits for. */
  readonly processingWithinMs: number;
}

/**
 * Everything postlife knows about one platform: what it accepts, and what its
 * failures mean. One file per platform, in `src/platforms/`.
 *
 * @example
 * ```ts
 * import { platformOf } from "postlife";
 * platformOf("twitter")?.id; // "x"
 * platformOf("x")?.content.text; // { limit: 280, counting: "x-weighted" }
 * ```
 * @since 0.1.0
 */
export interface Platform {
  readonly id: string;
  readonly name: string;
  /** Other ids the platform goes by ("twitter" for X). */
  readonly aliases: readonly string[];
  readonly content: ContentRules;
  readonly errors: ErrorSignals;
  /** Where the platform processes media in a step of its own. */
  readonly media?: MediaProcessing;
}
