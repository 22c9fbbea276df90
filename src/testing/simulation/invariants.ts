/**
 * The promises, checked against the world's truth rather than against
 * postlife's own code: the platform says what is live, the service's ledger
 * says what it heard and did. A model simpler than the system: it never asks
 * `apply` what should have happened.
 */
import { type Decision, rejectionReasons } from "../../domain/decision.js";
import type { Destination } from "../../domain/destination.js";
import type { Post } from "../../domain/post.js";
import { isTerminal } from "../../domain/status.js";
import { policyOf } from "../../errors/retry-policy.js";
import { textOf } from "../../internal/text-of.js";
import { maxPollsOf } from "../../platforms/media-processing.js";
import { checkPost } from "../../rules/post-shape.js";
import { isRecord } from "../internal/shape.js";
import type { Platform } from "./platform.js";
import type { Service, Txn } from "./service.js";

/** A broken promise: which, and what the world looked like. */
export interface Violation {
  readonly invariant: string;
  readonly message: string;
}

/** The invariants, named as the issue and the README state them. */
export const invariants = {
  once: "at most one live platform post per destination (per item of a thread: a resumed thread never posts an item again), unless the platform's own misleading made a second",
  replies: "each reply of a thread is posted under the live post of the item before it",
  containers:
    "no media container is published twice, unless the platform's own misleading asked for it",
  surfaced:
    "a live post the service heard of is recorded: the destination is published, and a second post is surfaced as a duplicate",
  wellFormed:
    "every stored post is one postlife accepts back: its status the one its destinations give (deleted holds on its own), its counts theirs",
  rejections: "every rejection has a reason and a message",
  ignoredChangesNothing: "an ignored fact changes nothing and asks for nothing",
  settles: "with every instruction carried out and every deadline passed, every post is final",
  bounded: "each destination settles within its policy's bound of accepted facts",
  disarmed: "nothing stays armed for a post that is final",
  throws: "apply never throws",
  decides:
    "apply answers a Decision: ok, with the post, its outbox of instructions and why it was ignored if it was, or a rejection",
  runs: "every scenario runs to its end",
} as const;

/**
 * What is wrong with the shape of what the handler under test answered, or
 * `undefined` for a Decision the simulation can read on. Whether a
 * rejection says why, and whether the post is one postlife takes back, are
 * promises of their own (`rejections`, `wellFormed`), checked later.
 */
export const decisionProblem = (answer: unknown): string | undefined => {
  if (!isRecord(answer)) return `answered ${textOf(answer)}, not an object`;
  if (typeof answer.ok !== "boolean") return "answered an object whose ok is not true or false";
  if (!answer.ok)
    return isRecord(answer.rejection) ? undefined : "refused with no rejection object";
  if (!isRecord(answer.post)) return "accepted with no post object";
  if (answer.ignored !== undefined && typeof answer.ignored !== "string") {
    return "accepted with an ignored that is not a string";
  }
  if (!Array.isArray(answer.outbox)) return "accepted with no outbox array";
  return answer.outbox.every((i) => isRecord(i) && typeof i.type === "string")
    ? undefined
    : "accepted with an outbox entry that is not an instruction";
};

/**
 * What is wrong with the post an accepted decision would store, checked
 * before it is stored: every part of the service reads stored posts, and
 * none of them should meet one postlife would not take back.
 */
export const acceptedProblem = (decision: Decision): Violation | undefined =>
  decision.ok && decision.ignored === undefined ? checkStored(decision.post) : undefined;

/** What a decision itself must be, whatever the post and event. */
export const checkDecision = (before: Post, txn: Txn): Violation | undefined => {
  const d = txn.decision;
  if (!d.ok) {
    const reason = d.rejection.reason;
    return (rejectionReasons as readonly string[]).includes(reason) &&
      typeof d.rejection.message === "string" &&
      d.rejection.message.length > 0
      ? undefined
      : {
          invariant: invariants.rejections,
          message: `${txn.event.type}: refused with reason ${JSON.stringify(textOf(reason))} and message ${JSON.stringify(textOf(d.rejection.message))}`,
        };
  }
  if (d.ignored !== undefined && (d.post !== before || d.outbox.length > 0)) {
    return {
      invariant: invariants.ignoredChangesNothing,
      message: `${txn.event.type} was ignored (${d.ignored}) but changed the post or asked for something`,
    };
  }
  return undefined;
};

/** What every stored post must be, after every step (`checkPost` derives its status again). */
export const checkStored = (post: Post): Violation | undefined => {
  const problem = checkPost(post);
  return problem === undefined
    ? undefined
    : { invariant: invariants.wellFormed, message: `${textOf(post.id)}: ${problem.message}` };
};

const knows = (d: Destination, platformPostId: string): boolean =>
  d.platformPostId === platformPostId ||
  (d.items?.some((item) => item.platformPostId === platformPostId) ?? false) ||
  (d.duplicates?.some((p) => p.platformPostId === platformPostId) ?? false);

/** Recorded as the service must: a thread's live items wherever delivery stands, a post once published. */
const recorded = (d: Destination, platformPostId: string): boolean =>
  knows(d, platformPostId) && (d.items !== undefined || d.status === "published");

/** No double post that postlife could have prevented; none heard of and left unrecorded. */
export const checkTruth = (service: Service, platform: Platform): Violation | undefined => {
  const misplaced = platform.misplaced[0];
  if (misplaced !== undefined) return { invariant: invariants.replies, message: misplaced };
  const republished = platform.republished[0];
  if (republished !== undefined) return { invariant: invariants.containers, message: republished };
  for (const live of platform.live) {
    const others = platform.livePostsOf(live.postId, live.destinationId, live.item);
    if (others.length > 1 && others.some((p) => p !== others[0] && !p.excused)) {
      return {
        invariant: invariants.once,
        message: `${live.postId}/${live.destinationId}${live.item > 0 ? ` item ${live.item}` : ""} is live ${others.length} times: ${others.map((p) => `${p.platformPostId} (${p.key})`).join(", ")}`,
      };
    }
  }
  for (const [key, heard] of service.ledger.heard) {
    const [postId, destinationId] = key.split("/") as [string, string];
    const d = service.rows.get(postId)?.post.destinations.find((x) => x.id === destinationId);
    if (d === undefined) continue;
    for (const id of heard) {
      const isLive = platform.live.some((p) => p.platformPostId === id);
      if (isLive && !recorded(d, id)) {
        return {
          invariant: invariants.surfaced,
          message: `${key} is ${d.status}${d.platformPostId === undefined ? "" : ` as ${d.platformPostId}`}, but the service heard that ${id} is live`,
        };
      }
    }
  }
  return undefined;
};

/**
 * The most accepted facts a destination takes in one generation with no
 * person acting: per attempt, the hand-outs before a worker starts it, the
 * start, the report or its deadline, the look-ups and their answer, the
 * retry timer (with media: the polls and the publish call); per item of a
 * thread; then a late success, a person's answer, and one report per
 * further live post.
 */
export const factBound = (post: Post, livePosts: number, items = 1, platform?: string): number => {
  const p = policyOf(post.retry);
  return (
    items * p.maxAttempts * (p.maxHandOuts + p.maxLookups + 3 + mediaFacts(post, platform)) +
    2 +
    livePosts
  );
};

/**
 * With media the platform processes: the first word, its polls (never more
 * than `maxPollsOf`, and one more answer), the publish call's hand-outs,
 * start and report.
 */
const mediaFacts = (post: Post, platform: string | undefined): number =>
  post.media.length === 0 || platform === undefined
    ? 0
    : maxPollsOf(platform) + 2 + policyOf(post.retry).maxHandOuts + 2;

/** The destination (and generation) closest to its liveness bound, and how much of it it used. */
export const boundUse = (
  service: Service,
  platform: Platform,
): { key: string; count: number; bound: number; used: number } => {
  let worst = { key: "", count: 0, bound: 1, used: 0 };
  for (const [key, count] of service.ledger.facts) {
    const [path] = key.split("#") as [string];
    const [postId, destinationId] = path.split("/") as [string, string];
    const row = service.rows.get(postId);
    if (row === undefined) continue;
    const d = row.post.destinations.find((x) => x.id === destinationId);
    const bound = factBound(
      row.post,
      platform.livePostsOf(postId, destinationId).length,
      d?.items?.length,
      d?.platform,
    );
    if (count / bound > worst.used) worst = { key, count, bound, used: count / bound };
  }
  return worst;
};

/** At the end: everything final, within its bound, with nothing left armed. */
export const checkSettled = (service: Service, platform: Platform): Violation | undefined => {
  for (const { post } of service.rows.values()) {
    const final = post.status === "deleted" || post.destinations.every((d) => isTerminal(d.status));
    if (!final || post.status === "queued" || post.status === "publishing") {
      return {
        invariant: invariants.settles,
        message: `${post.id} is ${post.status} [${post.destinations.map((d) => `${d.id}:${d.status}`).join(" ")}]`,
      };
    }
  }
  const worst = boundUse(service, platform);
  if (worst.used > 1) {
    return {
      invariant: invariants.bounded,
      message: `${worst.key} took ${worst.count} facts (bound ${worst.bound})`,
    };
  }
  return undefined;
};

/**
 * Once a post is final and its outbox carried out, none of its timers is
 * armed (a queued job may linger in the queue: its worker's start is stale).
 */
export const checkDisarmed = (service: Service): Violation | undefined => {
  for (const { post } of service.rows.values()) {
    if (service.outbox.has(post.id)) continue;
    const final = post.status === "deleted" || post.destinations.every((d) => isTerminal(d.status));
    if (!final) continue;
    for (const timer of service.timers.values()) {
      if (
        timer.postId === post.id &&
        timer.poll !== true &&
        !service.ledger.disarmed.has(timer.key)
      ) {
        // A timer of a final post that postlife never disarmed: only a fired one may linger.
        const fired = timer.at <= service.now;
        if (!fired) {
          return {
            invariant: invariants.disarmed,
            message: `${post.id} is ${post.status}, but ${timer.key} is still armed for ${new Date(timer.at).toISOString()}`,
          };
        }
      }
    }
  }
  return undefined;
};
