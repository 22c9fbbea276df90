/**
 * A media item attached to a post.
 *
 * @example
 * ```ts
 * import type { Media } from "postlife";
 * const photo: Media = { kind: "image", url: "https://cdn.example.com/launch.jpg", sizeBytes: 420_000 };
 * ```
 * @since 0.1.0
 */
export interface Media {
  readonly kind: MediaKind;
  readonly url: string;
  readonly sizeBytes?: number;
  readonly mimeType?: string;
  readonly altText?: string;
  readonly durationMs?: number;
  readonly width?: number;
  readonly height?: number;
}

/**
 * The kinds of media the platforms distinguish.
 *
 * @example
 * ```ts
 * import { mediaKinds } from "postlife";
 * mediaKinds.includes("video"); // true
 * ```
 * @since 0.1.0
 */
export const mediaKinds = ["image", "video", "gif", "document"] as const;

/**
 * One of `mediaKinds`.
 *
 * @example
 * ```ts
 * import type { MediaKind } from "postlife";
 * const kind: MediaKind = "gif";
 * ```
 * @since 0.1.0
 */
export type MediaKind = (typeof mediaKinds)[number];
