import { metaGraphErrors } from "./meta-graph.js";
import type { Platform } from "./platform.js";

/**
 * Facebook Pages (Graph API).
 * Text: 63,206 characters per post.
 * Media: photos (several per post), or one video (up to 10 GB); a reel is one video of
 * 3 to 90 s; a story one image or a video of up to 60 s
 * (https://developers.facebook.com/docs/video-api/guides/reels-publishing,
 * https://developers.facebook.com/docs/page-stories-api).
 * Errors: Meta's (https://developers.facebook.com/docs/graph-api/guides/error-handling).
 */
export const facebook: Platform = {
  id: "facebook",
  name: "Facebook",
  aliases: ["fb"],
  content: {
    text: { limit: 63_206, counting: "characters" },
    postTypes: {
      post: {
        mediaRequired: false,
        media: [
          { kinds: ["image"], min: 1, max: 10 },
          { kinds: ["video"], min: 1, max: 1 },
        ],
      },
      reel: {
        mediaRequired: true,
        media: [{ kinds: ["video"], min: 1, max: 1 }],
        maxVideoSeconds: 90,
      },
      story: {
        mediaRequired: true,
        media: [
          { kinds: ["image"], min: 1, max: 1 },
          { kinds: ["video"], min: 1, max: 1 },
        ],
        maxVideoSeconds: 60,
      },
    },
    mediaBytes: { video: 10 * 1024 * 1024 * 1024 },
  },
  errors: metaGraphErrors,
};
