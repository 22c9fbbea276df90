/**
 * One decision per transaction. Every change to a post, a person's command
 * or a fact from a worker, timer or webhook, takes this one path:
 *
 *   load the post and its version ──▶ apply (pure) ──▶ in one transaction:
 *   compare-and-set the version, record the events, write the outbox's jobs
 *
 * If another writer saved the post in between, the compare-and-set finds a
 * newer version and the whole decision is made again from a fresh load:
 * `apply` is pure, so deciding again is always right. A refused command and
 * an ignored fact store nothing.
 */

import { setTimeout as sleep } from "node:timers/promises";
import { and, eq } from "drizzle-orm";
import type PgBoss from "pg-boss";
import {
  apply,
  createPost,
  type Decision,
  type Instruction,
  type Post,
  type PostEvent,
  type PostInput,
  type Rejection,
} from "postlife";
import type { Clock } from "./clock.js";
import type { Metrics } from "./metrics.js";
import { carryOutInTransaction, type Step } from "./outbox.js";
import type { Database, Tx } from "./store/database.js";
import { acceptedEvents, idempotentRequests, posts } from "./store/schema.js";

/** What one decision came to. */
export type Verdict =
  | { readonly kind: "changed"; readonly post: Post; readonly outbox: readonly Instruction[] }
  | { readonly kind: "ignored"; readonly post: Post; readonly ignored: string }
  | { readonly kind: "refused"; readonly rejection: Rejection }
  | { readonly kind: "not_found" };

/** A first answer kept under an `Idempotency-Key`. */
export interface KeptAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** Hooks the proof uses to make production's races happen on purpose. */
export interface DecideHooks {
  /** Runs between the load and the transaction: a test saves the post here to force a conflict. */
  readonly beforeSave?: (postId: string) => Promise<void>;
  /** Told of every decision that changed a post, once it is committed. */
  readonly decided?: (
    postId: string,
    events: readonly PostEvent[],
    post: Post,
    outbox: readonly Instruction[],
  ) => void;
}

/**
 * Conflicts in a row after which a decision gives up, a guard against a
 * livelock: a job's decision is retried by the queue, a request answers 503.
 */
const maxConflicts = 100;

export class Decider {
  constructor(
    private readonly database: Database,
    private readonly boss: PgBoss,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
    /** Wakes this process's workers of the queues given work that is due now. */
    private readonly wake: (queues: ReadonlySet<string>) => void,
    private readonly hooks: DecideHooks = {},
  ) {}

  /**
   * Decides `events` in order against the stored post, as one decision: all
   * are taken (a duplicate or stale fact among them is skipped) or nothing
   * is stored.
   */
  async decide(postId: string, events: readonly PostEvent[]): Promise<Verdict> {
    const started = performance.now();
    for (let conflicts = 0; ; conflicts++) {
      const row = await this.load(postId);
      if (row === undefined) return { kind: "not_found" };
      const decided = decideAll(row.post, events);
      if (decided.kind !== "changed") return decided;
      await this.hooks.beforeSave?.(postId);
      const saved = await this.database.transaction(async (tx) => {
        const cas = await tx.db
          .update(posts)
          .set({ post: decided.post, status: decided.post.status, version: row.version + 1 })
          .where(and(eq(posts.id, postId), eq(posts.version, row.version)))
          .returning({ version: posts.version });
        // Another writer saved the post since the load: nothing written, decide again.
        if (cas.length === 0) return undefined;
        return this.record(tx, decided, row.version + 1);
      });
      if (saved !== undefined) return this.done(started, decided, saved);
      this.metrics.conflict();
      if (conflicts === maxConflicts) {
        throw new Error(`${postId}: ${maxConflicts} conflicts in a row`);
      }
      // Writers racing for one row: each waits a little longer before its next try.
      await sleep(Math.min(conflicts, 20));
    }
  }

  /**
   * Creates a post and decides its first events in one transaction; with a
   * `request` (its `Idempotency-Key`), the answer is kept so that the same
   * key gets it again, and creates nothing.
   */
  async create(
    input: PostInput,
    events: readonly PostEvent[],
    answer: (verdict: Verdict) => KeptAnswer,
    request?: { readonly key: string; readonly fingerprint: string },
  ): Promise<KeptAnswer> {
    const started = performance.now();
    if (request !== undefined) {
      const kept = await this.keptAnswer(request);
      if (kept !== undefined) return kept;
    }
    const created = createPost(input);
    if (!created.ok) return answer({ kind: "refused", rejection: created.rejection });
    // A draft is stored as it was created: no event, nothing to do.
    const decided: Decided =
      events.length === 0
        ? { kind: "changed", post: created.post, steps: [] }
        : decideAll(created.post, events);
    if (decided.kind !== "changed") return answer(decided);
    const reply = answer({
      kind: "changed",
      post: decided.post,
      outbox: decided.steps.flatMap((step) => step.outbox),
    });
    let woken: ReadonlySet<string>;
    try {
      woken = await this.database.transaction(async (tx) => {
        if (request !== undefined) {
          await tx.db
            .insert(idempotentRequests)
            .values({ ...request, ...reply, body: reply.body as object });
        }
        await tx.db.insert(posts).values({
          id: decided.post.id,
          version: 1,
          status: decided.post.status,
          post: decided.post,
          input,
        });
        return this.record(tx, decided, 1);
      });
    } catch (thrown) {
      // The same key raced in from another request: the first answer stands.
      const kept = request === undefined ? undefined : await this.keptAnswer(request);
      if (kept !== undefined) return kept;
      throw thrown;
    }
    this.done(started, decided, woken);
    return reply;
  }

  private async keptAnswer(request: {
    key: string;
    fingerprint: string;
  }): Promise<KeptAnswer | undefined> {
    const [kept] = await this.database.db
      .select()
      .from(idempotentRequests)
      .where(eq(idempotentRequests.key, request.key));
    if (kept === undefined) return undefined;
    if (kept.fingerprint !== request.fingerprint) {
      return {
        status: 422,
        body: {
          error: {
            reason: "idempotency_key_reused",
            message: `Idempotency-Key "${request.key}" was used for another request`,
          },
        },
      };
    }
    return { status: kept.status, body: kept.body };
  }

  /** The stored post and its version, read outside any transaction. */
  async load(postId: string): Promise<{ post: Post; version: number } | undefined> {
    const [row] = await this.database.db
      .select({ post: posts.post, version: posts.version })
      .from(posts)
      .where(eq(posts.id, postId));
    return row;
  }

  /** Writes what the decision took and its outbox's jobs, in the transaction that stores it. */
  private async record(tx: Tx, decided: Changed, version: number): Promise<ReadonlySet<string>> {
    const events = decided.steps.map((step) => step.event);
    await tx.db.insert(acceptedEvents).values({ postId: decided.post.id, version, events });
    return carryOutInTransaction(
      this.boss,
      this.clock,
      tx,
      decided.steps,
      `${decided.post.id}:${version}`,
    );
  }

  /** After the commit: the workers woken (their jobs are visible now), the decision counted. */
  private done(started: number, decided: Changed, woken: ReadonlySet<string>): Verdict {
    this.wake(woken);
    this.metrics.decided(performance.now() - started);
    const outbox = decided.steps.flatMap((step) => step.outbox);
    this.hooks.decided?.(
      decided.post.id,
      decided.steps.map((step) => step.event),
      decided.post,
      outbox,
    );
    return { kind: "changed", post: decided.post, outbox };
  }
}

/** A decision that changed the post: each event it took, with the post and outbox it gave. */
interface Changed {
  readonly kind: "changed";
  readonly post: Post;
  readonly steps: readonly Step[];
}

type Decided = Changed | Exclude<Verdict, { kind: "changed" }>;

/** Applies `events` in order: the first refusal refuses them all; ignored facts are skipped. */
const decideAll = (start: Post, events: readonly PostEvent[]): Decided => {
  let post = start;
  const steps: Step[] = [];
  let ignored: string | undefined;
  for (const event of events) {
    const decision: Decision = apply(post, event);
    if (!decision.ok) return { kind: "refused", rejection: decision.rejection };
    if (decision.ignored !== undefined) {
      ignored = decision.ignored;
      continue;
    }
    post = decision.post;
    steps.push({ event, post, outbox: decision.outbox });
  }
  if (steps.length === 0) return { kind: "ignored", post, ignored: ignored ?? "nothing to do" };
  return { kind: "changed", post, steps };
};
