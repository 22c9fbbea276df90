/**
 * The functions of the destination lifecycle, by the names their modules
 * export them under: the requirements, the tests that pick a transition, and
 * the updates. The XState machine knows them by these names (its guards and
 * actions); `stepDestination` runs them from the definition itself.
 */
import { implementationsOf } from "../lifecycle/compile.js";
import * as attempt from "./attempt.js";
import * as deadlinePassed from "./deadline-passed.js";
import * as editorial from "./editorial.js";
import * as failure from "./failure.js";
import { destinationLifecycle } from "./lifecycle.js";
import * as media from "./media.js";
import * as reconciled from "./reconciled.js";
import * as requirements from "./requirements.js";
import * as rules from "./rules.js";
import * as success from "./success.js";
import * as thread from "./thread.js";

export const destinationImplementations = /* @__PURE__ */ implementationsOf(destinationLifecycle, [
  attempt,
  deadlinePassed,
  editorial,
  failure,
  media,
  reconciled,
  requirements,
  rules,
  success,
  thread,
]);
