import type { Post } from "../domain/post.js";
import { contentProblem } from "../rules/preflight.js";
import { type Problem, readinessProblem } from "../rules/readiness.js";

/**
 * What stops a draft from moving on, in the order a person fixes things: the
 * approval it needs, then the post's structure, then `extra` (the planned
 * time, for SCHEDULE), then every broken content rule at once.
 */
export const leaveDraftProblem = (
  post: Post,
  options: { readonly bypassesReview: boolean; readonly extra?: () => Problem | undefined },
): Problem | undefined =>
  (options.bypassesReview && post.requiresApproval
    ? {
        reason: "approval_required",
        message:
          "this post requires approval: SUBMIT_FOR_APPROVAL, and a reviewer's APPROVE schedules or queues it",
      }
    : undefined) ??
  readinessProblem(post) ??
  options.extra?.() ??
  contentProblem(post);
