/**
 * The service around postlife, as a careful team builds it: a store with
 * versions (load, apply, compare-and-set, retry on conflict), an outbox
 * relayed at least once and in order per post, a job queue that leases jobs
 * and hands them out again when a lease expires, timers, and look-ups. Its
 * faults are the ones production has; its duty is the embedding guide's.
 */
import { type MediaAnswer, mediaFact } from "../../destination/media-fact.js";
import { reportedLive } from "../../destination/rules.js";
import type { Decision } from "../../domain/decision.js";
import type { DeliveryFact, PostEvent } from "../../domain/event.js";
import { formatInstant } from "../../domain/instant.js";
import type {
  EnqueueDelivery,
  Instruction,
  PollMedia,
  RequestReconciliation,
} from "../../domain/instruction.js";
import type { Post } from "../../domain/post.js";
import { textOf } from "../../internal/text-of.js";
import type { Choices } from "./choices.js";
import { acceptedProblem, checkDecision, decisionProblem, invariants } from "./invariants.js";
import type { SimulationConfig } from "./options.js";
import type { Trace } from "./trace.js";

/** A post as the store keeps it, with the version compare-and-set uses. */
export interface Row {
  post: Post;
  version: number;
}

/** A decision taken against one version of a post, waiting to be committed. */
export interface Txn {
  readonly postId: string;
  readonly event: PostEvent;
  readonly by: string;
  version: number;
  decision: Decision;
  readonly then: (decision: Decision) => void;
}

export interface Job {
  readonly id: string;
  readonly instruction: EnqueueDelivery;
  state: "ready" | "leased";
  visibleAt: number;
  leasedUntil: number;
  cancelled: boolean;
}

export interface LookupJob {
  readonly id: string;
  readonly instruction: RequestReconciliation;
  readonly visibleAt: number;
}

export interface Timer {
  readonly key: string;
  readonly postId: string;
  readonly at: number;
  /** The idempotency key of the delivery it belongs to, when it does (removed with it). */
  readonly delivery?: string;
  /**
   * A media poll: a job like a look-up, not a deadline postlife disarms. One
   * that runs after the wait ended is answered and ignored as stale.
   */
  readonly poll?: true;
  readonly event: (now: string) => PostEvent;
}

/** A fact on its way to the service from outside (a webhook, a status poll), due at `at`. */
export interface Arrival {
  readonly at: number;
  readonly postId: string;
  readonly fact: DeliveryFact;
  readonly from: string;
}

/** What the service heard and did, for the invariants. */
export interface Ledger {
  /** Platform post ids the service heard of, per destination (`postId/destinationId`). */
  readonly heard: Map<string, Set<string>>;
  /** Duplicates reported by report_duplicate, per destination. */
  readonly reported: Map<string, Set<string>>;
  /** Accepted facts per destination and generation (`postId/destinationId#generation`). */
  readonly facts: Map<string, number>;
  /** Job keys the outbox ever disarmed. */
  readonly disarmed: Set<string>;
  /** Accounts whose owner was asked to reconnect, and when. */
  readonly reconnects: { accountId: string; at: number }[];
}

const leaseMs = 5 * 60_000;

export class Service {
  readonly rows = new Map<string, Row>();
  readonly pending: Txn[] = [];
  readonly outbox = new Map<string, Instruction[]>();
  readonly jobs = new Map<string, Job>();
  /** Ids of jobs done: the queue drops a job added again under one (as pg-boss's ids do). */
  readonly completed = new Set<string>();
  readonly lookups = new Map<string, LookupJob>();
  readonly timers = new Map<string, Timer>();
  readonly arrivals: Arrival[] = [];
  readonly ledger: Ledger = {
    heard: new Map(),
    reported: new Map(),
    facts: new Map(),
    disarmed: new Set(),
    reconnects: [],
  };
  now: number;
  /** Counts what changed the world (a commit, a row carried out): the invariants run after each. */
  changes = 0;
  /** Posts stored since the invariants last looked. */
  readonly touched = new Set<string>();

  constructor(
    readonly config: SimulationConfig,
    readonly trace: Trace,
    start: number,
    /** Reports a broken promise of the decision under test. */
    readonly violation: (invariant: string, message: string) => void,
  ) {
    this.now = start;
  }

  private isoAt = Number.NaN;
  private isoNow = "";

  iso(ms: number = this.now): string {
    if (ms !== this.now) return formatInstant(ms);
    if (this.isoAt !== ms) {
      this.isoAt = ms;
      this.isoNow = formatInstant(ms);
    }
    return this.isoNow;
  }

  /**
   * Asks the handler under test, as the service's transaction does. A throw
   * or an answer that is not a Decision breaks a promise; the service goes
   * on as if the event had been refused.
   */
  private decide(post: Post, event: PostEvent): Decision {
    const refused: Decision = {
      ok: false,
      rejection: {
        reason: "malformed_event",
        message: "the handler gave no decision",
        status: post.status,
        eventType: event.type,
      },
    };
    let answer: unknown;
    try {
      answer = this.config.apply(post, event);
    } catch (thrown) {
      const why = textOf(thrown instanceof Error ? thrown.message : thrown);
      this.violation(invariants.throws, `apply threw on ${event.type}: ${why}`);
      return refused;
    }
    const problem = decisionProblem(answer);
    if (problem !== undefined) {
      this.violation(invariants.decides, `apply, given ${event.type}, ${problem}`);
      return refused;
    }
    const decision = answer as Decision;
    const stored = acceptedProblem(decision);
    if (stored !== undefined) {
      this.violation(stored.invariant, `${event.type} → ${stored.message}`);
      return refused;
    }
    return decision;
  }

  /** Loads the post and decides the event now; `commit` stores it later, as a transaction. */
  handle(
    postId: string,
    event: PostEvent,
    by: string,
    then: (d: Decision) => void = () => {},
  ): void {
    const row = this.rows.get(postId);
    if (row === undefined) return;
    const frozen = deepFreeze(event);
    this.pending.push({
      postId,
      event: frozen,
      by,
      version: row.version,
      decision: this.decide(row.post, frozen),
      then,
    });
  }

  /** Commits a pending transaction: on a version conflict, decides again from a fresh load. */
  commit(txn: Txn): void {
    const row = this.rows.get(txn.postId) as Row;
    if (row.version !== txn.version) {
      txn.version = row.version;
      txn.decision = this.decide(row.post, txn.event);
      this.trace.add(() => `${txn.by}: conflict on ${txn.postId}, decided again`);
      return;
    }
    this.pending.splice(this.pending.indexOf(txn), 1);
    this.changes++;
    const decision = txn.decision;
    const problem = checkDecision(row.post, txn);
    if (problem !== undefined) this.violation(problem.invariant, problem.message);
    this.trace.add(() => `${txn.by}: ${describeEvent(txn.event)} → ${describeDecision(decision)}`);
    if (decision.ok) {
      this.noteHeard(txn.postId, txn.event);
      if (decision.ignored === undefined) {
        this.noteFact(row.post, txn.event);
        row.post = deepFreeze(decision.post);
        row.version++;
        this.touched.add(txn.postId);
        if (decision.outbox.length > 0) {
          const queue = this.outbox.get(txn.postId) ?? [];
          queue.push(...decision.outbox);
          this.outbox.set(txn.postId, queue);
        }
      }
    }
    txn.then(decision);
  }

  private noteHeard(postId: string, event: PostEvent): void {
    const id = reportedLive(event);
    if (id === undefined || !("destinationId" in event)) return;
    const key = `${postId}/${event.destinationId}`;
    const heard = this.ledger.heard.get(key) ?? new Set();
    heard.add(id);
    this.ledger.heard.set(key, heard);
  }

  private noteFact(before: Post, event: PostEvent): void {
    if (!("destinationId" in event)) return;
    const d = before.destinations.find((x) => x.id === event.destinationId);
    if (d === undefined) return;
    const key = `${before.id}/${d.id}#${d.generation}`;
    this.ledger.facts.set(key, (this.ledger.facts.get(key) ?? 0) + 1);
  }

  /** Carries out the oldest outbox row of `postId`, at least once. */
  relay(choices: Choices, postId: string): void {
    const queue = this.outbox.get(postId) ?? [];
    const instruction = queue[0];
    if (instruction === undefined) return;
    this.changes++;
    this.carryOut(choices, postId, instruction);
    if (choices.chance(this.config.faults.relayRepeats)) {
      this.trace.add(() => `relay: crashed before marking ${instruction.type} done`);
      return;
    }
    queue.shift();
    if (queue.length === 0) this.outbox.delete(postId);
  }

  private carryOut(choices: Choices, postId: string, i: Instruction): void {
    this.trace.add(() => `relay ${postId}: ${describeInstruction(i)}`);
    switch (i.type) {
      case "arm_schedule":
        this.arm({
          key: i.jobKey,
          postId,
          at: Date.parse(i.at),
          event: (now) => ({ type: "DUE", now, revision: i.revision }),
        });
        return;
      case "disarm_schedule":
      case "disarm_deadline":
        this.ledger.disarmed.add(i.jobKey);
        this.timers.delete(i.jobKey);
        return;
      case "enqueue_delivery": {
        const id = `${i.idempotencyKey}#${i.attempt}`;
        if (this.jobs.has(id) || this.completed.has(id)) return; // a job id names one job
        if (choices.chance(this.config.faults.jobLost)) {
          this.trace.add(() => `queue: lost ${id}`);
          return;
        }
        this.jobs.set(id, {
          id,
          instruction: i,
          state: "ready",
          visibleAt: this.now,
          leasedUntil: 0,
          cancelled: false,
        });
        return;
      }
      case "cancel_delivery":
        for (const job of this.jobs.values()) {
          if (job.instruction.idempotencyKey === i.idempotencyKey) job.cancelled = true;
        }
        for (const [key, timer] of this.timers) {
          if (timer.delivery === i.idempotencyKey) this.timers.delete(key);
        }
        return;
      case "schedule_retry":
        this.arm({
          key: `${i.idempotencyKey}#retry-${i.attempt}`,
          postId,
          at: Date.parse(i.at),
          delivery: i.idempotencyKey,
          event: (now) => ({
            type: "RETRY_DUE",
            destinationId: i.destinationId,
            attempt: i.attempt,
            idempotencyKey: i.idempotencyKey,
            now,
          }),
        });
        return;
      case "poll_media": {
        if (choices.chance(this.config.faults.lookupLost)) {
          this.trace.add(() => `poll ${i.containerId} (${i.poll}) is lost`);
          return;
        }
        this.arm({
          key: `${i.idempotencyKey}#media#${i.poll}`,
          postId,
          at: Date.parse(i.at),
          delivery: i.idempotencyKey,
          poll: true,
          // The platform answers at the time the poll runs, early or late.
          event: (now) =>
            mediaFact(i, this.mediaAnswer(i, Date.parse(now)) ?? { status: "IN_PROGRESS", now }),
        });
        return;
      }
      case "request_reconciliation": {
        const id = `${i.idempotencyKey}#${i.attempt}#${i.lookup}`;
        if (!this.lookups.has(id))
          this.lookups.set(id, { id, instruction: i, visibleAt: this.now });
        return;
      }
      case "arm_deadline":
        this.arm({
          key: i.jobKey,
          postId,
          at: Date.parse(i.at),
          event: (now) => ({
            type: "DEADLINE_PASSED",
            destinationId: i.destinationId,
            jobKey: i.jobKey,
            now,
          }),
        });
        return;
      case "request_reconnect":
        this.ledger.reconnects.push({ accountId: i.accountId, at: this.now });
        return;
      case "report_duplicate": {
        const key = `${postId}/${i.destinationId}`;
        const reported = this.ledger.reported.get(key) ?? new Set();
        reported.add(i.duplicatePlatformPostId);
        this.ledger.reported.set(key, reported);
        return;
      }
      case "webhook":
        return;
    }
  }

  /** What the platform's status endpoint answers about a poll's media at a time (the scenario's platform). */
  mediaAnswer: (poll: PollMedia, at: number) => MediaAnswer | undefined = () => undefined;

  private arm(timer: Timer): void {
    // A timer armed twice under one key is one timer (a job key is the job's name).
    if (!this.timers.has(timer.key)) this.timers.set(timer.key, timer);
  }

  /** A worker leases a job; with the fault, the queue leaves it visible to a second worker. */
  lease(choices: Choices, job: Job): void {
    if (choices.chance(this.config.faults.jobHandedTwice)) return;
    job.state = "leased";
    job.leasedUntil = this.now + leaseMs;
  }

  /** Leases that expired put their jobs back: at-least-once delivery. */
  expireLeases(): void {
    for (const job of this.jobs.values()) {
      if (job.cancelled && job.state === "ready") this.jobs.delete(job.id);
      else if (job.state === "leased" && job.leasedUntil <= this.now) {
        job.state = "ready";
        job.visibleAt = this.now;
      }
    }
  }

  ack(job: Job): void {
    if (this.jobs.get(job.id) === job) this.jobs.delete(job.id);
    this.completed.add(job.id);
  }

  /** Fires a timer: its event goes through `handle`; one fired early is armed again for when it is accepted. */
  fire(choices: Choices, timer: Timer): void {
    if (!choices.chance(this.config.faults.timerTwice)) this.timers.delete(timer.key);
    const early = timer.at > this.now;
    this.trace.add(() => `timer ${timer.key} fires${early ? " early" : ""}`);
    this.handle(timer.postId, timer.event(this.iso()), "timer", (decision) => {
      if (decision.ok || decision.rejection.reason !== "too_early") return;
      const from = decision.rejection.acceptedFrom;
      if (typeof from === "string" && !this.ledger.disarmed.has(timer.key)) {
        this.arm({ ...timer, at: Date.parse(from) });
      }
    });
  }

  /** The earliest time something waits for: a timer, a lease, a job or look-up, an arrival. */
  nextEventAt(): number | undefined {
    let next: number | undefined;
    const consider = (at: number) => {
      if (at > this.now && (next === undefined || at < next)) next = at;
    };
    for (const t of this.timers.values()) consider(t.at);
    for (const j of this.jobs.values())
      consider(j.state === "leased" ? j.leasedUntil : j.visibleAt);
    for (const a of this.arrivals) consider(a.at);
    return next;
  }
}

/** Freezes a value and everything in it: a handler that changes its input throws. */
export const deepFreeze = <T>(value: T): T => {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
};

export const describeEvent = (event: PostEvent): string => {
  const parts: string[] = [event.type];
  const e = event as unknown as Record<string, unknown>;
  for (const key of ["destinationId", "attempt", "idempotencyKey", "jobKey", "platformPostId"]) {
    if (e[key] !== undefined) parts.push(`${key}=${String(e[key])}`);
  }
  if (event.type === "RECONCILED") parts.push(`found=${event.found?.platformPostId ?? "null"}`);
  if (event.type === "DELIVERY_FAILED") {
    const what = event.error?.code ?? JSON.stringify(event.failure);
    parts.push(`failure=${what}`);
    const at = event.error?.failedAt ?? event.failure?.at;
    if (at !== undefined) parts.push(`at=${at}`);
  }
  if ("now" in event && event.now !== undefined) parts.push(`now=${event.now}`);
  return parts.join(" ");
};

export const describeDecision = (decision: Decision): string =>
  !decision.ok
    ? `rejected ${decision.rejection.reason}`
    : decision.ignored !== undefined
      ? `ignored ${decision.ignored}`
      : `${decision.post.status} [${decision.post.destinations.map((d) => `${d.id}:${d.status}`).join(" ")}]`;

const describeInstruction = (i: Instruction): string => {
  switch (i.type) {
    case "enqueue_delivery":
      return `enqueue ${i.idempotencyKey}#${i.attempt}${i.containerId === undefined ? "" : ` (publish ${i.containerId})`}`;
    case "poll_media":
      return `poll ${i.containerId} at ${i.at} (${i.poll})`;
    case "arm_deadline":
      return `arm ${i.jobKey} at ${i.at}`;
    case "arm_schedule":
      return `arm ${i.jobKey} at ${i.at}`;
    case "disarm_deadline":
    case "disarm_schedule":
      return `disarm ${i.jobKey}`;
    case "schedule_retry":
      return `retry ${i.idempotencyKey}#${i.attempt} at ${i.at}`;
    case "cancel_delivery":
      return `cancel ${i.idempotencyKey}`;
    case "request_reconciliation":
      return `look up ${i.idempotencyKey}#${i.attempt} (${i.lookup})`;
    case "report_duplicate":
      return `duplicate ${i.destinationId}: ${i.platformPostId} and ${i.duplicatePlatformPostId}`;
    case "request_reconnect":
      return `reconnect ${i.accountId}`;
    case "webhook":
      return `webhook ${i.event}${i.destinationId === undefined ? "" : ` ${i.destinationId}`}`;
  }
};
