/**
 * Finding a post's destination by id without walking its destinations on
 * every fact. A frozen array of destinations (a post postlife made) cannot
 * change, so its index by id is built once and kept; an array that replaces
 * one destination keeps the same ids in the same places, so it shares the
 * index. An array a caller may still change is walked each time.
 */
import type { Destination } from "../domain/destination.js";

const indexes = new WeakMap<readonly Destination[], ReadonlyMap<string, number>>();

/** Below this many destinations a walk costs less than the index. */
const smallest = 16;

/** The place of the first destination with this id, or -1. */
export const indexOfDestination = (destinations: readonly Destination[], id: string): number => {
  if (destinations.length < smallest || !Object.isFrozen(destinations)) {
    return destinations.findIndex((d) => d.id === id);
  }
  let index = indexes.get(destinations);
  if (index === undefined) {
    const built = new Map<string, number>();
    for (let i = destinations.length - 1; i >= 0; i--) {
      built.set((destinations[i] as Destination).id, i);
    }
    index = built;
    indexes.set(destinations, index);
  }
  return index.get(id) ?? -1;
};

/** `destinations` with the one at `i` replaced: the same ids in the same places, the same index. */
export const replaceDestination = (
  destinations: readonly Destination[],
  i: number,
  destination: Destination,
): readonly Destination[] => {
  // A spread, not `with`: V8 copies a frozen array by `with` or `slice` thirty times slower.
  const next = [...destinations];
  next[i] = destination;
  const index = indexes.get(destinations);
  if (index !== undefined && destination.id === destinations[i]?.id) indexes.set(next, index);
  return next;
};

/** The destination of `post` with this id. */
export const destinationOf = (
  post: { readonly destinations: readonly Destination[] },
  id: string,
): Destination | undefined => post.destinations[indexOfDestination(post.destinations, id)];
