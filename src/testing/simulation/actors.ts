/**
 * The actors around the service: delivery workers (start, call, report, and
 * crash anywhere between), look-up workers, the platform's webhooks and a
 * vendor's status polls on their way in, and people, who act at any moment.
 * Each does what the embedding guide tells a service to do, no more.
 */
import * as Result from "effect/Result";
import { mediaFact } from "../../destination/media-fact.js";
import { isOutcomeUnknown } from "../../destination/rules.js";
import type { PostEvent } from "../../domain/event.js";
import type { ArmDeadline, EnqueueDelivery } from "../../domain/instruction.js";
import type { Post } from "../../domain/post.js";
import { classifyFailure } from "../../errors/classify.js";
import { platformOf } from "../../platforms/registry.js";
import { factsOf } from "../../wire/report.js";
import { decodeWebhook, type WebhookPayload } from "../../wire/webhook.schema.js";
import type { Choices } from "./choices.js";
import type { CallOutcome, LivePost, Platform } from "./platform.js";
import type { Job, Service } from "./service.js";

/** One delivery worker, holding one job. */
export interface Worker {
  readonly name: string;
  readonly job: Job;
  stage: "start" | "call" | "report" | "waiting";
  /** The deadline of the report: past it, the worker must not call the platform. */
  deadline: number;
  outcome?: CallOutcome;
}

const minutes = (n: number) => n * 60_000;

export class Actors {
  readonly workers: Worker[] = [];
  private hired = 0;

  constructor(
    private readonly service: Service,
    private readonly platform: Platform,
  ) {}

  /** A worker takes a job the queue hands out. */
  pickUp(choices: Choices, job: Job): void {
    this.service.lease(choices, job);
    const worker: Worker = { name: `worker-${++this.hired}`, job, stage: "start", deadline: 0 };
    this.workers.push(worker);
    this.service.trace.add(() => `${worker.name} takes ${job.id}`);
  }

  /** The worker's next step, or its crash. */
  step(choices: Choices, worker: Worker): void {
    const s = this.service;
    if (choices.chance(s.config.faults.workerCrash)) {
      this.workers.splice(this.workers.indexOf(worker), 1);
      s.trace.add(() => `${worker.name} crashes (${worker.stage})`);
      return;
    }
    const job = worker.job.instruction;
    const identity = {
      destinationId: job.destinationId,
      attempt: job.attempt,
      idempotencyKey: job.idempotencyKey,
      ...(job.item === undefined ? {} : { item: job.item }),
    };
    switch (worker.stage) {
      case "start":
        worker.stage = "waiting";
        s.handle(
          job.postId,
          { type: "DELIVERY_STARTED", ...identity, now: s.iso() },
          worker.name,
          (d) => {
            if (!d.ok || d.ignored !== undefined) {
              this.finish(worker);
              return;
            }
            const report = d.outbox.find(
              (i): i is ArmDeadline =>
                i.type === "arm_deadline" && i.destinationId === job.destinationId,
            );
            worker.deadline =
              report === undefined ? Number.POSITIVE_INFINITY : Date.parse(report.at);
            worker.stage = "call";
          },
        );
        return;
      case "call": {
        if (s.now >= worker.deadline) {
          // Past its deadline the attempt is in doubt and being looked up: never call now.
          s.trace.add(() => `${worker.name} is past its deadline: does not call`);
          this.finish(worker);
          return;
        }
        const outcome = this.platform.call(
          choices,
          {
            postId: job.postId,
            destinationId: job.destinationId,
            key: job.idempotencyKey,
            ...(job.item === undefined ? {} : { item: job.item }),
            ...(job.replyTo === undefined ? {} : { replyTo: job.replyTo }),
            ...(job.containerId === undefined ? {} : { containerId: job.containerId }),
            // The post's media goes with its first item; replies are text.
            ...((job.item ?? 0) === 0 ? mediaOf(s.rows.get(job.postId)?.post, job.platform) : {}),
          },
          job.accountId,
          s.now,
        );
        worker.outcome = outcome;
        worker.stage = "report";
        s.trace.add(() => `${worker.name} calls ${job.platform}: ${describeOutcome(outcome)}`);
        this.echo(choices, job, outcome);
        return;
      }
      case "report": {
        const outcome = worker.outcome as CallOutcome;
        worker.stage = "waiting";
        const event: PostEvent =
          outcome.kind === "published"
            ? {
                type: "DELIVERY_SUCCEEDED",
                ...identity,
                platformPostId: outcome.post.platformPostId,
                now: s.iso(),
              }
            : outcome.kind === "processing"
              ? // The first word, as mediaFact reads it (a final one is its own fact).
                mediaFact(
                  { ...job, containerId: outcome.containerId },
                  { ...outcome.answer, now: s.iso() },
                )
              : { type: "DELIVERY_FAILED", ...identity, failure: outcome.failure, now: s.iso() };
        s.handle(job.postId, event, worker.name, () => this.finish(worker));
        return;
      }
      case "waiting":
        return;
    }
  }

  private finish(worker: Worker): void {
    const i = this.workers.indexOf(worker);
    if (i >= 0) this.workers.splice(i, 1);
    this.service.ack(worker.job);
  }

  /**
   * What reaches the service later about a call: the platform's webhooks
   * (0 to 2 copies, late, in any order), and a vendor poll that saw it
   * "publishing". Webhooks go through postlife/wire's `decodeWebhook`, as a
   * service's endpoint reads them.
   */
  private echo(choices: Choices, job: EnqueueDelivery, outcome: CallOutcome): void {
    const { postId, destinationId, platform, item } = job;
    const s = this.service;
    const at = s.now;
    if (outcome.kind === "processing") return; // nothing is up yet: the polls will tell
    const made: LivePost | undefined = outcome.kind === "published" ? outcome.post : outcome.made;
    const about = { postId, destinationId, platform, revision: null, occurredAt: s.iso(at) };
    if (made !== undefined) {
      // An item of a thread is announced as that item; a webhook that named none would prove nothing.
      this.webhook(
        choices,
        item === undefined
          ? { event: "destination.published", ...about, platformPostId: made.platformPostId }
          : {
              event: "destination.item_published",
              ...about,
              platformPostId: made.platformPostId,
              item,
            },
      );
    }
    if (outcome.kind === "failed" && outcome.said) {
      const error = classifyFailure({ ...outcome.failure, platform, at: s.iso(at) });
      this.webhook(choices, {
        event: "destination.failed",
        ...about,
        error: { code: error.code, message: error.message, failedAt: s.iso(at) },
        ...(item === undefined ? {} : { item }),
      });
    }
    if (choices.chance(s.config.faults.latePolls)) {
      const report = {
        id: destinationId,
        platform,
        status: "publishing" as const,
        vendorStatus: "processing",
      };
      for (const fact of factsOf(report, { destinationId, now: s.iso(at) })) {
        s.arrivals.push({ at: at + choices.between(1, minutes(20)), postId, fact, from: "poll" });
      }
    }
  }

  private webhook(choices: Choices, payload: WebhookPayload): void {
    const s = this.service;
    const copies =
      (choices.chance(s.config.faults.webhookCopies) ? 1 : 0) +
      (choices.chance(s.config.faults.webhookCopies) ? 1 : 0);
    const decoded = decodeWebhook(JSON.parse(JSON.stringify(payload)));
    if (Result.isFailure(decoded)) {
      s.violation("the wire reads postlife's webhooks", decoded.failure.message);
      return;
    }
    for (let n = 0; n < copies; n++) {
      const at = s.now + choices.between(0, minutes(30));
      for (const fact of decoded.success.facts) {
        s.arrivals.push({ at, postId: payload.postId, fact, from: "webhook" });
      }
    }
  }

  /** A look-up worker answers one request (or is lost: only the deadline notices). */
  lookUp(choices: Choices, id: string): void {
    const s = this.service;
    const job = s.lookups.get(id);
    if (job === undefined) return;
    s.lookups.delete(id);
    const i = job.instruction;
    if (choices.chance(s.config.faults.lookupLost)) {
      s.trace.add(() => `look-up ${id} is lost`);
      return;
    }
    const found = this.platform.lookUp(
      choices,
      { postId: i.postId, destinationId: i.destinationId, key: i.idempotencyKey },
      s.now,
    );
    s.handle(
      i.postId,
      {
        type: "RECONCILED",
        destinationId: i.destinationId,
        attempt: i.attempt,
        idempotencyKey: i.idempotencyKey,
        ...(i.item === undefined ? {} : { item: i.item }),
        found,
        now: s.iso(),
      },
      "look-up",
    );
  }

  /** A person acts on `post`, with whatever command the moment suggests. */
  personActs(choices: Choices, post: Post): void {
    const s = this.service;
    const now = s.iso();
    const later = () => s.iso(s.now + choices.between(1, 120) * 60_000);
    const commands: (() => PostEvent | undefined)[] = [
      () => ({ type: "EDIT", changes: { content: `${post.content}!` } }),
      () => ({ type: "EDIT", changes: { scheduledAt: later() }, now }),
      () => ({ type: "SCHEDULE", at: later(), now }),
      () => ({ type: "UNSCHEDULE" }),
      () => ({ type: "PUBLISH", now }),
      () => ({ type: "SUBMIT_FOR_APPROVAL", now }),
      () => ({ type: "APPROVE", now }),
      () => ({ type: "REJECT", reason: "not yet" }),
      () => ({ type: "CANCEL" }),
      () => ({ type: "DELETE" }),
      () => ({ type: "RETRY_FAILED", now }),
      () => this.checkByHand(post),
    ];
    const event = choices.pick(commands)();
    if (event !== undefined) s.handle(post.id, event, "person");
  }

  /**
   * A person checks the platform for a destination whose look-ups went
   * unanswered, and says what they found: the truth.
   */
  checkByHand(post: Post): PostEvent | undefined {
    const d = post.destinations.find(isOutcomeUnknown);
    if (d === undefined || d.idempotencyKey === undefined) return undefined;
    return {
      type: "RECONCILED",
      destinationId: d.id,
      attempt: d.attempts,
      idempotencyKey: d.idempotencyKey,
      found: this.platform.truth({ key: d.idempotencyKey }),
      now: this.service.iso(),
    };
  }

  /**
   * After the people's free time, they finish what waits on them: a draft is
   * published (through review where it needs one), a review approved, an
   * unknown outcome checked by hand. `undefined` when nothing waits on them.
   */
  finishing(post: Post): PostEvent | undefined {
    const now = this.service.iso();
    switch (post.status) {
      case "draft":
        return post.requiresApproval
          ? { type: "SUBMIT_FOR_APPROVAL", now }
          : { type: "PUBLISH", now };
      case "pending_approval":
        return { type: "APPROVE", now };
      default:
        return this.checkByHand(post);
    }
  }
}

const describeOutcome = (outcome: CallOutcome): string =>
  outcome.kind === "published"
    ? `published ${outcome.post.platformPostId}`
    : outcome.kind === "processing"
      ? `processing ${outcome.containerId} (${outcome.answer.status})`
      : `${JSON.stringify(outcome.failure)}${outcome.made === undefined ? "" : ` (made ${outcome.made.platformPostId})`}`;

/** Where the platform processes the post's media, when the post has media and the platform a step for it. */
const mediaOf = (
  post: Post | undefined,
  platform: string,
): { media?: "before_publish" | "after_publish" } => {
  const phase = platformOf(platform)?.media?.phase;
  return post === undefined || post.media.length === 0 || phase === undefined
    ? {}
    : { media: phase };
};
