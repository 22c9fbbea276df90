import type { Platform } from "./platform.js";

/**
 * X (formerly Twitter).
 * Text: twitter-text v3 weighted length, 280, URLs as 23 (https://docs.x.com/resources/fundamentals/counting-characters).
 * Media: up to 4 images, or 1 GIF, or 1 video; images 5 MB, GIFs 15 MB, videos 512 MB and
 * 140 s (https://docs.x.com/x-api/media/quickstart/best-practices).
 * Errors: v1.1 codes (https://docs.x.com/x-api/v1/... "error codes and responses") and v2
 * problem details (a monthly cap is `UsageCapExceeded`); 429 carries x-rate-limit-reset, the
 * 24-hour post cap x-user-limit-24hour-reset with x-user-limit-24hour-remaining.
 */
const media = [
  { kinds: ["image"], min: 1, max: 4 },
  { kinds: ["gif"], min: 1, max: 1 },
  { kinds: ["video"], min: 1, max: 1 },
] as const;

export const x: Platform = {
  id: "x",
  name: "X",
  aliases: ["twitter"],
  content: {
    text: { limit: 280, counting: "x-weighted" },
    postTypes: {
      post: { mediaRequired: false, media, maxVideoSeconds: 140 },
      thread: { mediaRequired: false, media, maxVideoSeconds: 140 },
    },
    mediaBytes: { image: 5 * 1024 * 1024, gif: 15 * 1024 * 1024, video: 512 * 1024 * 1024 },
    thread: {},
  },
  errors: {
    codes: {
      "32": "PLATFORM_AUTH_EXPIRED", // could not authenticate you
      "89": "PLATFORM_AUTH_EXPIRED", // invalid or expired token
      "64": "ACCOUNT_RESTRICTED", // account suspended
      "326": "ACCOUNT_RESTRICTED", // account temporarily locked
      "88": "RATE_LIMITED", // rate limit exceeded
      "185": "QUOTA_EXHAUSTED", // over daily status update limit
      "186": "INVALID_CONTENT", // the post needs to be a bit shorter
      "187": "DUPLICATE_CONTENT", // status is a duplicate
      "130": "PLATFORM_SERVER_ERROR", // over capacity
      "131": "PLATFORM_SERVER_ERROR", // internal error
      "220": "PERMISSION_DENIED", // credentials do not allow access
      "261": "PERMISSION_DENIED", // application cannot perform write actions
      "453": "PERMISSION_DENIED", // access level does not include this endpoint
      "324": "INVALID_CONTENT", // media ID not valid / media could not be processed
      UsageCapExceeded: "QUOTA_EXHAUSTED", // v2 problem title: the app's monthly cap
    },
    messages: [
      ["duplicate content", "DUPLICATE_CONTENT"],
      ["usage cap exceeded", "QUOTA_EXHAUSTED"],
      ["usage-capped", "QUOTA_EXHAUSTED"],
      ["usagecapexceeded", "QUOTA_EXHAUSTED"],
      ["tweet needs to be a bit shorter", "INVALID_CONTENT"],
    ],
    // X sends the 24-hour reset on every answer: it applies only once that cap is used up.
    resetHeaders: [
      ["x-user-limit-24hour-reset", "epoch-seconds", "x-user-limit-24hour-remaining"],
      ["x-rate-limit-reset", "epoch-seconds"],
    ],
  },
};
