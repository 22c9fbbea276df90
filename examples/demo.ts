/**
 * The `npm start` demo: one launch post goes to X, LinkedIn and Threads.
 * X and LinkedIn publish; the Threads token has expired, so the post ends
 * `partially_published`, the case seed 001 describes.
 *
 * postlife only decides. Each step below is what a service does when a
 * command or a fact arrives: load the post, `apply` the event, store the next
 * post and run its outbox. Here the "database" is one variable and the outbox
 * is printed, so you can read what a real shell would be asked to do.
 */
import {
  apply,
  createPost,
  type EnqueueDelivery,
  failuresOf,
  type Instruction,
  type PostEvent,
} from "../src/index.js";

// The demo checks its own story, so a change in the library cannot make it rot silently.
const check = (ok: boolean, what: string): void => {
  if (!ok) throw new Error(`demo check failed: ${what}`);
};

// One readable line per instruction: what a real shell would go and do.
const describe = (i: Instruction): string => {
  switch (i.type) {
    case "poll_media":
      return `poll_media ${i.platform} container=${i.containerId} at=${i.at}`;
    case "arm_schedule":
      return `arm_schedule at=${i.at} job=${i.jobKey}`;
    case "disarm_schedule":
      return `disarm_schedule job=${i.jobKey}`;
    case "enqueue_delivery":
      return `enqueue_delivery ${i.platform} key=${i.idempotencyKey} attempt=${i.attempt}`;
    case "cancel_delivery":
      return `cancel_delivery ${i.destinationId} key=${i.idempotencyKey}`;
    case "schedule_retry":
      return `schedule_retry ${i.destinationId} at=${i.at} attempt=${i.attempt}`;
    case "request_reconciliation":
      return `request_reconciliation ${i.platform} key=${i.idempotencyKey} lookup=${i.lookup}`;
    case "arm_deadline":
      return `arm_deadline at=${i.at} job=${i.jobKey}`;
    case "disarm_deadline":
      return `disarm_deadline job=${i.jobKey}`;
    case "report_duplicate":
      return `report_duplicate ${i.platform} ${i.platformPostId} and ${i.duplicatePlatformPostId}`;
    case "request_reconnect":
      return `request_reconnect ${i.platform} account=${i.accountId}`;
    case "webhook":
      return `webhook ${i.event}${i.destinationId === undefined ? "" : ` ${i.destinationId}`}`;
  }
};

// The stored post. createPost judges the input (ids, times, URLs, retry options); the
// platforms' content rules wait until the post leaves the draft, as drafts may hold anything.
const created = createPost({
  id: "post-launch-42",
  content: "postlife 0.1 is out: every post, every platform, never published twice.",
  destinations: [
    { id: "d-x", platform: "x", accountId: "1587354420" },
    { id: "d-li", platform: "linkedin", accountId: "urn:li:organization:2414183" },
    { id: "d-threads", platform: "threads", accountId: "17841412345678" },
  ],
});
if (!created.ok) throw new Error(created.rejection.message);
let post = created.post;
console.log(`created ${post.id}: ${post.status}, revision ${post.revision}`);

// Apply one event and print the step. Only an accepted event replaces the
// stored post; a rejected or ignored one leaves it exactly as it was.
const step = (event: PostEvent) => {
  const decision = apply(post, event);
  console.log(`\n${event.type}${"destinationId" in event ? ` ${event.destinationId}` : ""}`);
  if (!decision.ok) {
    console.log(`  rejected: ${decision.rejection.reason}: ${decision.rejection.message}`);
    return decision;
  }
  if (decision.ignored !== undefined) {
    console.log(`  ignored (${decision.ignored}): ${decision.message}`);
  }
  post = decision.post;
  const destinations = post.destinations.map((d) => `${d.platform}=${d.status}`).join(" ");
  console.log(`  post: ${post.status}   ${destinations}`);
  for (const instruction of decision.outbox) console.log(`  → ${describe(instruction)}`);
  return decision;
};

// Time only ever comes from events, so this story replays identically.
const planned = "2026-04-20T14:00:00Z";
step({ type: "SCHEDULE", at: planned, now: "2026-04-19T09:00:00Z" });

// The armed job fires. Passing the revision it was armed for lets a job of an
// older revision be ignored as stale instead of publishing outdated content.
const due = step({ type: "DUE", now: planned, revision: post.revision });
check(due.ok && due.ignored === undefined, "the post is due at its planned time");

// Hiccup 1: a typo fix arrives too late. Queued content is frozen, since a
// worker may already be sending it; the rejection says why.
const late = step({ type: "EDIT", changes: { content: "postlife 0.1 is out!" } });
check(!late.ok && late.rejection.reason === "not_allowed_in_status", "late edit is rejected");

// Workers take the enqueued deliveries. Each fact echoes the attempt and the
// idempotency key it was given, so a fact about an older delivery is ignored.
const jobs = new Map<string, EnqueueDelivery>();
for (const i of due.ok ? due.outbox : []) {
  if (i.type === "enqueue_delivery") jobs.set(i.destinationId, i);
}
const attemptOf = (destinationId: string) => {
  const job = jobs.get(destinationId);
  if (job === undefined) throw new Error(`no delivery was enqueued for ${destinationId}`);
  return { destinationId, attempt: job.attempt, idempotencyKey: job.idempotencyKey };
};
for (const id of jobs.keys()) {
  step({ type: "DELIVERY_STARTED", ...attemptOf(id), now: "2026-04-20T14:00:01Z" });
}

const xSucceeded: PostEvent = {
  type: "DELIVERY_SUCCEEDED",
  ...attemptOf("d-x"),
  platformPostId: "1914021587354420736",
  platformUrl: "https://x.com/postlife/status/1914021587354420736",
  now: "2026-04-20T14:00:02Z",
};
step(xSucceeded);

// Hiccup 2: the same webhook is delivered twice. The repeat changes nothing
// and asks for nothing, so the shell just acknowledges it.
const again = step(xSucceeded);
check(again.ok && again.ignored === "duplicate", "duplicate webhook is ignored");

step({
  type: "DELIVERY_SUCCEEDED",
  ...attemptOf("d-li"),
  platformPostId: "urn:li:share:7319682466281549824",
  platformUrl: "https://www.linkedin.com/feed/update/urn:li:share:7319682466281549824/",
  now: "2026-04-20T14:00:03Z",
});

// Threads answers 401: the token expired. Retrying cannot help, so the
// destination fails for good and the outbox asks for the account to be reconnected.
step({
  type: "DELIVERY_FAILED",
  ...attemptOf("d-threads"),
  error: {
    code: "PLATFORM_AUTH_EXPIRED",
    message: "Error validating access token",
    platformStatusCode: 401,
    platformError: "Invalid OAuth access token",
    retryable: false,
  },
  now: "2026-04-20T14:00:04Z",
});

// The group status is derived from the destinations, never set by hand.
const counts = Object.entries(post.counts).filter(([, n]) => n > 0);
console.log(`\nfinal: ${post.status} (${counts.map(([s, n]) => `${s}=${n}`).join(" ")})`);
for (const { id, platform, error: e } of failuresOf(post)) {
  console.log(`  ${platform} (${id}) failed: ${e?.code} "${e?.message}"`);
  console.log(
    `    HTTP ${e?.platformStatusCode}, platformError="${e?.platformError}", retryable=${e?.retryable}, failedAt=${e?.failedAt}`,
  );
}

check(post.status === "partially_published", `final status is ${post.status}`);
check(post.counts.published === 2 && post.counts.failed === 1, "two published, one failed");
