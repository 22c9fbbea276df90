/**
 * How a destination takes an event, as values: accepted (the next
 * destination and its outbox), ignored (a duplicate, or stale) or rejected.
 */
import type { Destination } from "../../domain/destination.js";
import type { Instruction } from "../../domain/instruction.js";
import { omit } from "../../internal/omit.js";
import type { DestinationStep } from "../step.js";

export const accepted = (
  destination: Destination,
  outbox: readonly Instruction[] = [],
): DestinationStep => ({ kind: "accepted", destination, outbox });

export const stale = (message: string): DestinationStep => ({
  kind: "ignored",
  ignored: "stale",
  message,
});

export const duplicate = (message: string): DestinationStep => ({
  kind: "ignored",
  ignored: "duplicate",
  message,
});

export const tooEarly = (message: string, acceptedFrom: string): DestinationStep => ({
  kind: "rejected",
  reason: "too_early",
  message,
  acceptedFrom,
});

/** Drops the delivery fields that no longer apply, keeping the rest. */
export const without = (d: Destination, ...keys: readonly (keyof Destination)[]): Destination =>
  omit(d, ...keys) as Destination;
