import { defaultRetryPolicy, policyOf, type RetryPolicy } from "../errors/retry-policy.js";
import {
  arrayOf,
  boolean,
  type Check,
  destinationInputFields,
  exactObject,
  id,
  instant,
  media,
  millisecondsByPlatform,
  nonNegative,
  optional,
  problem,
  type ShapeProblem,
  text,
} from "./checks.js";
import { type Problem, policyProblem } from "./readiness.js";

const retryOptions = /* @__PURE__ */ (() =>
  exactObject(
    Object.fromEntries(
      (Object.keys(defaultRetryPolicy) as (keyof RetryPolicy)[]).map((key) => [
        key,
        optional(key === "callTimeoutMsByPlatform" ? millisecondsByPlatform : nonNegative),
      ]),
    ),
  ))();

const scheduledAt: Check = (v, path) => (v === null ? undefined : instant(v, path));

/**
 * What `createPost` takes, field by field. A key it does not know is refused
 * (`scheduleAt` for `scheduledAt` would otherwise lose the schedule unseen).
 */
const postInput = /* @__PURE__ */ (() =>
  exactObject({
    id,
    content: text,
    media: optional(arrayOf(media)),
    scheduledAt: optional(scheduledAt),
    requiresApproval: optional(boolean),
    retry: optional(retryOptions),
    destinations: arrayOf(exactObject(destinationInputFields)),
    idempotencyKey: optional(id),
  }))();

const invalidInput = (found: ShapeProblem): Problem => ({
  reason: "invalid_input",
  message: found.message,
  ...(found.path === "" ? {} : { path: found.path }),
});

/**
 * Judges what a caller gives `createPost`: the shape of every field, ids and
 * accounts that are not empty (they enter every idempotency key), a planned
 * time with a zone, http(s) media URLs, unique destination ids and a retry
 * policy that can work. What the platforms' content rules say is not judged
 * here: a draft may hold what a platform would refuse, until it leaves the
 * draft.
 */
export const checkPostInput = (input: unknown): Problem | undefined => {
  const found = postInput(input, "");
  if (found !== undefined) return invalidInput(found);
  const { destinations, retry } = input as {
    destinations: readonly { id: string }[];
    retry?: Partial<RetryPolicy>;
  };
  const seen = new Set<string>();
  for (const [i, d] of destinations.entries()) {
    if (seen.has(d.id)) {
      return {
        reason: "duplicate_destination",
        message: `destinations[${i}].id: two destinations have the id "${d.id}"`,
        path: `destinations[${i}].id`,
        destinationId: d.id,
      };
    }
    seen.add(d.id);
  }
  const policy = policyProblem(policyOf(retry ?? {}));
  return policy === undefined
    ? undefined
    : invalidInput(problem(`retry.${policy[0]}`, `retry.${policy[0]} must be ${policy[1]}`));
};
