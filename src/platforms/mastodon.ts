import type { Platform } from "./platform.js";

/**
 * Mastodon (REST API, POST /api/v1/statuses).
 * Text: 500 characters by default (an instance may allow more), every URL counting 23 and
 * a remote mention only its local part (https://docs.joinmastodon.org/user/posting/#text).
 * Media: up to 4 images or GIFs, or one video; images up to 16 MB, videos up to 99 MB
 * (Mastodon 4 defaults, https://docs.joinmastodon.org/user/posting/#attachments). Replies
 * form a thread.
 * Errors: 401 for tokens, 403 for a disabled or suspended account, 422 for validation
 * ("Text character limit of 500 exceeded"), 429 with X-RateLimit-Reset as an ISO 8601 time
 * (https://docs.joinmastodon.org/api/rate-limits/).
 */
const media = [
  { kinds: ["image", "gif"], min: 1, max: 4 },
  { kinds: ["video"], min: 1, max: 1 },
] as const;

export const mastodon: Platform = {
  id: "mastodon",
  name: "Mastodon",
  aliases: [],
  content: {
    text: { limit: 500, counting: "mastodon" },
    postTypes: {
      post: { mediaRequired: false, media },
      thread: { mediaRequired: false, media },
    },
    mediaBytes: { image: 16 * 1024 * 1024, gif: 16 * 1024 * 1024, video: 99 * 1024 * 1024 },
    thread: {},
  },
  errors: {
    statuses: { "403": "ACCOUNT_RESTRICTED" },
    messages: [
      ["outside the authorized scopes", "PERMISSION_DENIED"],
      ["file size", "CONTENT_TOO_LARGE"],
      ["too large", "CONTENT_TOO_LARGE"],
      ["character limit", "INVALID_CONTENT"],
    ],
    resetHeaders: [["x-ratelimit-reset", "iso"]],
  },
};
