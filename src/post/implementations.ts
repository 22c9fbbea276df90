/**
 * The functions of the post lifecycle, by the names their modules export
 * them under: the requirements, the tests that pick a transition, and the
 * updates. The XState machine knows them by these names (its guards and
 * actions); `apply` runs them from the definition itself.
 */
import { implementationsOf } from "../lifecycle/compile.js";
import * as cancel from "./cancel.js";
import * as deliver from "./deliver.js";
import * as edit from "./edit.js";
import { postLifecycle } from "./lifecycle.js";
import * as publish from "./publish.js";
import * as requirements from "./requirements.js";
import * as retryFailed from "./retry-failed.js";
import * as review from "./review.js";
import * as schedule from "./schedule.js";

export const postImplementations = /* @__PURE__ */ implementationsOf(postLifecycle, [
  cancel,
  deliver,
  edit,
  publish,
  requirements,
  retryFailed,
  review,
  schedule,
]);
