/**
 * RECONCILED that found nothing: news only to the look-up it answers. An
 * unconfirmed destination is queued again under the same key while attempts
 * are left (nothing went out), else it fails; a destination that failed with
 * its outcome unknown learns that the post is not there, so a manual retry
 * may send it again. (A post found is a success: `success.ts`.)
 */

import type { Destination } from "../domain/destination.js";
import type { ReconciledEvent } from "../domain/event.js";
import { canonicalInstant } from "../domain/instant.js";
import { attemptsAllowed } from "../errors/retry-policy.js";
import { reshaped } from "../internal/changed.js";
import { omit } from "../internal/omit.js";
import type { Args } from "../lifecycle/definition.js";
import { withinCeiling } from "../rules/checks.js";
import type { DestinationEvent } from "./event.js";
import { failForGood } from "./failure.js";
import { enqueueDelivery } from "./internal/instructions.js";
import type { DestinationContext } from "./step.js";
import { type Moved, moveTo } from "./wait.js";

type On = Args<DestinationContext, DestinationEvent>;

/** The error once a look-up settled what it left open: the post is not on the platform. */
const settled = (d: Destination, now: string): Destination =>
  d.error === undefined
    ? d
    : {
        ...d,
        error: {
          ...omit(d.error, "outcomeUnknown"),
          message: withinCeiling(
            `${d.error.message} (a look-up at ${canonicalInstant(now)} found it is not on the platform)`,
          ),
        },
      };

/** The attempts the recorded failure's code allows, as a failure reported outright counts them. */
export const hasAttemptsLeft = ({ context: { destination: d, retry } }: On): boolean =>
  d.attempts < (d.error === undefined ? retry.maxAttempts : attemptsAllowed(retry, d.error.code));

/** Not on the platform, attempts left: safe to send again, under the same key. */
export const sendAgain = ({ context: ctx, event }: On): Moved => {
  const d = ctx.destination;
  const to: Destination = reshaped(d, ["error"], { status: "queued", handOuts: 1 });
  return moveTo(ctx, d, to, [enqueueDelivery(ctx, to)], { now: (event as ReconciledEvent).now });
};

/**
 * Not on the platform, no attempt left: failed. The error stays (it is why
 * the destination failed), its outcome no longer unknown.
 */
export const failNotFound = ({ context: ctx, event }: On): Moved => {
  const d = ctx.destination;
  return failForGood(ctx, d, settled(d, (event as ReconciledEvent).now), []);
};

/** A failed destination's doubt is settled: not on the platform, so a manual retry may send it. */
export const settleDoubt = ({ context: ctx, event }: On): Moved => ({
  destination: settled(ctx.destination, (event as ReconciledEvent).now),
  outbox: [],
});
