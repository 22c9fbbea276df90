import { scheduleJobKey } from "../domain/idempotency.js";
import type { Instruction } from "../domain/instruction.js";
import type { Post } from "../domain/post.js";

/** Arm the job that fires DUE for this revision of the post at its planned time. */
export const arm = (post: Post): Instruction => ({
  type: "arm_schedule",
  postId: post.id,
  jobKey: scheduleJobKey(post.id, post.revision),
  revision: post.revision,
  at: post.scheduledAt ?? "",
});

/** Cancel the job armed for this revision of the post. */
export const disarm = (post: Post): Instruction => ({
  type: "disarm_schedule",
  postId: post.id,
  jobKey: scheduleJobKey(post.id, post.revision),
});
