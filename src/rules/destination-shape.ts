import type { DestinationEvent } from "../destination/event.js";
import { deliveryFactTypes } from "../domain/event.js";
import {
  type FieldCheck,
  fields,
  id,
  instant,
  isRecord,
  key,
  object,
  problem,
  type ShapeProblem,
  whole,
} from "./checks.js";
import { checkEvent } from "./event-shape.js";
import { destination, retry } from "./post-shape.js";

/** What `stepDestination` needs from the post: the same checks a stored post's fields get. */
export const checkDestinationContext = /* @__PURE__ */ object({
  postId: id,
  revision: /* @__PURE__ */ whole(0),
  retry,
  destination,
});

const keyed = { idempotencyKey: key, now: instant } as const;

/** The commands a post gives its destinations, and their fields. */
const commandShapes: Readonly<Record<string, Readonly<Record<string, FieldCheck>>>> = {
  SUBMIT_FOR_APPROVAL: {},
  SCHEDULE: {},
  RETURN_TO_DRAFT: {},
  ENQUEUE: keyed,
  CANCEL: {},
  RETRY_FAILED: keyed,
};

const facts: ReadonlySet<string> = /* @__PURE__ */ new Set(deliveryFactTypes);

/** Checks that `value` is a well-formed `DestinationEvent`: a command of the post, or a delivery fact. */
export const checkDestinationEvent = (value: unknown): ShapeProblem | undefined => {
  if (!isRecord(value)) return problem("", "an event must be an object with a type");
  const type = value.type;
  if (typeof type === "string" && facts.has(type)) return checkEvent(value);
  if (typeof type !== "string" || !Object.hasOwn(commandShapes, type)) {
    return problem(
      "type",
      `type must be one of ${[...Object.keys(commandShapes), ...facts].join(", ")}`,
    );
  }
  return fields(value, commandShapes[type] as Readonly<Record<string, FieldCheck>>, "");
};

/** Narrows a value `checkDestinationEvent` passed. */
export const isDestinationEvent = (value: unknown): value is DestinationEvent =>
  checkDestinationEvent(value) === undefined;
