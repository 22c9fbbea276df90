/**
 * RECONCILED: the answer to a look-up. A post found is the platform's truth
 * and publishes the destination, whatever answered before. "Not found" is
 * news only to the look-up it answers: an unconfirmed destination is queued
 * again under the same key while attempts are left (nothing went out), else
 * it fails; a destination that failed with its outcome unknown learns that
 * the post is not there, so a manual retry may send it again.
 */

import type { Destination } from "../domain/destination.js";
import type { ReconciledEvent } from "../domain/event.js";
import { canonicalInstant } from "../domain/instant.js";
import { attemptsAllowed } from "../errors/retry-policy.js";
import { omit } from "../internal/omit.js";
import { withinCeiling } from "../rules/checks.js";
import { failForGood } from "./failure.js";
import { enqueueDelivery } from "./internal/instructions.js";
import { accepted, stale, without } from "./internal/verdict.js";
import { isOutcomeUnknown, speaksOfAnotherDelivery } from "./rules.js";
import type { DestinationContext, DestinationStep } from "./step.js";
import { takeSuccess } from "./success.js";
import { moveTo } from "./wait.js";

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

export const reconciled = (ctx: DestinationContext, fact: ReconciledEvent): DestinationStep => {
  if (fact.found !== null) return takeSuccess(ctx, fact.found, fact.idempotencyKey, fact.now);
  const d = ctx.destination;
  if (speaksOfAnotherDelivery(d, fact.idempotencyKey)) {
    return stale(`the look-up of ${fact.idempotencyKey} is not about ${d.id}'s delivery now`);
  }
  // A look-up answers for the attempt it was asked about: a late answer about an earlier
  // attempt (sent again since) says nothing about the one now in doubt.
  if (fact.attempt !== undefined && fact.attempt !== d.attempts) {
    return stale(
      `the look-up of attempt ${fact.attempt} of ${d.id} is not the one awaited (${d.attempts})`,
    );
  }
  if (isOutcomeUnknown(d)) return accepted(settled(d, fact.now));
  if (d.status !== "unconfirmed") {
    return stale(`${d.id} is ${d.status}: nothing waits for a reconciliation`);
  }
  // The attempts the recorded failure's code allows, as a failure reported outright counts them.
  const allowed =
    d.error === undefined ? ctx.retry.maxAttempts : attemptsAllowed(ctx.retry, d.error.code);
  if (d.attempts < allowed) {
    // Not on the platform: safe to send again, under the same key.
    const to: Destination = { ...without(d, "error"), status: "queued", handOuts: 1 };
    return moveTo(ctx, d, to, [enqueueDelivery(ctx, to)], { now: fact.now });
  }
  // The look-up settled what the failure left open: the post is not there. The error
  // stays (it is why the destination failed), its outcome no longer unknown.
  return failForGood(ctx, d, settled(d, fact.now), []);
};
