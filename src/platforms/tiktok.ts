import type { Platform } from "./platform.js";

/**
 * TikTok (Content Posting API).
 * Text: a caption of 2,200 characters.
 * Media is required: one video (up to 4 GB; 10 minutes at most, less for some creators,
 * as creator_info says) or 1 to 35 photos of up to 20 MB
 * (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide).
 * Errors: string codes (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling,
 * https://developers.tiktok.com/doc/content-posting-api-reference-direct-post).
 */
export const tiktok: Platform = {
  id: "tiktok",
  name: "TikTok",
  aliases: [],
  content: {
    text: { limit: 2200, counting: "characters" },
    postTypes: {
      post: {
        mediaRequired: true,
        media: [
          { kinds: ["video"], min: 1, max: 1 },
          { kinds: ["image"], min: 1, max: 35 },
        ],
        maxVideoSeconds: 10 * 60,
      },
    },
    mediaBytes: { video: 4 * 1024 * 1024 * 1024, image: 20 * 1024 * 1024 },
  },
  errors: {
    codes: {
      access_token_invalid: "PLATFORM_AUTH_EXPIRED",
      scope_not_authorized: "PERMISSION_DENIED",
      scope_permission_missed: "PERMISSION_DENIED",
      unaudited_client_can_only_post_to_private_accounts: "PERMISSION_DENIED",
      url_ownership_unverified: "PERMISSION_DENIED",
      rate_limit_exceeded: "RATE_LIMITED",
      spam_risk_too_many_pending_share: "RATE_LIMITED",
      spam_risk_too_many_posts: "QUOTA_EXHAUSTED", // the creator's daily post cap
      reached_active_user_cap: "QUOTA_EXHAUSTED", // the app's daily active creators
      spam_risk_user_banned_from_posting: "ACCOUNT_RESTRICTED",
      privacy_level_option_mismatch: "INVALID_CONTENT",
      invalid_params: "INVALID_CONTENT",
      invalid_file_upload: "INVALID_CONTENT",
      file_format_check_failed: "INVALID_CONTENT",
      duration_check_failed: "INVALID_CONTENT",
      frame_rate_check_failed: "INVALID_CONTENT",
      picture_size_check_failed: "CONTENT_TOO_LARGE",
      internal_error: "PLATFORM_SERVER_ERROR",
    },
    codePrefixes: [["spam_risk", "ACCOUNT_RESTRICTED"]],
  },
  // Processing follows the publish call: Fetch Status answers PROCESSING_UPLOAD or
  // PROCESSING_DOWNLOAD while it runs, SEND_TO_USER_INBOX (final for an inbox upload),
  // PUBLISH_COMPLETE or FAILED; each token may fetch 30 times a minute, and moderation can
  // take hours (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status).
  media: {
    phase: "after_publish",
    states: {
      PROCESSING_UPLOAD: "processing",
      PROCESSING_DOWNLOAD: "processing",
      SEND_TO_USER_INBOX: "live",
      PUBLISH_COMPLETE: "live",
      FAILED: "failed",
    },
    pollEveryMs: 5_000,
    budget: { requests: 30, perMs: 60_000 },
    processingWithinMs: 6 * 60 * 60_000,
  },
};
