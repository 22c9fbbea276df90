/**
 * The lifecycle of a post, written once: for each status, the events it
 * takes, the requirements each must meet (`requirements.ts`), the transitions
 * it may make, tried in order, and the update each runs. The post machine
 * (`postMachine`) is this definition given to XState; `apply` runs it
 * compiled; the post table in `spec/` is written from it.
 *
 * During delivery the post's status is derived from its destinations: a
 * delivery fact, a cancel or a manual retry leads to `settling`, which
 * settles at once into the status the destinations give (`settles` lists
 * where it may).
 */
import type { Accepted } from "../domain/decision.js";
import type { DeliveryFact, PostEvent, PostEventType } from "../domain/event.js";
import type { Post } from "../domain/post.js";
import type { PostStatus } from "../domain/status.js";
import type { Cell, Definition } from "../lifecycle/definition.js";
import { cancelPending, deletePost } from "./cancel.js";
import { recordFact } from "./deliver.js";
import { recordEdit } from "./edit.js";
import { enqueueDue, publishNow } from "./publish.js";
import {
  awaitsItsTime,
  changesOnlyEditableFields,
  contentFits,
  destinationTakes,
  editsDestinationsInPlace,
  hasCancellable,
  hasDestinations,
  hasFailed,
  hasUniqueDestinationIds,
  isArmedRevision,
  isDue,
  isInFuture,
  isKnownDestination,
  isSafeToRetry,
  keepsADestination,
  keepsAValidTime,
  needsNoApproval,
  nothingMayBeLive,
} from "./requirements.js";
import { requeueFailed } from "./retry-failed.js";
import {
  enqueueApproved,
  isScheduledAhead,
  returnToDraft,
  scheduleApproved,
  submit,
} from "./review.js";
import { plan, reschedule, unschedule } from "./schedule.js";

/** The transient state a post passes through while its status is derived from its destinations. */
export type PostTransient = "settling";

type PostCell = Cell<PostStatus | PostTransient, Post, PostEvent, Accepted>;
type Update = PostCell["branches"][number]["actions"];
type Facts = { readonly [T in DeliveryFact["type"]]?: PostCell };

const to = (target: PostStatus, actions: Update): PostCell => ({
  branches: [{ target, actions }],
});

/** What the post leaves the draft with: a destination, ids of their own, content that fits. */
const ready = [hasDestinations, hasUniqueDestinationIds, contentFits];
/** SCHEDULE and PUBLISH skip the review: a post that requires approval is refused. */
const readyWithoutReview = [needsNoApproval, ...ready];

/** A DUE job that outlived its schedule: ignored as stale. */
const lateDue = { DUE: { requires: [awaitsItsTime], branches: [] } } as const;

/** A fact the named destination takes, by its own rules; the post settles into what its destinations give. */
const fact = (...settles: readonly PostStatus[]): PostCell => ({
  requires: [isKnownDestination, destinationTakes],
  branches: settles.length === 0 ? [] : [{ target: "settling", actions: recordFact }],
  settles,
});

/** Facts once delivery is over: only the platform's word that a post is live changes anything. */
const afterDelivery = (
  live: readonly PostStatus[],
  found: readonly PostStatus[] = live,
): Facts => ({
  DELIVERY_STARTED: fact(),
  DELIVERY_SUCCEEDED: fact(...live),
  DELIVERY_FAILED: fact(),
  RETRY_DUE: fact(),
  RECONCILED: fact(...found),
  MEDIA_STATUS: fact(),
  DEADLINE_PASSED: fact(),
});

const retryFailed = (...settles: readonly PostStatus[]): PostCell => ({
  requires: [hasFailed, isSafeToRetry],
  branches: [{ target: "settling", actions: requeueFailed }],
  settles,
});

const deleteUnlessLive: PostCell = {
  requires: [nothingMayBeLive],
  branches: [{ target: "deleted", actions: deletePost }],
};

/** The post lifecycle. */
export const postLifecycle: Definition<
  PostStatus,
  PostEventType,
  Post,
  PostEvent,
  Accepted,
  PostTransient
> = {
  id: "post",
  states: {
    draft: {
      on: {
        EDIT: {
          requires: [changesOnlyEditableFields, editsDestinationsInPlace],
          branches: [{ target: "draft", actions: recordEdit }],
        },
        SCHEDULE: {
          requires: [
            needsNoApproval,
            hasDestinations,
            hasUniqueDestinationIds,
            isInFuture,
            contentFits,
          ],
          branches: [{ target: "scheduled", actions: plan }],
        },
        PUBLISH: {
          requires: readyWithoutReview,
          branches: [{ target: "queued", actions: publishNow }],
        },
        SUBMIT_FOR_APPROVAL: {
          requires: ready,
          branches: [{ target: "pending_approval", actions: submit }],
        },
        ...lateDue,
        DELETE: to("deleted", deletePost),
      },
    },
    pending_approval: {
      on: {
        APPROVE: {
          branches: [
            { guard: isScheduledAhead, target: "scheduled", actions: scheduleApproved },
            { target: "queued", actions: enqueueApproved },
          ],
        },
        REJECT: to("draft", returnToDraft),
        ...lateDue,
        DELETE: to("deleted", deletePost),
      },
    },
    scheduled: {
      on: {
        EDIT: {
          requires: [
            changesOnlyEditableFields,
            keepsAValidTime,
            editsDestinationsInPlace,
            keepsADestination,
            contentFits,
          ],
          branches: [{ target: "scheduled", actions: recordEdit }],
        },
        SCHEDULE: {
          requires: [isInFuture],
          branches: [{ target: "scheduled", actions: reschedule }],
        },
        UNSCHEDULE: to("draft", unschedule),
        PUBLISH: to("queued", publishNow),
        DUE: {
          requires: [isArmedRevision, isDue],
          branches: [{ target: "queued", actions: enqueueDue }],
        },
        CANCEL: to("cancelled", cancelPending),
        DELETE: to("deleted", deletePost),
      },
    },
    queued: {
      on: {
        ...lateDue,
        CANCEL: to("cancelled", cancelPending),
        DELETE: to("deleted", deletePost),
        DELIVERY_STARTED: fact("publishing"),
        DELIVERY_SUCCEEDED: fact("publishing", "published", "partially_published"),
        DELIVERY_FAILED: fact("publishing", "failed"),
        // No destination waits for a retry yet, nor on media.
        RETRY_DUE: fact(),
        MEDIA_STATUS: fact(),
        RECONCILED: fact("publishing", "published", "partially_published"),
        DEADLINE_PASSED: fact("queued", "publishing", "failed"),
      },
    },
    publishing: {
      on: {
        ...lateDue,
        CANCEL: {
          requires: [hasCancellable],
          branches: [{ target: "settling", actions: cancelPending }],
          settles: ["publishing", "partially_published", "failed", "cancelled"],
        },
        DELETE: deleteUnlessLive,
        RETRY_FAILED: retryFailed("publishing", "queued"),
        DELIVERY_STARTED: fact("publishing"),
        DELIVERY_SUCCEEDED: fact("publishing", "published", "partially_published"),
        DELIVERY_FAILED: fact("publishing", "failed", "partially_published"),
        RETRY_DUE: fact("publishing", "queued"),
        MEDIA_STATUS: fact("publishing", "queued", "partially_published", "failed"),
        RECONCILED: fact("publishing", "published", "partially_published", "failed", "queued"),
        DEADLINE_PASSED: fact("publishing", "partially_published", "failed"),
      },
    },
    published: {
      on: { ...lateDue, ...afterDelivery(["published"]) },
    },
    partially_published: {
      on: {
        ...lateDue,
        RETRY_FAILED: retryFailed("publishing"),
        // The platform has the post after all: the platform is the truth about what is live.
        ...afterDelivery(["published", "partially_published"]),
      },
    },
    failed: {
      on: {
        ...lateDue,
        DELETE: deleteUnlessLive,
        RETRY_FAILED: {
          // A failed post has a failed destination: only its outcome can hold the retry back.
          requires: [isSafeToRetry],
          branches: [{ target: "settling", actions: requeueFailed }],
          // Queued, or under way when one failed with its outcome unknown stays failed.
          settles: ["queued", "publishing"],
        },
        ...afterDelivery(
          ["published", "partially_published"],
          ["published", "partially_published", "failed"],
        ),
      },
    },
    cancelled: {
      on: {
        ...lateDue,
        DELETE: to("deleted", deletePost),
        ...afterDelivery(["published", "partially_published"]),
      },
    },
    deleted: {
      on: {
        ...lateDue,
        ...afterDelivery([]),
        DELIVERY_SUCCEEDED: {
          requires: [isKnownDestination, destinationTakes],
          branches: [{ target: "deleted", actions: recordFact }],
        },
        RECONCILED: {
          requires: [isKnownDestination, destinationTakes],
          branches: [{ target: "deleted", actions: recordFact }],
        },
      },
    },
  },
};
