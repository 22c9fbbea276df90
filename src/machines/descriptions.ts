/**
 * What each status of the post and destination lifecycles means, in words:
 * the machines carry them as state descriptions, which the docs and the
 * inspector show. Apart from the lifecycles' rules, so that code that only
 * decides (`apply`) does not carry the prose.
 */
import type { DestinationStatus, PostStatus } from "../domain/status.js";

/** The post machine, and each post status. */
export const postDescriptions = {
  machine:
    "One post going to one or more destinations: written, reviewed and scheduled, then delivered; its status during delivery is derived from its destinations.",
  states: {
    draft:
      "Saved, not queued. Everything is editable and nothing is validated until the post leaves the draft.",
    pending_approval:
      "Waiting on a reviewer. The content is frozen: the reviewer approves exactly what is sent.",
    scheduled:
      "Waiting for scheduledAt; a job is armed to send DUE. Still editable: each edit bumps the revision and re-arms the job.",
    queued:
      "Handed to delivery; no destination has started. Nothing is editable any more. A deadline hands out again what no worker starts.",
    publishing:
      "Under way: at least one destination has started, and at least one is not done (in flight, retrying, unconfirmed or still queued).",
    published:
      "Every destination is published, and none is sent again. A second post the platform reports for one is recorded and surfaced as a duplicate.",
    partially_published:
      "Done: some destinations published, the others failed or were cancelled. Failed ones can be retried by hand, or turn out published after all (a late success, a look-up that finds them).",
    failed:
      "Done, and nothing was published: every destination failed or was cancelled. A late success or a look-up that finds one publishes it after all.",
    cancelled:
      "Stopped before delivery: every destination was cancelled. One that had been handed out and turns out live is published after all.",
    deleted:
      "Cancelled and removed; nothing of it was published, or so it seemed: a destination the platform reports live after all is published, and the post stays deleted.",
  } satisfies { readonly [S in PostStatus]: string },
};

/** The destination machine, and each destination status. */
export const destinationDescriptions = {
  machine: "One platform account a post goes to, from draft to published, failed or cancelled.",
  states: {
    draft: "Saved with its post, not queued.",
    pending_approval: "Its post waits on a reviewer.",
    scheduled: "Its post waits for scheduledAt.",
    queued:
      "Handed to delivery under its idempotency key; no attempt is in flight. A worker must start it before its deadline, or it is handed out again, then fails (NEVER_STARTED).",
    publishing:
      "An attempt is in flight. It cannot be cancelled: the request may already be on its way. With no report by its deadline it counts as a timeout after sending (unconfirmed).",
    processing_media:
      "The platform is processing the media (a container or an upload); polled with poll_media at the times its guidance and per-token budget allow. A ready container is handed out for its publish call, the only step that may publish; an expired one is created again; a wait that runs out fails the destination when nothing was published yet (Instagram, Threads) and is looked up when the publish call came first (TikTok, YouTube).",
    retrying:
      "An attempt failed retryably; waits for nextRetryAt, then is re-queued under the same key.",
    unconfirmed:
      "Sent, outcome unknown (timed out after sending). Never retried blindly: a reconciliation looks the post up on the platform, asked again while it goes unanswered, then failed (OUTCOME_UNKNOWN) for a person to check.",
    published:
      "The platform confirmed it; it has a platformPostId. It is never sent again; a second, different post the platform reports is recorded and surfaced as a duplicate.",
    partially_published:
      "A thread stopped part-way: its first items are live (items), a later one failed for good or the rest was cancelled. Never reported as nothing published. A manual RETRY_FAILED resumes at the item that failed, replying to the last live one, and never posts the live items again.",
    failed:
      "Failed for good, or out of attempts. Only a manual RETRY_FAILED re-queues it, under a new key, and not while its outcome is unknown; a late success of its own delivery publishes it, since the platform is the truth about what is live.",
    cancelled:
      "Stopped before delivery. If it had been handed out and the platform reports it live after all, it is published.",
  } satisfies { readonly [S in DestinationStatus]: string },
};
