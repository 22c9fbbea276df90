/**
 * The functions of the post lifecycle, by name: the requirements, the tests
 * that pick a transition, and the updates. The XState machine knows them by
 * these names (its guards and actions); `apply` runs them from the definition
 * itself.
 */
import type { Accepted } from "../domain/decision.js";
import type { PostEvent } from "../domain/event.js";
import type { Post } from "../domain/post.js";
import type { Implementations } from "../lifecycle/compile.js";
import { cancelPending, deletePost } from "./cancel.js";
import { recordFact } from "./deliver.js";
import { recordEdit } from "./edit.js";
import { enqueueDue, publishNow } from "./publish.js";
import { postRequirements } from "./requirements.js";
import { requeueFailed } from "./retry-failed.js";
import {
  enqueueApproved,
  isScheduledAhead,
  returnToDraft,
  scheduleApproved,
  submit,
} from "./review.js";
import { plan, reschedule, unschedule } from "./schedule.js";

export const postImplementations: Implementations<Post, PostEvent, Accepted> = {
  rules: postRequirements,
  tests: { isScheduledAhead },
  actions: {
    recordEdit,
    plan,
    reschedule,
    unschedule,
    publishNow,
    enqueueDue,
    submit,
    scheduleApproved,
    enqueueApproved,
    returnToDraft,
    cancelPending,
    deletePost,
    requeueFailed,
    recordFact,
  },
};
