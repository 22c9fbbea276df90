import type { PostEvent, PostEventType } from "../domain/event.js";
import {
  arrayOf,
  boolean,
  type Check,
  checksOf,
  codeOrNumber,
  destinationInput,
  type FieldCheck,
  foundPost,
  id,
  instant,
  isRecord,
  judgeFields,
  key,
  media,
  object,
  optional,
  problem,
  publishError,
  type ShapeProblem,
  text,
  webUrl,
  whole,
} from "./checks.js";

/**
 * What a field of an event must hold. A trailing "?" makes it optional.
 * The shapes are data so that docs and other languages can read them.
 *
 * @inline
 */
type FieldKind =
  | "instant"
  | "id"
  | "key"
  | "text"
  | "url"
  | "count"
  | "attempt"
  | "changes"
  | "publishError"
  | "rawFailure"
  | "found";

/**
 * A field kind, optional when it ends in "?".
 *
 * @inline
 */
type FieldSpec = FieldKind | `${FieldKind}?`;

const attemptIdentity = { attempt: "attempt?", idempotencyKey: "key?", item: "count?" } as const;

/**
 * The fields of every event type, and what each must hold.
 *
 * @example
 * ```ts
 * import { eventShapes } from "postlife";
 * eventShapes.SCHEDULE; // { at: "instant", now: "instant" }
 * ```
 * @since 0.1.0
 */
export const eventShapes: { readonly [E in PostEventType]: Readonly<Record<string, FieldSpec>> } = {
  EDIT: { changes: "changes", now: "instant?", idempotencyKey: "id?" },
  SCHEDULE: { at: "instant", now: "instant", idempotencyKey: "id?" },
  UNSCHEDULE: {},
  PUBLISH: { now: "instant", idempotencyKey: "id?" },
  SUBMIT_FOR_APPROVAL: { now: "instant" },
  APPROVE: { now: "instant" },
  REJECT: { reason: "text?" },
  DUE: { now: "instant", revision: "count?" },
  CANCEL: {},
  DELETE: {},
  RETRY_FAILED: { now: "instant" },
  DELIVERY_STARTED: { destinationId: "id", now: "instant", ...attemptIdentity },
  DELIVERY_SUCCEEDED: {
    destinationId: "id",
    platformPostId: "id",
    platformUrl: "url?",
    now: "instant",
    ...attemptIdentity,
  },
  DELIVERY_FAILED: {
    destinationId: "id",
    error: "publishError?",
    failure: "rawFailure?",
    now: "instant",
    ...attemptIdentity,
  },
  RETRY_DUE: { destinationId: "id", now: "instant", ...attemptIdentity },
  RECONCILED: { destinationId: "id", found: "found", now: "instant", ...attemptIdentity },
  MEDIA_STATUS: {
    destinationId: "id",
    containerId: "id",
    status: "text",
    retryAfterMs: "count?",
    poll: "attempt?",
    now: "instant",
    ...attemptIdentity,
  },
  DEADLINE_PASSED: { destinationId: "id", jobKey: "key", now: "instant" },
};

const changeChecks: Readonly<Record<string, Check>> = /* @__PURE__ */ (() => ({
  content: text,
  media: arrayOf(media),
  scheduledAt: (v, path) => (v === null ? undefined : instant(v, path)),
  destinations: arrayOf(destinationInput),
}))();

/** Changes must be an object; unknown keys are left to the edit rules, which name them. */
const changes: Check = (v, path) => {
  if (!isRecord(v)) return problem(path, `${path} must be an object`);
  // An undefined value names no field (JSON drops it): `{ content: undefined }` is `{}`.
  if (Object.values(v).every((value) => value === undefined)) {
    return problem(path, `${path} names no field to change`);
  }
  for (const [key, check] of Object.entries(changeChecks)) {
    if (v[key] === undefined) continue;
    const found = check(v[key], `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
};

const headers: Check = (v, path) => {
  if (!isRecord(v)) return problem(path, `${path} must be an object of header names to strings`);
  for (const [name, value] of Object.entries(v)) {
    if (typeof value !== "string")
      return problem(`${path}.${name}`, `${path}.${name} must be a string`);
  }
  return undefined;
};

const rawFailure = /* @__PURE__ */ (() =>
  object({
    platform: optional(text),
    httpStatus: optional(whole(0)),
    code: optional(codeOrNumber),
    subcode: optional(whole(0)),
    message: optional(text),
    headers: optional(headers),
    transportError: optional(text),
    requestSent: optional(boolean),
    at: optional(instant),
  }))();

const found: Check = (v, path) => (v === null ? undefined : foundPost(v, path));

const kinds: Readonly<Record<FieldKind, Check>> = /* @__PURE__ */ (() => ({
  instant,
  id,
  key,
  text,
  url: webUrl,
  count: whole(0),
  attempt: whole(1),
  changes,
  publishError,
  rawFailure,
  found,
}))();

/**
 * Fields of which an event needs exactly one: a failure comes classified
 * (`error`) or as the worker saw it (`failure`).
 */
export const eventAlternatives: { readonly [E in PostEventType]?: readonly string[] } = {
  DELIVERY_FAILED: ["error", "failure"],
};

const specs = /* @__PURE__ */ (() =>
  Object.fromEntries(
    Object.entries(eventShapes).map(([type, shape]) => [type, checksOf(shape, kinds)]),
  ))() as Readonly<Record<string, Readonly<Record<string, FieldCheck>>>>;

/**
 * Checks that `value` is a well-formed `PostEvent`: a known type and every
 * field of the right kind. Returns the first problem, with its path.
 */
export const checkEvent = (value: unknown): ShapeProblem | undefined => {
  if (!isRecord(value)) return problem("", "an event must be an object with a type");
  const type = value.type;
  if (typeof type !== "string" || !Object.hasOwn(specs, type)) {
    return problem(
      "type",
      typeof type === "string"
        ? `"${type}" is not an event type (expected one of ${Object.keys(specs).join(", ")})`
        : "type is required and must be a string",
    );
  }
  const alternatives = eventAlternatives[type as PostEventType];
  if (alternatives !== undefined) {
    const given = alternatives.filter((key) => value[key] !== undefined);
    if (given.length !== 1) {
      return problem(
        alternatives[0] as string,
        `${type} needs exactly one of ${alternatives.join(" or ")}${given.length > 1 ? ", not both" : ""}`,
      );
    }
  }
  return judgeFields(value, specs[type] as Readonly<Record<string, Check>>);
};

/** Narrows a value `checkEvent` passed. */
export const isWellFormed = (value: unknown): value is PostEvent => checkEvent(value) === undefined;
