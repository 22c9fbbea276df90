/**
 * Model-based, in fast-check's style (`fc.commands` + `fc.modelRun`): the people and workers
 * around one post act on it in any order (edit, schedule, publish, submit, approve, reject, the
 * DUE job, cancel, delete, retry failed; deliveries that start, succeed, fail retryably or for
 * good or time out after sending; retry timers, look-up answers, deadlines passing; a fact sent
 * twice), and a small model says what each act must do.
 *
 * The model is written from the docs (docs/rules.md, docs/lifecycle.md, docs/guides/), never
 * from postlife's code: per destination, its status, attempts, generation, whether a key was
 * handed out, its error code, the platform posts it is live as and the deadline it waits on;
 * for the post, revision, approval and planned time; its status computed by `groupStatus`
 * below from the group-status rules. Keys, retry jitter and deadline job names are postlife's
 * own: the model learns them from the outbox, as a service's workers and timers do, and only
 * bounds or compares them.
 *
 * Every sequence runs through three systems that must agree step by step: `apply`,
 * `transition(postMachine, …)` over the post stored as a JSON row, and a live actor (its
 * snapshot and the instructions it emits). After each step the core promises are checked on
 * what the system answered, whatever the model says: a published destination is never
 * enqueued again, every destination in flight has exactly one deadline armed (and nothing
 * else does), a scheduled post has exactly its DUE job armed, and counts and status are the
 * ones the destinations give.
 *
 * The same model, one destination at a time, then drives `stepDestination`,
 * `transition(destinationMachine, …)` and a live destination actor with what a post sends a
 * destination (ENQUEUE, CANCEL, RETRY_FAILED, …) and the same workers and timers.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { type Actor, createActor, initialTransition, transition } from "xstate";
import {
  apply,
  createPost,
  type Decision,
  type DeliveryFact,
  type Destination,
  type DestinationContext,
  type DestinationEvent,
  type DestinationStatus,
  type DestinationStep,
  destinationMachine,
  type Instruction,
  type Post,
  type PostEvent,
  type PostInput,
  type PostStatus,
  type PublishError,
  postMachine,
  type RetryPolicy,
  stepDestination,
} from "../src/index.js";

const RUNS = fc.readConfigureGlobal().numRuns ?? 200;
const MAX_COMMANDS = 25;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const T0 = Date.parse("2026-04-20T14:00:00.000Z");
const iso = (ms: number): string => new Date(ms).toISOString();

/** The waits every post of this test gets: the model reads them here, not from postlife. */
const policy = {
  baseDelayMs: 30 * SECOND,
  maxDelayMs: 15 * MINUTE,
  maxWaitMs: 3 * 24 * 60 * MINUTE,
  startWithinMs: 15 * MINUTE,
  callTimeoutMs: 10 * MINUTE,
  lookupTimeoutMs: 2 * MINUTE,
} as const;

interface Limits {
  readonly maxAttempts: number;
  readonly maxHandOuts: number;
  readonly maxLookups: number;
}

/** The failures workers report, as PostPost error objects (docs/guides/retries.md). */
const failures = {
  server: { code: "PLATFORM_SERVER_ERROR", message: "503", retryable: true },
  unknown: { code: "UNKNOWN_ERROR", message: "teapot", retryable: true },
  auth: { code: "PLATFORM_AUTH_EXPIRED", message: "token expired", retryable: false },
  // A code no retry can cure is never retried, even if the error says retryable.
  content: { code: "INVALID_CONTENT", message: "rejected", retryable: true },
  sentThenTimedOut: {
    code: "TIMEOUT_ERROR",
    message: "ETIMEDOUT",
    retryable: true,
    outcomeUnknown: true,
  },
  waitsTenYears: {
    code: "RATE_LIMITED",
    message: "429",
    retryable: true,
    retryAfterMs: 10 * 365 * 24 * 60 * MINUTE,
  },
} as const satisfies Record<string, PublishError>;
type FailureKind = keyof typeof failures;

const neverRetried = new Set([
  "PLATFORM_AUTH_EXPIRED",
  "PERMISSION_DENIED",
  "ACCOUNT_RESTRICTED",
  "INVALID_CONTENT",
  "DUPLICATE_CONTENT",
  "CONTENT_TOO_LARGE",
]);
const ownerMustAct = new Set(["PLATFORM_AUTH_EXPIRED", "PERMISSION_DENIED", "ACCOUNT_RESTRICTED"]);
/** Attempts a failure of `code` may use in all: UNKNOWN_ERROR is retried once. */
const attemptsFor = (limits: Limits, code: string | null): number =>
  code === "UNKNOWN_ERROR" ? Math.min(limits.maxAttempts, 2) : limits.maxAttempts;

// ---------------------------------------------------------------------------------------------
// The model

interface DestModel {
  readonly id: string;
  readonly platform: string;
  readonly accountId: string;
  status: DestinationStatus;
  attempts: number;
  generation: number;
  handedOut: boolean;
  /** While queued: hand-outs of the next attempt. While unconfirmed: look-ups asked. */
  handOuts: number;
  lookups: number;
  error: string | null;
  outcomeUnknown: boolean;
  /** The platform post it is published as, then any duplicates reported. */
  live: string[];
  /** When the deadline of its wait (queued, publishing, unconfirmed) passes. */
  deadlineAt: number | null;
  /** When its retry is due: learned from schedule_retry (the jitter is postlife's). */
  retryAt: number | null;
  /** When its latest attempt started: a failure naming no attempt from before it is stale. */
  startedAt: number | null;
}

interface PostModel {
  deleted: boolean;
  revision: number;
  requiresApproval: boolean;
  approved: boolean;
  scheduledAt: number | null;
  destinations: DestModel[];
}

/** What the shell has learned from the outboxes: the jobs, timers and keys workers act on. */
interface World {
  keys: Map<string, string[]>;
  jobAttempt: Map<string, number>;
  retryTimers: Map<string, { key: string; attempt: number; at: number }>;
  lookupsAsked: Map<string, { key: string; attempt: number }>;
  deadlines: Map<string, Map<string, number>>;
  deadlineHistory: Map<string, string[]>;
  schedule: Map<string, { revision: number; at: number }>;
  scheduleHistory: { revision: number; at: number }[];
  /** Every delivery fact sent so far, for a sender that delivers one again. */
  facts: DeliveryFact[];
}

const newWorld = (): World => ({
  keys: new Map(),
  jobAttempt: new Map(),
  retryTimers: new Map(),
  lookupsAsked: new Map(),
  deadlines: new Map(),
  deadlineHistory: new Map(),
  schedule: new Map(),
  scheduleHistory: [],
  facts: [],
});

interface Model {
  post: PostModel;
  world: World;
  limits: Limits;
  clock: number;
  nextId: number;
}

const editorial = ["draft", "pending_approval", "scheduled"] as const;
const isEditorial = (s: DestinationStatus | PostStatus): boolean =>
  (editorial as readonly string[]).includes(s);
const waits: readonly DestinationStatus[] = ["queued", "publishing", "unconfirmed"];
const done: readonly DestinationStatus[] = ["published", "failed", "cancelled"];

/** docs/rules.md, "Group status", in a few lines. */
const groupStatus = (statuses: readonly DestinationStatus[]): PostStatus => {
  if (statuses.length === 0) return "draft";
  const open: readonly DestinationStatus[] = statuses.filter((s) => s !== "cancelled");
  const least = editorial.find((s) => open.includes(s));
  if (least !== undefined && open.every(isEditorial)) return least;
  if (open.some((s) => !done.includes(s))) {
    return open.every((s) => s === "queued") ? "queued" : "publishing";
  }
  if (statuses.every((s) => s === "published")) return "published";
  if (statuses.every((s) => s === "cancelled")) return "cancelled";
  return statuses.includes("published") ? "partially_published" : "failed";
};

const modelStatus = (p: PostModel): PostStatus =>
  p.deleted ? "deleted" : groupStatus(p.destinations.map((d) => d.status));

const newDest = (id: string, platform: string, status: DestinationStatus): DestModel => ({
  id,
  platform,
  accountId: `acct-${id}`,
  status,
  attempts: 0,
  generation: 0,
  handedOut: false,
  handOuts: 0,
  lookups: 0,
  error: null,
  outcomeUnknown: false,
  live: [],
  deadlineAt: null,
  retryAt: null,
  startedAt: null,
});

type Verdict =
  | {
      readonly kind: "accepted";
      readonly post: PostModel;
      /** The outbox, as `type destination #attempt …` words, deadline disarms aside. */
      readonly effects: readonly string[];
      readonly arms: ReadonlyMap<string, number>;
      readonly retryWindows: ReadonlyMap<string, readonly [number, number]>;
    }
  | { readonly kind: "rejected"; readonly reason: string; readonly acceptedFrom?: number }
  | { readonly kind: "ignored"; readonly ignored: "duplicate" | "stale" };

type FactOutcome = "accepted" | "duplicate" | "stale" | { readonly tooEarly: number };

const refused = (reason: string, acceptedFrom?: number): Verdict =>
  acceptedFrom === undefined
    ? { kind: "rejected", reason }
    : { kind: "rejected", reason, acceptedFrom };

const postWebhooks: Partial<Record<PostStatus, string>> = {
  scheduled: "post.scheduled",
  published: "post.published",
  partially_published: "post.partially_published",
  failed: "post.failed",
  cancelled: "post.cancelled",
};

/** One predicted step: a copy of the post to change, and the outbox it should come with. */
class Change {
  readonly post: PostModel;
  readonly effects: string[] = [];
  readonly arms = new Map<string, number>();
  readonly retryWindows = new Map<string, readonly [number, number]>();

  constructor(
    private readonly before: PostModel,
    private readonly limits: Limits,
    private readonly world: World,
  ) {
    this.post = structuredClone(before);
  }

  /** The change is taken; a post tells its subscribers of a new status (not a lone destination). */
  accepted(post = true): Verdict {
    const from = modelStatus(this.before);
    const to = modelStatus(this.post);
    const moved = to === "scheduled" && this.post.scheduledAt !== this.before.scheduledAt;
    const hook = post && (to !== from || moved) ? postWebhooks[to] : undefined;
    if (hook !== undefined) this.effects.push(`webhook ${hook}`);
    return {
      kind: "accepted",
      post: this.post,
      effects: this.effects,
      arms: this.arms,
      retryWindows: this.retryWindows,
    };
  }

  /** Enters a status with no wait: whatever deadline it had is gone. */
  private rest(d: DestModel, status: DestinationStatus): void {
    d.status = status;
    d.deadlineAt = null;
    d.handOuts = 0;
    d.lookups = 0;
  }

  /** Enters (or renews) a wait: a deadline is armed for it. */
  private wait(d: DestModel, status: "queued" | "publishing" | "unconfirmed", now: number): void {
    d.status = status;
    const ms =
      status === "queued"
        ? policy.startWithinMs
        : status === "publishing"
          ? policy.callTimeoutMs
          : policy.lookupTimeoutMs * 2 ** (d.lookups - 1);
    d.deadlineAt = now + ms;
    this.arms.set(d.id, d.deadlineAt);
    this.effects.push(`arm_deadline ${d.id}`);
  }

  enqueue(d: DestModel, now: number, key: "same" | "new", handOuts = 1): void {
    d.handedOut = true;
    d.error = null;
    d.outcomeUnknown = false;
    d.retryAt = null;
    d.lookups = 0;
    d.handOuts = handOuts;
    this.effects.push(`enqueue_delivery ${d.id} #${d.attempts + 1} ${key}`);
    this.wait(d, "queued", now);
  }

  cancel(d: DestModel): void {
    if (d.handedOut) this.effects.push(`cancel_delivery ${d.id}`);
    d.error = null;
    d.retryAt = null;
    this.rest(d, "cancelled");
  }

  private failForGood(d: DestModel, code: string, outcomeUnknown: boolean): void {
    d.error = code;
    d.outcomeUnknown = outcomeUnknown;
    d.retryAt = null;
    this.rest(d, "failed");
    this.effects.push(`webhook destination.failed ${d.id}`);
    if (ownerMustAct.has(code)) this.effects.push(`request_reconnect ${d.id}`);
  }

  /** Attempt `n` failed: look it up, retry it, or fail (docs/guides/retries.md). */
  private fail(d: DestModel, n: number, error: PublishError, now: number): void {
    d.attempts = n;
    d.error = error.code;
    d.outcomeUnknown = error.outcomeUnknown === true;
    if (error.outcomeUnknown === true) {
      d.lookups = 1;
      d.handOuts = 0;
      this.effects.push(`request_reconciliation ${d.id} #${n} lookup 1`);
      this.wait(d, "unconfirmed", now);
      return;
    }
    const retried = error.retryable && !neverRetried.has(error.code);
    if (retried && n < attemptsFor(this.limits, error.code)) {
      const asked = error.retryAfterMs ?? 0;
      if (asked > policy.maxWaitMs) {
        this.failForGood(d, "WAIT_TOO_LONG", false);
        return;
      }
      const exponential = policy.baseDelayMs * 2 ** (n - 1);
      this.retryWindows.set(d.id, [
        now + Math.min(policy.maxDelayMs, Math.ceil(exponential / 2)),
        now + Math.max(Math.min(policy.maxDelayMs, exponential), asked),
      ]);
      this.effects.push(`schedule_retry ${d.id} #${n + 1}`);
      this.rest(d, "retrying");
      return;
    }
    this.failForGood(d, error.code, false);
  }

  /** The platform has `platformPostId` for `d`, by a report naming `key` (or none). */
  private live(d: DestModel, platformPostId: string, key: string | undefined): FactOutcome {
    const keys = this.world.keys.get(d.id) ?? [];
    if (key !== undefined && !keys.includes(key)) return "stale";
    if (d.status === "published") {
      if (d.live.includes(platformPostId)) return "duplicate";
      d.live.push(platformPostId);
      this.effects.push(`report_duplicate ${d.id}`, `webhook destination.duplicated ${d.id}`);
      return "accepted";
    }
    if (!d.handedOut) return "stale";
    if (d.status === "queued" || d.status === "retrying") {
      this.effects.push(`cancel_delivery ${d.id}`);
    }
    if (d.status === "queued" && (key === undefined || key === keys.at(-1))) d.attempts++;
    d.live = [platformPostId];
    d.error = null;
    d.outcomeUnknown = false;
    d.retryAt = null;
    this.rest(d, "published");
    this.effects.push(`webhook destination.published ${d.id}`);
    return "accepted";
  }

  /** One delivery fact for one destination (docs/guides/webhooks.md and retries.md). */
  fact(d: DestModel, e: DeliveryFact): FactOutcome {
    const now = Date.parse(e.now);
    const current = this.world.keys.get(d.id)?.at(-1);
    const key = e.type === "DEADLINE_PASSED" ? undefined : e.idempotencyKey;
    const attempt = e.type === "DEADLINE_PASSED" ? undefined : e.attempt;
    const anotherDelivery = key !== undefined && current !== undefined && key !== current;
    const lateCopy =
      attempt === undefined ? d.attempts > 0 || d.generation > 0 : attempt <= d.attempts;
    switch (e.type) {
      case "DELIVERY_STARTED":
        if (d.status !== "queued" && d.status !== "publishing") return "stale";
        if (anotherDelivery) return "stale";
        if (d.status === "publishing") {
          return attempt === undefined || attempt === d.attempts ? "duplicate" : "stale";
        }
        if (lateCopy) return "stale";
        d.attempts++;
        d.startedAt = now;
        this.wait(d, "publishing", now);
        return "accepted";
      case "DELIVERY_SUCCEEDED":
        return this.live(d, e.platformPostId, key);
      case "DELIVERY_FAILED": {
        if (d.status === "published" || d.status === "cancelled") return "stale";
        if (anotherDelivery) return "stale";
        const error = e.error as PublishError;
        if (d.status === "publishing") {
          if (attempt !== undefined && attempt !== d.attempts) return "stale";
          const failedAt = error.failedAt === undefined ? now : Date.parse(error.failedAt);
          if (attempt === undefined && failedAt < (d.startedAt as number)) return "stale";
          this.fail(d, d.attempts, error, now);
          return "accepted";
        }
        if (d.status === "queued") {
          if (lateCopy) return "stale";
          this.fail(d, d.attempts + 1, error, now);
          return "accepted";
        }
        return d.error === error.code && (attempt === undefined || attempt === d.attempts)
          ? "duplicate"
          : "stale";
      }
      case "RETRY_DUE":
        if (d.status !== "queued" && d.status !== "retrying") return "stale";
        if (anotherDelivery) return "stale";
        if (d.status === "queued") return d.attempts > 0 ? "duplicate" : "stale";
        if (attempt !== undefined && attempt !== d.attempts + 1) return "stale";
        if (now < (d.retryAt as number)) return { tooEarly: d.retryAt as number };
        this.enqueue(d, now, "same");
        return "accepted";
      case "RECONCILED":
        if (e.found !== null) return this.live(d, e.found.platformPostId, key);
        if (anotherDelivery) return "stale";
        if (attempt !== undefined && attempt !== d.attempts) return "stale";
        if (d.status === "failed" && d.outcomeUnknown) {
          d.outcomeUnknown = false; // known now: not on the platform; a manual retry may send it
          return "accepted";
        }
        if (d.status !== "unconfirmed") return "stale";
        if (d.attempts < attemptsFor(this.limits, d.error)) this.enqueue(d, now, "same");
        else this.failForGood(d, d.error as string, false);
        return "accepted";
      case "MEDIA_STATUS":
        // Never generated here: the model's platforms process no media (test/media.test.ts does).
        return "stale";
      case "DEADLINE_PASSED": {
        const armed = waits.includes(d.status)
          ? [...(this.world.deadlines.get(d.id)?.keys() ?? [])][0]
          : undefined;
        if (armed === undefined || e.jobKey !== armed) return "stale";
        if (now < (d.deadlineAt as number)) return { tooEarly: d.deadlineAt as number };
        if (d.status === "queued") {
          if (d.handOuts < this.limits.maxHandOuts) {
            this.enqueue(d, now, "same", d.handOuts + 1);
          } else {
            this.effects.push(`cancel_delivery ${d.id}`);
            this.failForGood(d, "NEVER_STARTED", false);
          }
        } else if (d.status === "publishing") {
          this.fail(d, d.attempts, failures.sentThenTimedOut, now);
        } else if (d.lookups < this.limits.maxLookups) {
          d.lookups++;
          this.effects.push(`request_reconciliation ${d.id} #${d.attempts} lookup ${d.lookups}`);
          this.wait(d, "unconfirmed", now);
        } else {
          this.failForGood(d, "OUTCOME_UNKNOWN", true);
        }
        return "accepted";
      }
    }
  }
}

const cancellable = (d: DestModel): boolean =>
  isEditorial(d.status) || d.status === "queued" || d.status === "retrying";
const mayBeLive = (d: DestModel): boolean =>
  d.status === "publishing" ||
  d.status === "unconfirmed" ||
  d.status === "published" ||
  (d.status === "failed" && d.outcomeUnknown);

/** What the model says `e` does to the post (docs/lifecycle.md's tables, docs/rules.md). */
const predict = (m: Model, e: PostEvent): Verdict => {
  const p = m.post;
  const status = modelStatus(p);
  const c = new Change(p, m.limits, m.world);
  const q = c.post;
  const notHere = refused("not_allowed_in_status");
  const at = (text: string | undefined) => Date.parse(text ?? iso(m.clock));
  switch (e.type) {
    case "EDIT": {
      if (status !== "draft" && status !== "scheduled") return notHere;
      const frozen = status === "scheduled" && (p.approved || p.requiresApproval);
      const { content, destinations, scheduledAt } = e.changes;
      if ((content !== undefined || destinations !== undefined) && frozen) {
        return refused("field_not_editable");
      }
      if (status === "scheduled" && typeof scheduledAt === "string") {
        if (Date.parse(scheduledAt) <= at(e.now)) return refused("schedule_in_past");
      }
      if (destinations !== undefined) {
        if (status === "scheduled" && destinations.length === 0) return refused("no_destinations");
        q.destinations = destinations.map(
          (input) =>
            q.destinations.find((d) => d.id === input.id) ??
            newDest(input.id, input.platform, status === "scheduled" ? "scheduled" : "draft"),
        );
      }
      if (typeof scheduledAt === "string") q.scheduledAt = Date.parse(scheduledAt);
      q.revision++;
      if (status === "scheduled") c.effects.push("disarm_schedule", "arm_schedule");
      return c.accepted();
    }
    case "SCHEDULE":
      if (status === "draft") {
        if (p.requiresApproval) return refused("approval_required");
        if (p.destinations.length === 0) return refused("no_destinations");
        if (at(e.at) <= at(e.now)) return refused("schedule_in_past");
        for (const d of q.destinations) d.status = "scheduled";
        q.scheduledAt = at(e.at);
        c.effects.push("arm_schedule");
        return c.accepted();
      }
      if (status !== "scheduled") return notHere;
      if (at(e.at) <= at(e.now)) return refused("schedule_in_past");
      q.revision++;
      q.scheduledAt = at(e.at);
      c.effects.push("disarm_schedule", "arm_schedule");
      return c.accepted();
    case "UNSCHEDULE":
      if (status !== "scheduled") return notHere;
      for (const d of q.destinations) d.status = "draft";
      q.revision++;
      q.approved = false;
      c.effects.push("disarm_schedule");
      return c.accepted();
    case "PUBLISH":
      if (status === "draft") {
        if (p.requiresApproval) return refused("approval_required");
        if (p.destinations.length === 0) return refused("no_destinations");
      } else if (status === "scheduled") {
        c.effects.push("disarm_schedule");
      } else {
        return notHere;
      }
      for (const d of q.destinations) c.enqueue(d, at(e.now), "new");
      return c.accepted();
    case "SUBMIT_FOR_APPROVAL":
      if (status !== "draft") return notHere;
      if (p.destinations.length === 0) return refused("no_destinations");
      for (const d of q.destinations) d.status = "pending_approval";
      return c.accepted();
    case "APPROVE":
      if (status !== "pending_approval") return notHere;
      q.approved = true;
      if (p.scheduledAt !== null && p.scheduledAt > at(e.now)) {
        for (const d of q.destinations) d.status = "scheduled";
        c.effects.push("arm_schedule");
      } else {
        for (const d of q.destinations) c.enqueue(d, at(e.now), "new");
      }
      return c.accepted();
    case "REJECT":
      if (status !== "pending_approval") return notHere;
      for (const d of q.destinations) d.status = "draft";
      return c.accepted();
    case "DUE":
      if (status !== "scheduled") return { kind: "ignored", ignored: "stale" };
      if (e.revision !== undefined && e.revision !== p.revision) {
        return { kind: "ignored", ignored: "stale" };
      }
      if (at(e.now) < (p.scheduledAt as number)) {
        return refused("too_early", p.scheduledAt as number);
      }
      for (const d of q.destinations) c.enqueue(d, at(e.now), "new");
      return c.accepted();
    case "CANCEL": {
      if (status !== "scheduled" && status !== "queued" && status !== "publishing") return notHere;
      const stopping = q.destinations.filter(cancellable);
      if (stopping.length === 0) return refused("nothing_to_cancel");
      if (status === "scheduled") c.effects.push("disarm_schedule");
      for (const d of stopping) c.cancel(d);
      return c.accepted();
    }
    case "DELETE":
      if (status === "published" || status === "partially_published" || status === "deleted") {
        return notHere;
      }
      if (p.destinations.some(mayBeLive)) return refused("delivery_under_way");
      if (status === "scheduled") c.effects.push("disarm_schedule");
      for (const d of q.destinations.filter(cancellable)) c.cancel(d);
      q.deleted = true;
      return c.accepted();
    case "RETRY_FAILED": {
      if (status !== "publishing" && status !== "partially_published" && status !== "failed") {
        return notHere;
      }
      const again = q.destinations.filter((d) => d.status === "failed" && !d.outcomeUnknown);
      if (again.length === 0) {
        return refused(
          q.destinations.some((d) => d.status === "failed")
            ? "outcome_unknown"
            : "nothing_to_retry",
        );
      }
      for (const d of again) {
        d.generation++;
        d.attempts = 0;
        c.enqueue(d, at(e.now), "new");
      }
      return c.accepted();
    }
    default: {
      if (isEditorial(status)) return notHere;
      const d = q.destinations.find((x) => x.id === e.destinationId);
      if (d === undefined) return refused("unknown_destination");
      const outcome = c.fact(d, e);
      if (outcome === "accepted") return c.accepted();
      if (typeof outcome === "object") return refused("too_early", outcome.tooEarly);
      return { kind: "ignored", ignored: outcome };
    }
  }
};

// ---------------------------------------------------------------------------------------------
// The three systems

/** What runs the events of a sequence: the three post systems, or the destination's. */
interface Systems<E> {
  take(m: Model, event: E): void;
}

class Real implements Systems<PostEvent> {
  constructor(
    /** The pure function's post. */
    public post: Post,
    /** The row `transition()` reads and writes, restored with `resolveState` each time. */
    public row: string,
    readonly actor: Actor<typeof postMachine>,
    readonly heard: Instruction[],
  ) {}
  take(m: Model, event: PostEvent): void {
    step(m, this, event);
  }
}

const emittedBy = (actions: readonly { type: string; params?: unknown }[]): Instruction[] =>
  actions.flatMap((a) =>
    a.type === "xstate.emit" ? [(a.params as { event: Instruction }).event] : [],
  );

/** Sends `event` to the three systems, requires they agree, and gives apply's decision. */
const runAll = (r: Real, event: PostEvent): { decision: Decision; before: Post } => {
  const before = r.post;
  const beforeJson = JSON.stringify(before);
  const decision = apply(before, event);
  expect(JSON.stringify(before), "apply never changes the post it is given").toBe(beforeJson);
  const takes = decision.ok && decision.ignored === undefined;
  if (decision.ok && !takes) {
    expect(decision.post, "an ignored fact gives back the very post").toBe(before);
    expect(decision.outbox).toEqual([]);
  }
  const after = takes ? decision.post : before;
  const outbox = takes ? decision.outbox : [];
  const afterJson = JSON.stringify(after);

  const stored = JSON.parse(r.row) as Post;
  const restored = postMachine.resolveState({ value: stored.status, context: stored });
  const [next, actions] = transition(postMachine, restored, event);
  expect(String(next.value), "transition(): status").toBe(after.status);
  expect(JSON.stringify(next.context), "transition(): context").toBe(afterJson);
  expect(emittedBy(actions), "transition(): emitted").toEqual(outbox);
  r.row = JSON.stringify(next.context);

  r.heard.length = 0;
  r.actor.send(event);
  const live = r.actor.getSnapshot();
  expect(live.status, "the actor is running").toBe("active");
  expect(String(live.value), "actor: status").toBe(after.status);
  expect(JSON.stringify(live.context), "actor: context").toBe(afterJson);
  expect(r.heard, "actor: emitted").toEqual(outbox);

  r.post = after;
  return { decision, before };
};

// ---------------------------------------------------------------------------------------------
// Checking one step

/** A destination as the model sees it, from what the system answered. */
const viewOfDestination = (d: Destination) => ({
  id: d.id,
  status: d.status,
  attempts: d.attempts,
  generation: d.generation,
  handedOut: d.idempotencyKey !== undefined,
  handOuts: d.status === "queued" ? (d.handOuts ?? null) : null,
  lookups: d.status === "unconfirmed" ? (d.lookups ?? null) : null,
  error: d.error?.code ?? null,
  outcomeUnknown: d.error?.outcomeUnknown === true,
  live:
    d.platformPostId === undefined
      ? []
      : [d.platformPostId, ...(d.duplicates ?? []).map((x) => x.platformPostId)],
  deadlineAt: d.deadlineAt ?? null,
  retryAt: d.nextRetryAt ?? null,
  startedAt: d.startedAt ?? null,
});

const viewOfDest = (d: DestModel): ReturnType<typeof viewOfDestination> => ({
  id: d.id,
  status: d.status,
  attempts: d.attempts,
  generation: d.generation,
  handedOut: d.handedOut,
  handOuts: d.status === "queued" ? d.handOuts : null,
  lookups: d.status === "unconfirmed" ? d.lookups : null,
  error: d.error,
  outcomeUnknown: d.outcomeUnknown,
  live: d.live,
  deadlineAt: d.deadlineAt === null ? null : iso(d.deadlineAt),
  retryAt: d.retryAt === null ? null : iso(d.retryAt),
  startedAt: d.startedAt === null ? null : iso(d.startedAt),
});

const viewOfPost = (post: Post) => ({
  status: post.status,
  revision: post.revision,
  scheduledAt: post.scheduledAt,
  approved: post.approvedAt !== null,
  destinations: post.destinations.map(viewOfDestination),
});

const viewOfModel = (p: PostModel): ReturnType<typeof viewOfPost> => ({
  status: modelStatus(p),
  revision: p.revision,
  scheduledAt: p.scheduledAt === null ? null : iso(p.scheduledAt),
  approved: p.approved,
  destinations: p.destinations.map(viewOfDest),
});

/** An instruction in the model's words; `undefined` for a deadline disarm (checked apart). */
const effectOf = (i: Instruction, w: World): string | undefined => {
  switch (i.type) {
    case "enqueue_delivery": {
      const same = w.keys.get(i.destinationId)?.at(-1) === i.idempotencyKey;
      return `enqueue_delivery ${i.destinationId} #${i.attempt} ${same ? "same" : "new"}`;
    }
    case "poll_media": // not made here: no fact of the model's is about media (test/media.test.ts)
    case "cancel_delivery":
    case "request_reconnect":
    case "report_duplicate":
    case "arm_deadline":
      return `${i.type} ${i.destinationId}`;
    case "request_reconciliation":
      return `request_reconciliation ${i.destinationId} #${i.attempt} lookup ${i.lookup}`;
    case "schedule_retry":
      return `schedule_retry ${i.destinationId} #${i.attempt}`;
    case "arm_schedule":
    case "disarm_schedule":
      return i.type;
    case "webhook":
      return `webhook ${i.event}${i.destinationId === undefined ? "" : ` ${i.destinationId}`}`;
    case "disarm_deadline":
      return undefined;
  }
};

const verdictOf = (d: Decision): string =>
  !d.ok
    ? `rejected ${d.rejection.reason}`
    : d.ignored !== undefined
      ? `ignored ${d.ignored}`
      : "accepted";

const expectedWords = (v: Verdict): string =>
  v.kind === "accepted"
    ? "accepted"
    : v.kind === "ignored"
      ? `ignored ${v.ignored}`
      : `rejected ${v.reason}`;

const armed = <K, V>(map: Map<string, Map<K, V>>, id: string): Map<K, V> => {
  let inner = map.get(id);
  if (inner === undefined) {
    inner = new Map();
    map.set(id, inner);
  }
  return inner;
};

/** The shell carries the outbox out: the world learns keys, jobs, timers and deadlines. */
const learn = (
  w: World,
  event: PostEvent | DestinationEvent,
  outbox: readonly Instruction[],
): void => {
  // A timer that fired and was taken is gone.
  if (event.type === "DEADLINE_PASSED") w.deadlines.get(event.destinationId)?.delete(event.jobKey);
  if (event.type === "DUE") {
    for (const [key, job] of w.schedule)
      if (job.revision === event.revision) w.schedule.delete(key);
  }
  for (const i of outbox) {
    switch (i.type) {
      case "enqueue_delivery": {
        const keys = w.keys.get(i.destinationId) ?? [];
        if (keys.at(-1) !== i.idempotencyKey) keys.push(i.idempotencyKey);
        w.keys.set(i.destinationId, keys);
        w.jobAttempt.set(i.destinationId, i.attempt);
        break;
      }
      case "schedule_retry":
        w.retryTimers.set(i.destinationId, {
          key: i.idempotencyKey,
          attempt: i.attempt,
          at: Date.parse(i.at),
        });
        break;
      case "request_reconciliation":
        w.lookupsAsked.set(i.destinationId, { key: i.idempotencyKey, attempt: i.attempt });
        break;
      case "arm_deadline":
        armed(w.deadlines, i.destinationId).set(i.jobKey, Date.parse(i.at));
        w.deadlineHistory.set(i.destinationId, [
          ...(w.deadlineHistory.get(i.destinationId) ?? []),
          i.jobKey,
        ]);
        break;
      case "disarm_deadline":
        expect(
          w.deadlines.get(i.destinationId)?.has(i.jobKey),
          `disarm_deadline ${i.jobKey} names a deadline that is armed`,
        ).toBe(true);
        w.deadlines.get(i.destinationId)?.delete(i.jobKey);
        break;
      case "arm_schedule":
        w.schedule.set(i.jobKey, { revision: i.revision, at: Date.parse(i.at) });
        w.scheduleHistory.push({ revision: i.revision, at: Date.parse(i.at) });
        break;
      case "disarm_schedule":
        w.schedule.delete(i.jobKey);
        break;
      default:
        break;
    }
  }
};

const countsOf = (post: Post): Record<DestinationStatus, number> => {
  const counts: Record<DestinationStatus, number> = {
    draft: 0,
    pending_approval: 0,
    scheduled: 0,
    queued: 0,
    publishing: 0,
    processing_media: 0,
    retrying: 0,
    unconfirmed: 0,
    published: 0,
    partially_published: 0,
    failed: 0,
    cancelled: 0,
  };
  for (const d of post.destinations) counts[d.status]++;
  return counts;
};

/**
 * The destinations' promises, on what the system answered, whatever the model says: one
 * published is never enqueued again, and one in flight waits under exactly one deadline.
 */
const checkDestinations = (
  before: readonly Destination[],
  after: readonly Destination[],
  outbox: readonly Instruction[],
  w: World,
) => {
  for (const i of outbox) {
    if (i.type !== "enqueue_delivery") continue;
    const was = before.find((d) => d.id === i.destinationId);
    const is = after.find((d) => d.id === i.destinationId);
    expect(was?.status, `${i.destinationId} published is never enqueued again`).not.toBe(
      "published",
    );
    expect(is?.status, `${i.destinationId} enqueued is queued`).toBe("queued");
  }
  for (const d of after) {
    const deadlines = [...(w.deadlines.get(d.id)?.entries() ?? [])];
    if (waits.includes(d.status)) {
      expect(deadlines, `${d.id} is ${d.status}: exactly one deadline is armed`).toEqual([
        [expect.any(String), Date.parse(d.deadlineAt ?? "")],
      ]);
    } else {
      expect(deadlines, `${d.id} is ${d.status}: no deadline is armed`).toEqual([]);
    }
  }
};

/** The post's promises: its destinations', its counts and status, and its DUE job. */
const checkPromises = (before: Post, post: Post, outbox: readonly Instruction[], w: World) => {
  checkDestinations(before.destinations, post.destinations, outbox, w);
  expect(post.counts, "counts are the destinations'").toEqual(countsOf(post));
  if (post.status !== "deleted") {
    expect(post.status, "the status is the one the destinations give").toBe(
      groupStatus(post.destinations.map((d) => d.status)),
    );
  }
  const jobs = [...w.schedule.values()];
  if (post.status === "scheduled") {
    expect(jobs, "a scheduled post has its DUE job armed, for this revision").toEqual([
      { revision: post.revision, at: Date.parse(post.scheduledAt ?? "") },
    ]);
  } else {
    expect(jobs, `a ${post.status} post has no DUE job armed`).toEqual([]);
  }
};

const reached = { post: new Set<string>(), destination: new Set<string>() };

/** The verdict the model expected, and when a refused timer is accepted from. */
const checkVerdict = (
  expected: Verdict,
  words: string,
  acceptedFrom: string | undefined,
  context: () => string,
) => {
  expect(words, context()).toBe(expectedWords(expected));
  if (expected.kind === "rejected" && expected.acceptedFrom !== undefined) {
    expect(acceptedFrom, `acceptedFrom of ${context()}`).toBe(iso(expected.acceptedFrom));
  }
};

/**
 * An accepted step's outbox, in the model's words, then its deadlines (when they pass) and
 * retry times (within the backoff's window; the jitter inside it is postlife's own, learned).
 */
const checkOutbox = (
  m: Model,
  expected: Extract<Verdict, { kind: "accepted" }>,
  outbox: readonly Instruction[],
  context: () => string,
) => {
  const effects = outbox.flatMap((i) => effectOf(i, m.world) ?? []);
  expect([...effects].sort(), `outbox of ${context()}`).toEqual([...expected.effects].sort());
  for (const i of outbox) {
    if (i.type === "arm_deadline") {
      expect(i.at, `deadline of ${i.destinationId}`).toBe(
        iso(expected.arms.get(i.destinationId) ?? Number.NaN),
      );
    }
    if (i.type === "schedule_retry") {
      const [from, to] = expected.retryWindows.get(i.destinationId) ?? [0, 0];
      const due = Date.parse(i.at);
      expect(due >= from && due <= to, `retry of ${i.destinationId} at ${i.at}`).toBe(true);
      const d = expected.post.destinations.find((x) => x.id === i.destinationId);
      if (d !== undefined) d.retryAt = due;
    }
  }
};

/** One act: predict, run the three systems, compare with the model, check the promises. */
const step = (m: Model, r: Real, event: PostEvent): void => {
  const expected = predict(m, event);
  const { decision, before } = runAll(r, event);
  const context = () =>
    `${JSON.stringify(event)}\nmodel before: ${JSON.stringify(viewOfModel(m.post))}`;
  const acceptedFrom = decision.ok
    ? undefined
    : (decision.rejection as { acceptedFrom?: string }).acceptedFrom;
  checkVerdict(expected, verdictOf(decision), acceptedFrom, context);
  if (expected.kind === "accepted" && decision.ok) {
    checkOutbox(m, expected, decision.outbox, context);
    expect(viewOfPost(decision.post), context()).toEqual(viewOfModel(expected.post));
    m.post = expected.post;
    learn(m.world, event, decision.outbox);
    checkPromises(before, decision.post, decision.outbox, m.world);
  }
  if ("destinationId" in event) m.world.facts.push(event);
  reached.post.add(r.post.status);
  for (const d of r.post.destinations) reached.destination.add(d.status);
};

// ---------------------------------------------------------------------------------------------
// The commands: people, workers and timers

type Cmd<E> = fc.Command<Model, Systems<E>>;

/** A command builds its event from the model and what the shell knows, at the next second. */
abstract class Act<E> implements Cmd<E> {
  check(_m: Readonly<Model>): boolean {
    return true;
  }
  abstract event(m: Model, now: string): E;
  run(m: Model, r: Systems<E>): void {
    m.clock += SECOND;
    r.take(m, this.event(m, iso(m.clock)));
  }
  abstract toString(): string;
}

/** A worker's report: workers hear of a post once delivery has begun. */
abstract class Fact extends Act<DeliveryFact> {
  override check(m: Readonly<Model>): boolean {
    return !isEditorial(modelStatus(m.post));
  }
}

const inputOf = (d: DestModel) => ({ id: d.id, platform: d.platform, accountId: d.accountId });

class EditContent extends Act<PostEvent> {
  constructor(readonly take: number) {
    super();
  }
  event(_m: Model, now: string): PostEvent {
    return {
      type: "EDIT",
      changes: { content: `Launch day, take ${this.take}` },
      now,
    };
  }
  override toString(): string {
    return `EDIT content (take ${this.take})`;
  }
}

class EditTime extends Act<PostEvent> {
  constructor(readonly minutes: number) {
    super();
  }
  event(m: Model, now: string): PostEvent {
    return {
      type: "EDIT",
      changes: { scheduledAt: iso(m.clock + this.minutes * MINUTE) },
      now,
    };
  }
  override toString(): string {
    return `EDIT scheduledAt (now + ${this.minutes} min)`;
  }
}

class AddDestination extends Act<PostEvent> {
  constructor(readonly platform: string) {
    super();
  }
  event(m: Model, now: string): PostEvent {
    const id = `d${m.nextId++}`;
    return {
      type: "EDIT",
      changes: {
        destinations: [
          ...m.post.destinations.map(inputOf),
          { id, platform: this.platform, accountId: `acct-${id}` },
        ],
      },
      now,
    };
  }
  override toString(): string {
    return `EDIT add a ${this.platform} destination`;
  }
}

class RemoveDestination extends Act<PostEvent> {
  constructor(readonly index: number) {
    super();
  }
  event(m: Model, now: string): PostEvent {
    const kept = m.post.destinations.filter(
      (_, i) => i !== this.index % Math.max(1, m.post.destinations.length),
    );
    return { type: "EDIT", changes: { destinations: kept.map(inputOf) }, now };
  }
  override toString(): string {
    return `EDIT remove destination #${this.index}`;
  }
}

class Schedule extends Act<PostEvent> {
  constructor(readonly minutes: number) {
    super();
  }
  event(m: Model, now: string): PostEvent {
    return {
      type: "SCHEDULE",
      at: iso(m.clock + this.minutes * MINUTE),
      now,
    };
  }
  override toString(): string {
    return `SCHEDULE (now + ${this.minutes} min)`;
  }
}

/** A command a person gives with no more than the time. */
class Plain extends Act<PostEvent> {
  constructor(
    readonly type:
      | "UNSCHEDULE"
      | "PUBLISH"
      | "SUBMIT_FOR_APPROVAL"
      | "APPROVE"
      | "REJECT"
      | "CANCEL"
      | "DELETE"
      | "RETRY_FAILED",
  ) {
    super();
  }
  event(_m: Model, now: string): PostEvent {
    switch (this.type) {
      case "UNSCHEDULE":
      case "REJECT":
      case "CANCEL":
      case "DELETE":
        return { type: this.type };
      default:
        return { type: this.type, now };
    }
  }
  override toString(): string {
    return this.type;
  }
}

/** The clock moves to `at` when a timer fires on time; an early one fires now. */
const fire = (m: Model, at: number, early: boolean): string => {
  if (!early) m.clock = Math.max(m.clock, at);
  return iso(m.clock);
};

class Due extends Act<PostEvent> {
  constructor(
    readonly early: boolean,
    readonly old: boolean,
  ) {
    super();
  }
  override check(m: Readonly<Model>): boolean {
    return m.world.scheduleHistory.length > 0;
  }
  event(m: Model): PostEvent {
    const job = this.old ? m.world.scheduleHistory[0] : [...m.world.schedule.values()][0];
    const revision = job?.revision ?? m.post.revision;
    return { type: "DUE", revision, now: fire(m, job?.at ?? m.clock, this.early) };
  }
  override toString(): string {
    return `DUE (${this.old ? "oldest job" : "armed job"}${this.early ? ", early" : ""})`;
  }
}

const destId = (m: Model, index: number): string =>
  m.post.destinations[index % Math.max(1, m.post.destinations.length)]?.id ?? "d-none";

/**
 * The identity a worker echoes: the job it was given, if any (`late`: the attempt before it,
 * a report that arrives after the next attempt was handed out; `oldest`: the first key the
 * destination was ever given, before any manual retry).
 */
const jobOf = (m: Model, id: string, of: "job" | "late" | "oldest" = "job") => {
  const keys = m.world.keys.get(id);
  const attempt = m.world.jobAttempt.get(id);
  const idempotencyKey = of === "oldest" ? keys?.[0] : keys?.at(-1);
  if (idempotencyKey === undefined || attempt === undefined) return {};
  return { idempotencyKey, attempt: of === "late" ? Math.max(1, attempt - 1) : attempt };
};

class Started extends Fact {
  constructor(
    readonly index: number,
    readonly late: boolean,
  ) {
    super();
  }
  event(m: Model, now: string): DeliveryFact {
    const destinationId = destId(m, this.index);
    const identity = jobOf(m, destinationId, this.late ? "late" : "job");
    return { type: "DELIVERY_STARTED", destinationId, ...identity, now };
  }
  override toString(): string {
    return `DELIVERY_STARTED #${this.index}${this.late ? " (the attempt before)" : ""}`;
  }
}

class Succeeded extends Fact {
  constructor(
    readonly index: number,
    readonly which: "A" | "B",
    readonly oldestKey: boolean,
  ) {
    super();
  }
  event(m: Model, now: string): DeliveryFact {
    const destinationId = destId(m, this.index);
    return {
      type: "DELIVERY_SUCCEEDED",
      destinationId,
      ...jobOf(m, destinationId, this.oldestKey ? "oldest" : "job"),
      platformPostId: `${destinationId}-${this.which}`,
      now,
    };
  }
  override toString(): string {
    return `DELIVERY_SUCCEEDED #${this.index} as ${this.which}${this.oldestKey ? " (oldest key)" : ""}`;
  }
}

class Failed extends Fact {
  constructor(
    readonly index: number,
    readonly kind: FailureKind,
    readonly late: boolean,
  ) {
    super();
  }
  event(m: Model, now: string): DeliveryFact {
    const destinationId = destId(m, this.index);
    return {
      type: "DELIVERY_FAILED",
      destinationId,
      ...jobOf(m, destinationId, this.late ? "late" : "job"),
      error: failures[this.kind],
      now,
    };
  }
  override toString(): string {
    return `DELIVERY_FAILED #${this.index} (${this.kind}${this.late ? ", the attempt before" : ""})`;
  }
}

class RetryDue extends Act<DeliveryFact> {
  constructor(
    readonly index: number,
    readonly early: boolean,
  ) {
    super();
  }
  override check(m: Readonly<Model>): boolean {
    return m.world.retryTimers.size > 0;
  }
  event(m: Model): DeliveryFact {
    const destinationId = destId(m, this.index);
    const timer = m.world.retryTimers.get(destinationId);
    const identity =
      timer === undefined ? {} : { idempotencyKey: timer.key, attempt: timer.attempt };
    return {
      type: "RETRY_DUE",
      destinationId,
      ...identity,
      now: fire(m, timer?.at ?? m.clock, this.early),
    };
  }
  override toString(): string {
    return `RETRY_DUE #${this.index}${this.early ? " (early)" : ""}`;
  }
}

class Reconciled extends Fact {
  constructor(
    readonly index: number,
    readonly found: "A" | "B" | null,
  ) {
    super();
  }
  event(m: Model, now: string): DeliveryFact {
    const destinationId = destId(m, this.index);
    const asked = m.world.lookupsAsked.get(destinationId);
    const identity =
      asked === undefined ? {} : { idempotencyKey: asked.key, attempt: asked.attempt };
    return {
      type: "RECONCILED",
      destinationId,
      ...identity,
      found: this.found === null ? null : { platformPostId: `${destinationId}-${this.found}` },
      now,
    };
  }
  override toString(): string {
    return `RECONCILED #${this.index} (${this.found ?? "not found"})`;
  }
}

class DeadlinePassed extends Act<DeliveryFact> {
  constructor(
    readonly index: number,
    readonly early: boolean,
    readonly old: boolean,
  ) {
    super();
  }
  override check(m: Readonly<Model>): boolean {
    return m.world.deadlineHistory.size > 0;
  }
  event(m: Model): DeliveryFact {
    const destinationId = destId(m, this.index);
    const armedNow = [...(m.world.deadlines.get(destinationId)?.entries() ?? [])][0];
    const older = (m.world.deadlineHistory.get(destinationId) ?? []).find(
      (key) => key !== armedNow?.[0],
    );
    const [jobKey, at] =
      this.old && older !== undefined ? [older, m.clock] : (armedNow ?? ["no-such-job", m.clock]);
    return { type: "DEADLINE_PASSED", destinationId, jobKey, now: fire(m, at, this.early) };
  }
  override toString(): string {
    return `DEADLINE_PASSED #${this.index}${this.old ? " (an older deadline)" : ""}${this.early ? " (early)" : ""}`;
  }
}

/**
 * A fact that names no attempt or key (a vendor's webhook, a late poll), sent in any status,
 * to any destination or to one the post does not have.
 */
class StrayFact extends Act<DeliveryFact> {
  constructor(
    readonly index: number,
    readonly type: Exclude<DeliveryFact["type"], "MEDIA_STATUS">,
  ) {
    super();
  }
  event(m: Model, now: string): DeliveryFact {
    const destinationId = this.index === 3 ? "d-unknown" : destId(m, this.index);
    switch (this.type) {
      case "DELIVERY_STARTED":
      case "RETRY_DUE":
        return { type: this.type, destinationId, now };
      case "DELIVERY_SUCCEEDED":
        return { type: this.type, destinationId, platformPostId: `${destinationId}-A`, now };
      case "DELIVERY_FAILED":
        return { type: this.type, destinationId, error: failures.server, now };
      case "RECONCILED":
        return { type: this.type, destinationId, found: null, now };
      case "DEADLINE_PASSED":
        return { type: this.type, destinationId, jobKey: "no-such-job", now };
    }
  }
  override toString(): string {
    return `${this.type} #${this.index}, naming no attempt`;
  }
}

/**
 * A delivery fact sent before, delivered again as it was: a webhook's retry, a job the queue
 * hands out twice, a report that arrives late. `back` counts from the last one.
 */
class Replay implements Cmd<DeliveryFact> {
  constructor(readonly back: number) {}
  check(m: Readonly<Model>): boolean {
    return m.world.facts.length > 0;
  }
  run(m: Model, r: Systems<DeliveryFact>): void {
    m.clock += SECOND;
    const facts = m.world.facts;
    r.take(m, facts[Math.max(0, facts.length - 1 - this.back)] as DeliveryFact);
  }
  toString(): string {
    return this.back === 0
      ? "the last fact, again"
      : `the fact ${this.back} before the last, again`;
  }
}

const platforms = ["x", "linkedin", "bluesky", "mastodon", "threads"] as const;
const index = fc.nat(3);

const rarely = fc.constantFrom(false, false, false, true);

/** What workers, webhooks and timers report: most entries, as delivery is where most goes wrong. */
const factArbs: fc.Arbitrary<Cmd<DeliveryFact>>[] = [
  ...[1, 2].map(() => fc.tuple(index, rarely).map(([i, late]) => new Started(i, late))),
  fc
    .tuple(index, fc.constantFrom("A" as const, "B" as const), fc.boolean())
    .map(([i, which, oldest]) => new Succeeded(i, which, oldest)),
  ...[1, 2].map(() =>
    fc
      .tuple(index, fc.constantFrom(...(Object.keys(failures) as FailureKind[])), rarely)
      .map(([i, kind, late]) => new Failed(i, kind, late)),
  ),
  ...[1, 2].map(() => fc.tuple(index, rarely).map(([i, early]) => new RetryDue(i, early))),
  fc
    .tuple(index, fc.constantFrom("A" as const, "B" as const, null, null))
    .map(([i, found]) => new Reconciled(i, found)),
  ...[1, 2].map(() =>
    fc.tuple(index, rarely, rarely).map(([i, early, old]) => new DeadlinePassed(i, early, old)),
  ),
  fc.nat(3).map((back) => new Replay(back)),
  fc
    .tuple(
      index,
      fc.constantFrom(
        ...([
          "DELIVERY_STARTED",
          "DELIVERY_SUCCEEDED",
          "DELIVERY_FAILED",
          "RETRY_DUE",
          "RECONCILED",
          "DEADLINE_PASSED",
        ] as const),
      ),
    )
    .map(([i, type]) => new StrayFact(i, type)),
];

/** One entry per kind of act of people and of the DUE job, then the facts. */
const commandArbs: fc.Arbitrary<Cmd<PostEvent>>[] = [
  fc.oneof(
    fc.nat(9).map((n): Cmd<PostEvent> => new EditContent(n)),
    fc.integer({ min: -2, max: 90 }).map((n): Cmd<PostEvent> => new EditTime(n)),
    fc.constantFrom(...platforms).map((p): Cmd<PostEvent> => new AddDestination(p)),
    index.map((i): Cmd<PostEvent> => new RemoveDestination(i)),
  ),
  fc.integer({ min: -2, max: 90 }).map((n) => new Schedule(n)),
  fc
    .constantFrom(...(["UNSCHEDULE", "REJECT", "CANCEL", "DELETE"] as const))
    .map((type) => new Plain(type)),
  fc
    .constantFrom(...(["PUBLISH", "SUBMIT_FOR_APPROVAL", "APPROVE"] as const))
    .map((type) => new Plain(type)),
  ...[1, 2].map(() => fc.constant(new Plain("RETRY_FAILED"))),
  fc.tuple(rarely, rarely).map(([early, old]) => new Due(early, old)),
  ...factArbs,
];

const setupArb = fc.record({
  platforms: fc.array(fc.constantFrom(...platforms), { minLength: 1, maxLength: 3 }),
  requiresApproval: fc.constantFrom(false, false, false, true),
  planned: fc.boolean(),
  maxAttempts: fc.integer({ min: 1, max: 3 }),
  maxHandOuts: fc.integer({ min: 1, max: 2 }),
  maxLookups: fc.integer({ min: 1, max: 2 }),
  /** Half the runs start from a draft, half from a post just published (or submitted and approved). */
  opening: fc.constantFrom("draft" as const, "delivery" as const),
});
type Setup = typeof setupArb extends fc.Arbitrary<infer T> ? T : never;

const setupOf = (s: Setup) => (): { model: Model; real: Real } => {
  const limits: Limits = {
    maxAttempts: s.maxAttempts,
    maxHandOuts: s.maxHandOuts,
    maxLookups: s.maxLookups,
  };
  const destinations = s.platforms.map((platform, i) => newDest(`d${i}`, platform, "draft"));
  const scheduledAt = s.planned ? T0 + 30 * MINUTE : null;
  const input: PostInput = {
    id: "post-1",
    content: "Launch day",
    destinations: destinations.map(inputOf),
    requiresApproval: s.requiresApproval,
    scheduledAt: scheduledAt === null ? null : iso(scheduledAt),
    retry: { ...policy, ...limits },
  };
  const created = createPost(input);
  if (!created.ok) throw new Error(created.rejection.message);
  const heard: Instruction[] = [];
  const actor = createActor(postMachine, { input });
  actor.on("*", (instruction) => heard.push(instruction));
  actor.start();
  const [initial] = initialTransition(postMachine, input);
  const row = JSON.stringify(created.post);
  expect(JSON.stringify(actor.getSnapshot().context), "the actor starts from createPost's").toBe(
    row,
  );
  expect(JSON.stringify(initial.context), "initialTransition starts from createPost's").toBe(row);
  const model: Model = {
    post: {
      deleted: false,
      revision: 0,
      requiresApproval: s.requiresApproval,
      approved: false,
      scheduledAt,
      destinations,
    },
    world: newWorld(),
    limits,
    clock: T0,
    nextId: s.platforms.length,
  };
  const real = new Real(created.post, row, actor, heard);
  if (s.opening === "delivery") {
    const opening = s.requiresApproval
      ? (["SUBMIT_FOR_APPROVAL", "APPROVE"] as const)
      : (["PUBLISH"] as const);
    for (const type of opening) new Plain(type).run(model, real);
  }
  return { model, real };
};

describe("a post, driven by people and workers, against a model of it", () => {
  test.prop([setupArb, fc.commands(commandArbs, { maxCommands: MAX_COMMANDS, size: "max" })], {
    numRuns: RUNS,
  })("apply, transition() and an actor agree with the model, step by step", (setup, cmds) => {
    fc.modelRun(setupOf(setup), cmds);
  });

  it.runIf(RUNS >= 100)("the runs reached every post and destination status", () => {
    expect([...reached.post].sort()).toEqual(
      [
        "draft",
        "pending_approval",
        "scheduled",
        "queued",
        "publishing",
        "published",
        "partially_published",
        "failed",
        "cancelled",
        "deleted",
      ].sort(),
    );
    expect([...reached.destination].sort()).toEqual(
      [
        "draft",
        "pending_approval",
        "scheduled",
        "queued",
        "publishing",
        "retrying",
        "unconfirmed",
        "published",
        "failed",
        "cancelled",
      ].sort(),
    );
  });
});

// =============================================================================================
// One destination: `stepDestination`, `transition(destinationMachine, …)` and a live actor of
// it, against the same model of a destination, driven by what its post sends it and by the
// same workers and timers.

/** The key a post gives a destination in generation `generation` (README: post:dest:rev:gen). */
const keyFor = (id: string, generation: number): string => `post-1:${id}:0:${generation}`;

/** What the model says one event does to the destination (docs/lifecycle.md's table). */
const predictDestination = (m: Model, e: DestinationEvent): Verdict => {
  const c = new Change(m.post, m.limits, m.world);
  const d = c.post.destinations[0] as DestModel;
  const notHere = refused("not_allowed_in_status");
  switch (e.type) {
    case "SUBMIT_FOR_APPROVAL":
      if (d.status !== "draft") return notHere;
      d.status = "pending_approval";
      return c.accepted(false);
    case "SCHEDULE":
      if (!isEditorial(d.status)) return notHere;
      d.status = "scheduled";
      return c.accepted(false);
    case "RETURN_TO_DRAFT":
      if (d.status !== "pending_approval" && d.status !== "scheduled") return notHere;
      d.status = "draft";
      return c.accepted(false);
    case "ENQUEUE":
      if (!isEditorial(d.status)) return notHere;
      c.enqueue(d, Date.parse(e.now), "new");
      return c.accepted(false);
    case "CANCEL":
      if (!cancellable(d)) return notHere;
      c.cancel(d);
      return c.accepted(false);
    case "RETRY_FAILED":
      if (d.status !== "failed") return notHere;
      if (d.outcomeUnknown) return refused("outcome_unknown");
      d.generation++;
      d.attempts = 0;
      c.enqueue(d, Date.parse(e.now), "new");
      return c.accepted(false);
    default: {
      if (isEditorial(d.status)) return notHere;
      const outcome = c.fact(d, e);
      if (outcome === "accepted") return c.accepted(false);
      if (typeof outcome === "object") return refused("too_early", outcome.tooEarly);
      return { kind: "ignored", ignored: outcome };
    }
  }
};

const stepWords = (s: DestinationStep): string =>
  s.kind === "accepted"
    ? "accepted"
    : s.kind === "ignored"
      ? `ignored ${s.ignored}`
      : `rejected ${s.reason}`;

class DestinationReal implements Systems<DestinationEvent> {
  constructor(
    /** The pure function's destination, in its context. */
    public context: DestinationContext,
    /** The row `transition()` reads and writes. */
    public row: string,
    readonly actor: Actor<typeof destinationMachine>,
    readonly heard: Instruction[],
  ) {}

  take(m: Model, event: DestinationEvent): void {
    const expected = predictDestination(m, event);
    const before = this.context;
    const beforeJson = JSON.stringify(before);
    const taken = stepDestination(before, event);
    expect(JSON.stringify(before), "stepDestination never changes its input").toBe(beforeJson);
    const after = taken.kind === "accepted" ? taken.destination : before.destination;
    const outbox = taken.kind === "accepted" ? taken.outbox : [];
    const afterJson = JSON.stringify(after);

    const stored = JSON.parse(this.row) as DestinationContext;
    const restored = destinationMachine.resolveState({
      value: stored.destination.status,
      context: stored,
    });
    const [next, actions] = transition(destinationMachine, restored, event);
    expect(String(next.value), "transition(): status").toBe(after.status);
    expect(JSON.stringify(next.context.destination), "transition(): destination").toBe(afterJson);
    expect(emittedBy(actions), "transition(): emitted").toEqual(outbox);
    this.row = JSON.stringify(next.context);

    this.heard.length = 0;
    this.actor.send(event);
    const live = this.actor.getSnapshot();
    expect(live.status, "the actor is running").toBe("active");
    expect(String(live.value), "actor: status").toBe(after.status);
    expect(JSON.stringify(live.context.destination), "actor: destination").toBe(afterJson);
    expect(this.heard, "actor: emitted").toEqual(outbox);
    this.context = { ...before, destination: after };

    const context = () =>
      `${JSON.stringify(event)}\nmodel before: ${JSON.stringify(viewOfModel(m.post))}`;
    const acceptedFrom =
      taken.kind === "rejected" && "acceptedFrom" in taken ? taken.acceptedFrom : undefined;
    checkVerdict(expected, stepWords(taken), acceptedFrom, context);
    if (expected.kind === "accepted" && taken.kind === "accepted") {
      checkOutbox(m, expected, outbox, context);
      expect(viewOfDestination(after), context()).toEqual(
        viewOfDest(expected.post.destinations[0] as DestModel),
      );
      m.post = expected.post;
      learn(m.world, event, outbox);
      checkDestinations([before.destination], [after], outbox, m.world);
    }
    if ("destinationId" in event) m.world.facts.push(event);
  }
}

/** What a post sends its destination: the editorial moves, the hand-out, a cancel, a retry. */
class PostSends extends Act<DestinationEvent> {
  constructor(
    readonly type:
      | "SUBMIT_FOR_APPROVAL"
      | "SCHEDULE"
      | "RETURN_TO_DRAFT"
      | "ENQUEUE"
      | "CANCEL"
      | "RETRY_FAILED",
  ) {
    super();
  }
  event(m: Model, now: string): DestinationEvent {
    const d = m.post.destinations[0] as DestModel;
    switch (this.type) {
      case "ENQUEUE":
        return { type: this.type, idempotencyKey: keyFor(d.id, d.generation), now };
      case "RETRY_FAILED":
        return { type: this.type, idempotencyKey: keyFor(d.id, d.generation + 1), now };
      default:
        return { type: this.type };
    }
  }
  override toString(): string {
    return this.type;
  }
}

const destinationCommandArbs: fc.Arbitrary<Cmd<DestinationEvent>>[] = [
  fc
    .constantFrom(
      ...([
        "SUBMIT_FOR_APPROVAL",
        "SCHEDULE",
        "RETURN_TO_DRAFT",
        "ENQUEUE",
        "CANCEL",
        "RETRY_FAILED",
      ] as const),
    )
    .map((type) => new PostSends(type)),
  ...[1, 2].map(() => fc.constant(new PostSends("RETRY_FAILED"))),
  ...factArbs,
];

const destinationSetupArb = fc.record({
  platform: fc.constantFrom(...platforms),
  maxAttempts: fc.integer({ min: 1, max: 3 }),
  maxHandOuts: fc.integer({ min: 1, max: 2 }),
  maxLookups: fc.integer({ min: 1, max: 2 }),
  queued: fc.boolean(),
});
type DestinationSetup = typeof destinationSetupArb extends fc.Arbitrary<infer T> ? T : never;

const destinationSetupOf = (s: DestinationSetup) => (): { model: Model; real: DestinationReal } => {
  const limits: Limits = {
    maxAttempts: s.maxAttempts,
    maxHandOuts: s.maxHandOuts,
    maxLookups: s.maxLookups,
  };
  const retry: RetryPolicy = { ...policy, ...limits, callTimeoutMsByPlatform: {} };
  const destination: Destination = {
    id: "d0",
    platform: s.platform,
    accountId: "acct-d0",
    postType: "post",
    status: "draft",
    attempts: 0,
    generation: 0,
  };
  const context: DestinationContext = { postId: "post-1", revision: 0, retry, destination };
  const heard: Instruction[] = [];
  const actor = createActor(destinationMachine, { input: context });
  actor.on("*", (instruction) => heard.push(instruction));
  actor.start();
  expect(actor.getSnapshot().context.destination, "the actor starts from its input").toEqual(
    destination,
  );
  const model: Model = {
    post: {
      deleted: false,
      revision: 0,
      requiresApproval: false,
      approved: false,
      scheduledAt: null,
      destinations: [newDest("d0", s.platform, "draft")],
    },
    world: newWorld(),
    limits,
    clock: T0,
    nextId: 1,
  };
  const real = new DestinationReal(context, JSON.stringify(context), actor, heard);
  if (s.queued) new PostSends("ENQUEUE").run(model, real);
  return { model, real };
};

describe("one destination, driven by its post, workers and timers, against the same model", () => {
  test.prop(
    [
      destinationSetupArb,
      fc.commands(destinationCommandArbs, { maxCommands: MAX_COMMANDS, size: "max" }),
    ],
    { numRuns: RUNS },
  )("stepDestination, transition() and an actor agree with the model", (setup, cmds) => {
    fc.modelRun(destinationSetupOf(setup), cmds);
  });
});
