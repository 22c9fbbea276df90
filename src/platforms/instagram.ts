import { metaContainers, metaGraphErrors } from "./meta-graph.js";
import type { Platform } from "./platform.js";

/**
 * Instagram (Instagram Graph API, content publishing).
 * Text: captions of 2,200 characters, 30 hashtags and 20 @ tags
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media).
 * Media is required: one image or video for a feed post, 2 to 10 for a carousel, one video
 * for a reel (3 s to 15 min, up to 300 MB), one image or video for a story (60 s);
 * images up to 8 MiB (JPEG)
 * (https://developers.facebook.com/docs/instagram-platform/content-publishing).
 * Errors: Meta's, plus the publishing sub-codes of
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes
 */
const single = [
  { kinds: ["image"], min: 1, max: 1 },
  { kinds: ["video"], min: 1, max: 1 },
] as const;

export const instagram: Platform = {
  id: "instagram",
  name: "Instagram",
  aliases: ["ig"],
  content: {
    text: { limit: 2200, counting: "characters" },
    hashtags: { limit: 30 },
    mentions: { limit: 20 },
    postTypes: {
      post: { mediaRequired: true, media: single, maxVideoSeconds: 15 * 60 },
      carousel: { mediaRequired: true, media: [{ kinds: ["image", "video"], min: 2, max: 10 }] },
      reel: {
        mediaRequired: true,
        media: [{ kinds: ["video"], min: 1, max: 1 }],
        maxVideoSeconds: 15 * 60,
      },
      story: { mediaRequired: true, media: single, maxVideoSeconds: 60 },
    },
    mediaBytes: { image: 8 * 1024 * 1024, video: 300 * 1024 * 1024 },
  },
  errors: {
    ...metaGraphErrors,
    subcodes: {
      ...metaGraphErrors.subcodes,
      "2207001": "PLATFORM_SERVER_ERROR", // Instagram server error, try again
      "2207003": "PLATFORM_SERVER_ERROR", // media took too long to download, try again
      "2207020": "PLATFORM_SERVER_ERROR", // container expired, create a new one
      "2207027": "PLATFORM_SERVER_ERROR", // temporary error publishing a container
      "2207032": "PLATFORM_SERVER_ERROR", // create media failed, re-create
      "2207053": "PLATFORM_SERVER_ERROR", // unknown upload error
      "2207004": "CONTENT_TOO_LARGE", // image larger than 8 MiB
      "2207005": "INVALID_CONTENT", // unsupported image format
      "2207009": "INVALID_CONTENT", // aspect ratio not supported
      "2207010": "INVALID_CONTENT", // caption too long
      "2207026": "INVALID_CONTENT", // unsupported video format
      "2207057": "INVALID_CONTENT", // thumbnail offset out of bounds
      "2207006": "PLATFORM_AUTH_EXPIRED", // permission missing or token expired
      "2207042": "QUOTA_EXHAUSTED", // the account's daily publishing limit
      "2207050": "ACCOUNT_RESTRICTED", // account inactive, checkpointed or restricted
      "2207051": "ACCOUNT_RESTRICTED", // publishing suspected to be spam
    },
  },
  media: metaContainers(60_000),
};
