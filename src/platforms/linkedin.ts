import type { Platform } from "./platform.js";

/**
 * LinkedIn (Posts API, community management).
 * Text: 3,000 characters (https://learn.microsoft.com/linkedin/marketing/community-management/shares/posts-api).
 * Media: one image or a multi-image post of up to 20, or one video (3 s to 30 min, up to
 * 500 MB through the Videos API), or one document (up to 100 MB)
 * (https://learn.microsoft.com/linkedin/marketing/community-management/shares/videos-api,
 * .../documents-api, .../multiimage-post-api).
 * Errors: `{ status, serviceErrorCode, message }`; 401 for tokens (65600 invalid, 65601
 * revoked, 65602 expired), 403 ACCESS_DENIED, 422 for a duplicate ("Content is a
 * duplicate of urn:li:share:..."), 429 for the daily throttle
 * (https://learn.microsoft.com/linkedin/shared/api-guide/concepts/error-handling).
 */
export const linkedin: Platform = {
  id: "linkedin",
  name: "LinkedIn",
  aliases: [],
  content: {
    text: { limit: 3000, counting: "characters" },
    postTypes: {
      post: {
        mediaRequired: false,
        media: [
          { kinds: ["image"], min: 1, max: 20 },
          { kinds: ["video"], min: 1, max: 1 },
          { kinds: ["document"], min: 1, max: 1 },
        ],
        maxVideoSeconds: 30 * 60,
      },
    },
    mediaBytes: { video: 500 * 1024 * 1024, document: 100 * 1024 * 1024 },
  },
  errors: {
    codes: {
      "65600": "PLATFORM_AUTH_EXPIRED",
      "65601": "PLATFORM_AUTH_EXPIRED",
      "65602": "PLATFORM_AUTH_EXPIRED",
      "100": "PERMISSION_DENIED", // not enough permissions to access
    },
    messages: [
      ["is a duplicate of", "DUPLICATE_CONTENT"],
      ["duplicate", "DUPLICATE_CONTENT"],
      ["expired", "PLATFORM_AUTH_EXPIRED"],
      ["revoked", "PLATFORM_AUTH_EXPIRED"],
    ],
    // LinkedIn's throttles are daily and reset at midnight UTC.
    statuses: { "422": "INVALID_CONTENT", "429": "QUOTA_EXHAUSTED" },
    dailyQuotaResetZone: "UTC",
  },
};
