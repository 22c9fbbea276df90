/**
 * A delivery fact, recorded: the destination it names takes it by its own
 * lifecycle, and the post's status follows its destinations.
 */
import { stepJudged } from "../destination/step.js";
import type { Accepted } from "../domain/decision.js";
import type { Destination } from "../domain/destination.js";
import type { DeliveryFact, PostEvent } from "../domain/event.js";
import type { Post } from "../domain/post.js";
import type { Args } from "../lifecycle/definition.js";
import { indexOfDestination, replaceDestination } from "./lookup.js";
import { contextOf, settle } from "./outcome.js";

/**
 * The fact's destination moved. A deleted post stays deleted (settle keeps
 * it), but the platform is still the truth: a destination found live after
 * all is published, and the service hears of it.
 */
export const recordFact = ({ context: post, event }: Args<Post, PostEvent>): Accepted => {
  const fact = event as DeliveryFact;
  const index = indexOfDestination(post.destinations, fact.destinationId);
  const destination = post.destinations[index];
  const step =
    destination === undefined ? undefined : stepJudged(contextOf(post, destination), fact);
  if (step?.kind !== "accepted") return { ok: true, post, outbox: [] }; // its rules were checked first
  const destinations = replaceDestination(post.destinations, index, step.destination);
  return settle(post, { destinations }, step.outbox, {
    moved: {
      from: (destination as Destination).status,
      to: step.destination.status,
      destination: step.destination,
    },
  });
};
