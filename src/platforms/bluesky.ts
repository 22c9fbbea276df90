import type { Platform } from "./platform.js";

/**
 * Bluesky (AT Protocol, app.bsky.feed.post).
 * Text: 300 graphemes and 3,000 bytes (the lexicon's maxGraphemes and maxLength).
 * Media: up to 4 images of at most 1,000,000 bytes each, or one video (up to 100 MB and
 * 3 minutes) (https://docs.bsky.app/docs/advanced-guides/posts, lexicons app.bsky.embed.images
 * and app.bsky.embed.video). Replies form a thread.
 * Errors: XRPC `{ error, message }` (ExpiredToken, InvalidToken, RateLimitExceeded, ...);
 * 429 carries ratelimit-reset in Unix seconds (https://docs.bsky.app/docs/advanced-guides/rate-limits).
 */
const media = [
  { kinds: ["image"], min: 1, max: 4 },
  { kinds: ["video"], min: 1, max: 1 },
] as const;

export const bluesky: Platform = {
  id: "bluesky",
  name: "Bluesky",
  aliases: ["bsky"],
  content: {
    text: { limit: 300, counting: "graphemes", maxBytes: 3000 },
    postTypes: {
      post: { mediaRequired: false, media, maxVideoSeconds: 180 },
      thread: { mediaRequired: false, media, maxVideoSeconds: 180 },
    },
    mediaBytes: { image: 1_000_000, video: 100_000_000 },
    thread: {},
  },
  errors: {
    codes: {
      ExpiredToken: "PLATFORM_AUTH_EXPIRED",
      InvalidToken: "PLATFORM_AUTH_EXPIRED",
      AuthenticationRequired: "PLATFORM_AUTH_EXPIRED",
      AccountTakedown: "ACCOUNT_RESTRICTED",
      AccountDeactivated: "ACCOUNT_RESTRICTED",
      RateLimitExceeded: "RATE_LIMITED",
      InvalidRequest: "INVALID_CONTENT",
      BlobTooLarge: "CONTENT_TOO_LARGE",
      InternalServerError: "PLATFORM_SERVER_ERROR",
      UpstreamFailure: "PLATFORM_SERVER_ERROR",
      NotEnoughResources: "PLATFORM_SERVER_ERROR",
    },
    resetHeaders: [["ratelimit-reset", "epoch-seconds"]],
  },
};
