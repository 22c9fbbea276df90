/**
 * What the kit's functions take, told apart from values that only claim to
 * be it (a corrupted row, `JSON.parse` of anything, a caller without types):
 * each function answers its empty answer for such a value instead of
 * throwing halfway through it.
 */
import type { Destination } from "../../domain/destination.js";
import type { Post } from "../../domain/post.js";
import { isDestinationStatus } from "../../domain/status.js";
import { isRecord } from "../../rules/checks.js";
import { checkPost } from "../../rules/post-shape.js";

export { isRecord };

/** A post `apply` takes as one: `checkPost` finds nothing wrong with it. */
export const isPost = (value: unknown): value is Post => checkPost(value) === undefined;

const isWhole = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;

const optionalString = (value: unknown): boolean =>
  value === undefined || typeof value === "string";

const optionalWhole = (value: unknown): boolean => value === undefined || isWhole(value);

/**
 * A destination as far as the kit reads one: its names, status and counts,
 * and the optional keys, times and counts its facts are built from.
 */
export const isDestination = (value: unknown): value is Destination =>
  isRecord(value) &&
  typeof value.id === "string" &&
  typeof value.platform === "string" &&
  typeof value.accountId === "string" &&
  typeof value.postType === "string" &&
  isDestinationStatus(value.status) &&
  isWhole(value.attempts) &&
  isWhole(value.generation) &&
  optionalString(value.idempotencyKey) &&
  optionalString(value.deadlineAt) &&
  optionalString(value.nextRetryAt) &&
  optionalWhole(value.handOuts) &&
  optionalWhole(value.lookups) &&
  (value.duplicates === undefined || Array.isArray(value.duplicates));
