import type { Platform } from "./platform.js";

/**
 * Pinterest (API v5, pins).
 * Text: a description of 500 characters.
 * Media is required: one image (up to 20 MB) or one video (up to 2 GB, 4 s to 15 min), or
 * a carousel of 2 to 5 images (https://developers.pinterest.com/docs/api/v5/pins-create,
 * https://help.pinterest.com/en/business/article/pinterest-product-specs).
 * Errors: `{ code, message }` with the HTTP status; 429 for rate limits.
 */
export const pinterest: Platform = {
  id: "pinterest",
  name: "Pinterest",
  aliases: [],
  content: {
    text: { limit: 500, counting: "characters" },
    postTypes: {
      post: {
        mediaRequired: true,
        media: [
          { kinds: ["image"], min: 1, max: 1 },
          { kinds: ["video"], min: 1, max: 1 },
        ],
        maxVideoSeconds: 15 * 60,
      },
      carousel: { mediaRequired: true, media: [{ kinds: ["image"], min: 2, max: 5 }] },
    },
    mediaBytes: { image: 20 * 1024 * 1024, video: 2 * 1024 * 1024 * 1024 },
  },
  errors: {
    messages: [
      ["spam", "ACCOUNT_RESTRICTED"],
      ["blocked", "ACCOUNT_RESTRICTED"],
      ["rate limit", "RATE_LIMITED"],
    ],
  },
};
