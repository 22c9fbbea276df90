import type { Accepted } from "../domain/decision.js";
import type { Destination, DestinationInput } from "../domain/destination.js";
import type { EditEvent, PostEvent } from "../domain/event.js";
import { canonicalInstant, instantMs } from "../domain/instant.js";
import type { Instruction } from "../domain/instruction.js";
import { newDestination, type Post } from "../domain/post.js";
import { copyData, isVouched } from "../domain/vouched.js";
import { omit } from "../internal/omit.js";
import type { Args } from "../lifecycle/definition.js";
import { platformOf } from "../platforms/registry.js";
import { type EditableField, editableFields } from "../rules/editable.js";
import type { Problem } from "../rules/readiness.js";
import { arm, disarm } from "./jobs.js";
import { settle } from "./outcome.js";

const knownFields: readonly string[] = ["content", "media", "scheduledAt", "destinations"];

/** The first change that names a field the post may not change now. */
/** The first field an EDIT changes that may not change in the post's status. */
export const fieldProblem = (post: Post, event: EditEvent): Problem | undefined => {
  const changes = event.changes as Record<string, unknown>;
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
/** What is wrong with the time an EDIT gives a scheduled post: none, no now, or not ahead. */
export const timeProblem = (post: Post, event: EditEvent): Problem | undefined => {
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

/** The destinations an EDIT gives, or the problem with them. */
const destinationsAfter = (post: Post, event: EditEvent): Problem | readonly Destination[] =>
  event.changes.destinations === undefined
    ? post.destinations
    : nextDestinations(post, event.changes.destinations);

/** What is wrong with the destinations an EDIT gives: a shared id, or a platform or account changed. */
export const destinationsProblem = (post: Post, event: EditEvent): Problem | undefined => {
  const next = destinationsAfter(post, event);
  return "reason" in next ? next : undefined;
};

/** The post as an EDIT leaves it, its rules passed: a new revision with the changes. */
export const edited = (post: Post, event: EditEvent): Post => {
  const destinations = destinationsAfter(post, event);
  return {
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
    destinations: "reason" in destinations ? post.destinations : destinations,
    ...(event.idempotencyKey === undefined ? {} : { idempotencyKey: event.idempotencyKey }),
  };
};

/**
 * EDIT: the changes recorded as a new revision. A scheduled post's job is
 * re-armed for the new revision (and time).
 */
export const recordEdit = ({ context: post, event }: Args<Post, PostEvent>): Accepted => {
  // The caller's media and destinations are copied into a post postlife vouches for.
  const changed = edited(post, event as EditEvent);
  const next = isVouched(post) ? copyData(changed) : changed;
  const outbox: Instruction[] = post.status === "scheduled" ? [disarm(post), arm(next)] : [];
  return settle(post, next, outbox, { copied: true });
};
