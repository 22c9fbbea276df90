/**
 * Deadlines: every status in which a destination waits on the outside world
 * carries its own, so that nothing stays in flight forever although postlife
 * reads no clock. A queued delivery waits for a worker to start it, a started
 * attempt for its report, an unconfirmed one for a look-up's answer. Entering
 * such a status arms a deadline (`arm_deadline`), leaving it disarms it
 * (`disarm_deadline`), and the shell's timer reports it (`DEADLINE_PASSED`).
 * One mechanism, `moveTo`, keeps that bookkeeping for every transition.
 */
import type { Destination } from "../domain/destination.js";
import { deadlineJobKey, type Wait } from "../domain/idempotency.js";
import { formatInstant, instantAfter, latestInstantMs } from "../domain/instant.js";
import type { Instruction } from "../domain/instruction.js";
import type { DestinationStatus } from "../domain/status.js";
import { callTimeoutOf, lookupTimeoutOf, type RetryPolicy } from "../errors/retry-policy.js";
import { reshaped } from "../internal/changed.js";
import { mediaProcessingOf } from "../platforms/media-processing.js";
import type { DestinationContext } from "./step.js";
import { withItemsFollowing } from "./thread.js";

/** A destination moved by an update, and what the shell must do for it. */
export interface Moved {
  readonly destination: Destination;
  readonly outbox: readonly Instruction[];
}

/** The wait each status stands for, where it has one. */
const waitIn: { readonly [S in DestinationStatus]?: Wait } = {
  queued: "start",
  publishing: "report",
  unconfirmed: "lookup",
  processing_media: "media",
};

/** The job key of the deadline armed for the wait `d` is in; `undefined` when none is armed. */
export const armedJobKey = (d: Destination): string | undefined => {
  const wait = waitIn[d.status];
  if (wait === undefined || d.deadlineAt === undefined || d.idempotencyKey === undefined) {
    return undefined;
  }
  switch (wait) {
    case "start":
      return deadlineJobKey(d.idempotencyKey, wait, d.attempts + 1, d.handOuts ?? 1);
    case "report":
      return deadlineJobKey(d.idempotencyKey, wait, d.attempts, 1);
    case "lookup":
      return deadlineJobKey(d.idempotencyKey, wait, d.attempts, d.lookups ?? 1);
    case "media":
      return deadlineJobKey(d.idempotencyKey, wait, d.attempts, 1);
  }
};

/** How long the wait `d` enters may last, by the policy. */
const allowance = (policy: RetryPolicy, d: Destination, wait: Wait): number => {
  switch (wait) {
    case "start":
      return policy.startWithinMs;
    case "report":
      return callTimeoutOf(policy, d.platform);
    case "lookup":
      return lookupTimeoutOf(policy, d.lookups ?? 1);
    case "media":
      return mediaProcessingOf(d.platform).processingWithinMs;
  }
};

/** The fields that describe a wait, gone once the destination stops waiting. */
/** The count each wait keeps (how many hand-outs, how many look-ups); the others go. */
const countOf: { readonly [W in Wait]: "handOuts" | "lookups" | undefined } = {
  start: "handOuts",
  report: undefined,
  lookup: "lookups",
  media: undefined,
};

/**
 * Moves a destination from `from` to `to` (built by the rule that decided,
 * with its status and, for a wait, its hand-out or look-up count) and keeps
 * the deadlines straight: the one armed for the wait it leaves is disarmed
 * (unless it is the one that just passed), and the wait it enters gets its
 * own, running from `now`. The outbox is the disarm, the rule's
 * instructions, then the arm.
 */
/**
 * `to` with the wait it enters: its deadline (last), the count it keeps
 * (hand-outs or look-ups), and no field of a wait it left. One copy.
 */
const waitingFor = (
  to: Destination,
  kept: "handOuts" | "lookups" | undefined,
  deadlineAt: string | undefined,
): Destination =>
  reshaped(
    to,
    (["deadlineAt", "handOuts", "lookups"] as const).filter((key) => key !== kept),
    deadlineAt === undefined ? {} : { deadlineAt },
  );

export const moveTo = (
  ctx: DestinationContext,
  from: Destination,
  to: Destination,
  rule: readonly Instruction[],
  options: { readonly now?: string; readonly passed?: string } = {},
): Moved => {
  const outbox: Instruction[] = [];
  const leaving = armedJobKey(from);
  const wait = waitIn[to.status];
  const waits = wait !== undefined && options.now !== undefined && to.idempotencyKey !== undefined;
  const next = waitingFor(
    withItemsFollowing(to),
    waits ? countOf[wait] : undefined,
    waits
      ? (instantAfter(options.now as string, allowance(ctx.retry, to, wait)) ??
          formatInstant(latestInstantMs))
      : undefined,
  );
  const entering = armedJobKey(next);
  if (leaving !== undefined && leaving !== options.passed && leaving !== entering) {
    outbox.push({
      type: "disarm_deadline",
      postId: ctx.postId,
      destinationId: from.id,
      jobKey: leaving,
    });
  }
  outbox.push(...rule);
  if (entering !== undefined && entering !== leaving) {
    outbox.push({
      type: "arm_deadline",
      postId: ctx.postId,
      destinationId: next.id,
      jobKey: entering,
      at: next.deadlineAt as string,
    });
  }
  return { destination: next, outbox };
};
