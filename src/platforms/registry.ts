import { bluesky } from "./bluesky.js";
import { facebook } from "./facebook.js";
import { instagram } from "./instagram.js";
import { linkedin } from "./linkedin.js";
import { mastodon } from "./mastodon.js";
import { pinterest } from "./pinterest.js";
import type { Platform } from "./platform.js";
import { threads } from "./threads.js";
import { tiktok } from "./tiktok.js";
import { x } from "./x.js";
import { youtube } from "./youtube.js";

/**
 * Every platform postlife knows, in the order the docs list them.
 *
 * @example
 * ```ts
 * import { platforms } from "postlife";
 * platforms.map((p) => p.id); // ["x", "linkedin", "instagram", "facebook", "threads", ...]
 * ```
 * @since 0.1.0
 */
export const platforms: readonly Platform[] = [
  x,
  linkedin,
  instagram,
  facebook,
  threads,
  tiktok,
  youtube,
  bluesky,
  pinterest,
  mastodon,
];

const byId = /* @__PURE__ */ (() =>
  new Map<string, Platform>(
    platforms.flatMap((p) => [p.id, ...p.aliases].map((id) => [id, p] as const)),
  ))();

/**
 * The platform with this id or alias (case and surrounding spaces ignored),
 * or undefined for a platform postlife does not know.
 *
 * @example
 * ```ts
 * import { platformOf } from "postlife";
 * platformOf("Twitter")?.id; // "x"
 * platformOf("friendster"); // undefined
 * ```
 * @since 0.1.0
 */
export const platformOf = (id: string): Platform | undefined =>
  typeof id === "string" ? byId.get(id.trim().toLowerCase()) : undefined;
