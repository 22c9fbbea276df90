import type { Platform } from "./platform.js";

/**
 * YouTube (Data API v3, videos.insert).
 * Text: the first line is the title (100 characters), the rest the description (5,000 bytes);
 * neither may hold `<` or `>` (https://developers.google.com/youtube/v3/docs/videos#properties).
 * Media is required: one video, up to 256 GB; a Short is at most 3 minutes
 * (https://developers.google.com/youtube/v3/docs/videos/insert, https://support.google.com/youtube/answer/71673).
 * Errors: `errors[].reason` (https://developers.google.com/youtube/v3/docs/errors); the
 * daily quota resets at midnight Pacific time.
 */
const video = [{ kinds: ["video"], min: 1, max: 1 }] as const;

export const youtube: Platform = {
  id: "youtube",
  name: "YouTube",
  aliases: [],
  content: {
    text: { limit: 5000, counting: "utf8-bytes" },
    title: { limit: 100 },
    forbiddenCharacters: "<>",
    postTypes: {
      post: { mediaRequired: true, media: video },
      short: { mediaRequired: true, media: video, maxVideoSeconds: 180 },
    },
    mediaBytes: { video: 256 * 1024 * 1024 * 1024 },
  },
  errors: {
    codes: {
      quotaExceeded: "QUOTA_EXHAUSTED",
      uploadLimitExceeded: "QUOTA_EXHAUSTED",
      dailyLimitExceeded: "QUOTA_EXHAUSTED",
      rateLimitExceeded: "RATE_LIMITED",
      userRateLimitExceeded: "RATE_LIMITED",
      authError: "PLATFORM_AUTH_EXPIRED",
      unauthorized: "PLATFORM_AUTH_EXPIRED",
      forbidden: "PERMISSION_DENIED",
      insufficientPermissions: "PERMISSION_DENIED",
      youtubeSignupRequired: "ACCOUNT_RESTRICTED",
      invalidTitle: "INVALID_CONTENT",
      invalidDescription: "INVALID_CONTENT",
      invalidTags: "INVALID_CONTENT",
      invalidCategoryId: "INVALID_CONTENT",
      mediaBodyRequired: "INVALID_CONTENT",
      backendError: "PLATFORM_SERVER_ERROR",
      internalError: "PLATFORM_SERVER_ERROR",
    },
    dailyQuotaResetZone: "America/Los_Angeles",
  },
  // An uploaded video is processed after the upload, which is the publish call: the video
  // resource's status.uploadStatus is uploaded while it runs, then processed, or failed,
  // rejected or deleted (https://developers.google.com/youtube/v3/docs/videos#status.uploadStatus).
  media: {
    phase: "after_publish",
    states: {
      uploaded: "processing",
      processed: "live",
      failed: "failed",
      rejected: "failed",
      deleted: "failed",
    },
    pollEveryMs: 30_000,
    processingWithinMs: 6 * 60 * 60_000,
  },
};
