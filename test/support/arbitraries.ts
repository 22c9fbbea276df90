/**
 * The test suite's short names for the testing kit's arbitraries
 * (src/testing/arbitraries.ts, `postlife/testing`).
 */
import fc from "fast-check";
import type { Post, PostInput } from "../../src/index.js";
import {
  destinationInputArbitrary,
  eventAt,
  postInputArbitrary,
  reachablePostArbitrary,
  replay,
  type Step,
} from "../../src/testing/arbitraries.js";
import { draftOf } from "./draft.js";

export type { Step };
export const destinationInputArb = destinationInputArbitrary;
export const postInputArb = postInputArbitrary;
export const reachablePostArb = reachablePostArbitrary;
export const resolve = eventAt;

/** A choice of event: an index into the alphabet of the post it meets. */
export const choiceArb = fc.nat({ max: 10_000 });
export const choicesArb = fc.array(choiceArb, { minLength: 1, maxLength: 40 });

/** Runs a sequence of choices from a new post; every step with its decision. */
export const run = (input: PostInput, choices: readonly number[]): Step[] => {
  const history = replay(input, choices);
  if (history === undefined) throw new Error(`createPost refused ${JSON.stringify(input)}`);
  return [...history.steps];
};

/** The post after the last step. */
export const last = (input: PostInput, steps: readonly Step[]): Post => {
  const final = steps.at(-1);
  if (final === undefined) return draftOf(input);
  return final.decision.ok ? final.decision.post : final.before;
};
