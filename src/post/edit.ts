import type { Decision } from "../domain/decision.js";
import type { Destination, DestinationInput } from "../domain/destination.js";
import type { EditEvent } from "../domain/event.js";
import { canonicalInstant, instantMs } from "../domain/instant.js";
import type { Instruction } from "../domain/instruction.js";
import { newDestination, type Post } from "../domain/post.js";
import { omit } from "../internal/omit.js";
import { platformOf } from "../platforms/registry.js";
import { type EditableField, editableFields } from "../rules/editable.js";
import { contentProblem } from "../rules/preflight.js";
import type { Problem } from "../rules/readiness.js";
import { arm, disarm } from "./jobs.js";
import { refuse, settle } from "./outcome.js";

const knownFields: readonly string[] = ["content", "media", "scheduledAt", "destinations"];

/** The first change that names a field the post may not change now. */
const fieldProblem = (post: Post, changes: Record<string, unknown>): Problem | undefined => {
  const allowed: readonly EditableField[] = editableFields(post);
  for (const key of Object.keys(changes)) {
    if (changes[key] === undefined) continue;
    if (!knownFields.includes(key)) {
      return {
        reason: "field_not_editable",
        message: `${key} is not an editable field (editable: ${knownFields.join(", ")})`,
        path: `changes.${key}`,
      };
    }
    if (!allowed.includes(key as EditableField)) {
      return {
        reason: "field_not_editable",
        message: `${key} is frozen: the reviewer approved exactly what is sent (UNSCHEDULE to edit and submit again)`,
        path: `changes.${key}`,
      };
    }
  }
  return undefined;
};

/** Checks the new destination list against the current one and builds it. */
const nextDestinations = (
  post: Post,
  inputs: readonly DestinationInput[],
): Problem | Destination[] => {
  const current = new Map(post.destinations.map((d) => [d.id, d]));
  const seen = new Set<string>();
  const next: Destination[] = [];
  for (const [i, input] of inputs.entries()) {
    const at = `changes.destinations[${i}]`;
    if (seen.has(input.id)) {
      return {
        reason: "duplicate_destination",
        message: `two destinations have the id "${input.id}"`,
        path: `${at}.id`,
        destinationId: input.id,
      };
    }
    seen.add(input.id);
    const existing = current.get(input.id);
    if (existing === undefined) {
      next.push({
        ...newDestination(input),
        status: post.status === "scheduled" ? "scheduled" : "draft",
      });
      continue;
    }
    const fixed = {
      platform: input.platform,
      accountId: input.accountId,
      postType: input.postType ?? existing.postType,
    };
    for (const field of ["platform", "accountId", "postType"] as const) {
      const same =
        field === "platform"
          ? (platformOf(fixed.platform)?.id ?? fixed.platform) ===
            (platformOf(existing.platform)?.id ?? existing.platform)
          : fixed[field] === existing[field];
      if (!same) {
        return {
          reason: "field_not_editable",
          message: `${input.id}'s ${field} is "${existing[field]}" and never changes: remove the destination and add another`,
          path: `${at}.${field}`,
          destinationId: input.id,
        };
      }
    }
    // The entry describes the destination whole: a text or thread it leaves out is removed.
    next.push({
      ...omit(existing, "content", "thread"),
      ...(input.content === undefined ? {} : { content: input.content }),
      ...(input.thread === undefined ? {} : { thread: input.thread }),
    });
  }
  return next;
};

/** A scheduled post's new time must be set, and after now. */
const timeProblem = (post: Post, event: EditEvent): Problem | undefined => {
  const at = event.changes.scheduledAt;
  if (at === undefined || post.status !== "scheduled") return undefined;
  if (at === null) {
    return {
      reason: "field_not_editable",
      message: "a scheduled post needs a time: UNSCHEDULE it instead of clearing scheduledAt",
      path: "changes.scheduledAt",
    };
  }
  if (event.now === undefined) {
    return {
      reason: "malformed_event",
      message: "now is required to move the time of a scheduled post",
      path: "now",
    };
  }
  return instantMs(at) > instantMs(event.now)
    ? undefined
    : {
        reason: "schedule_in_past",
        message: `${at} is not after now (${event.now})`,
        path: "changes.scheduledAt",
      };
};

/**
 * EDIT: change content, media, the planned time or the destination list, in
 * draft or scheduled. Every accepted edit bumps the revision; on a scheduled
 * post it also re-arms the job and, through the revision, changes every
 * idempotency key, so an old revision can never be published. A caller's new
 * `idempotencyKey` enters every key from this revision on.
 */
export const edit = (post: Post, event: EditEvent): Decision => {
  const changes = event.changes as Record<string, unknown>;
  const problem = fieldProblem(post, changes) ?? timeProblem(post, event);
  if (problem !== undefined) return refuse(post, event, problem);

  const destinations =
    event.changes.destinations === undefined
      ? post.destinations
      : nextDestinations(post, event.changes.destinations);
  if (!Array.isArray(destinations)) return refuse(post, event, destinations as Problem);

  const next: Post = {
    ...post,
    revision: post.revision + 1,
    ...(event.changes.content === undefined ? {} : { content: event.changes.content }),
    ...(event.changes.media === undefined ? {} : { media: event.changes.media }),
    ...(event.changes.scheduledAt === undefined
      ? {}
      : {
          scheduledAt:
            event.changes.scheduledAt === null ? null : canonicalInstant(event.changes.scheduledAt),
        }),
    destinations,
    ...(event.idempotencyKey === undefined ? {} : { idempotencyKey: event.idempotencyKey }),
  };
  let outbox: Instruction[] = [];
  if (post.status === "scheduled") {
    if (destinations.length === 0) {
      return refuse(post, event, {
        reason: "no_destinations",
        message:
          "a scheduled post keeps at least one destination (DELETE or UNSCHEDULE it instead)",
        path: "changes.destinations",
      });
    }
    const content = contentProblem(next);
    if (content !== undefined) return refuse(post, event, content);
    outbox = [disarm(post), arm(next)];
  }
  return settle(post, next, outbox);
};
