import { metaContainers, metaGraphErrors } from "./meta-graph.js";
import type { Platform } from "./platform.js";

/**
 * Threads (Threads API).
 * Text: 500 characters, each emoji counting as its UTF-8 bytes; at most 5 distinct links
 * (https://developers.facebook.com/docs/threads/posts).
 * Media: one image or video, or a carousel of up to 20; images up to 8 MB, videos up to
 * 1 GB and 5 minutes (https://developers.facebook.com/docs/threads/overview#media-specifications).
 * Replies form a thread. Errors: Meta's Graph API codes.
 */
const media = [{ kinds: ["image", "video"], min: 1, max: 20 }] as const;

export const threads: Platform = {
  id: "threads",
  name: "Threads",
  aliases: [],
  content: {
    text: { limit: 500, counting: "threads" },
    links: { limit: 5 },
    postTypes: {
      post: { mediaRequired: false, media, maxVideoSeconds: 5 * 60 },
      thread: { mediaRequired: false, media, maxVideoSeconds: 5 * 60 },
    },
    mediaBytes: { image: 8 * 1024 * 1024, video: 1024 * 1024 * 1024 },
    thread: {},
  },
  errors: metaGraphErrors,
  media: metaContainers(30_000),
};
