/**
 * How each platform processes media (`Platform.media`), read by the
 * destination's wait for it.
 */
import { containerStates } from "./meta-graph.js";
import type { MediaProcessing, MediaState } from "./platform.js";
import { platformOf } from "./registry.js";

/**
 * How a platform without media data of its own is waited on: a container in
 * the words most APIs share, polled every 30 s, for an hour.
 */
const generic: MediaProcessing = {
  phase: "before_publish",
  states: containerStates,
  pollEveryMs: 30_000,
  processingWithinMs: 60 * 60_000,
};

/** How `platform` processes media. */
export const mediaProcessingOf = (platform: string): MediaProcessing =>
  platformOf(platform)?.media ?? generic;

/**
 * What the platform's word means for the delivery, by its table. A word the
 * table does not have is still processing: the deadline bounds the wait.
 *
 * @example
 * ```ts
 * import { mediaStateOf } from "postlife";
 * mediaStateOf("instagram", "IN_PROGRESS"); // "processing"
 * mediaStateOf("instagram", "FINISHED"); // "ready"
 * mediaStateOf("tiktok", "PUBLISH_COMPLETE"); // "live"
 * ```
 * @since 0.2.0
 */
export const mediaStateOf = (platform: string, word: string): MediaState => {
  const { states } = mediaProcessingOf(textOr(platform));
  const w = textOr(word);
  return Object.hasOwn(states, w) ? (states[w] as MediaState) : "processing";
};

const textOr = (value: unknown): string => (typeof value === "string" ? value : "");

/**
 * The most polls one wait for media asks: the doublings up to ten times the
 * first interval, then as many of those as the longest wait holds. A timer
 * that fires early cannot make a wait poll without end: past this, the wait
 * only ends by its deadline.
 */
export const maxPollsOf = (platform: string): number => {
  const { pollEveryMs, processingWithinMs } = mediaProcessingOf(platform);
  return 5 + Math.ceil(processingWithinMs / (10 * pollEveryMs));
};
