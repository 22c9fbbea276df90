/**
 * The platforms as they behave in production, simulated: most calls
 * publish; some are refused before anything happens (429 with Retry-After,
 * 503, a connection refused), some time out after the platform made the post
 * or before it did, and a 401 expires the account's token until its owner
 * reconnects it. The same fault menu as `postlife/testing`'s `simulate`.
 *
 * Which call fails is a function of the seed and the call (its idempotency
 * key and attempt), not of the order in which processes happen to run, so a
 * run is the same whichever worker takes which job. A script names the
 * faults of given calls, for a story told on purpose (the launch scenario).
 *
 * The platforms' records (the posts they made, the expired tokens) are
 * tables in the service's database only so that every worker process meets
 * the same platforms; the service never reads them to decide anything.
 */
import { createHash, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { and, eq, sql } from "drizzle-orm";
import type { FoundPost, RawFailure } from "postlife";
import type { Clock } from "../clock.js";
import type { Db } from "../store/database.js";
import type { Platforms, PublishAnswer, PublishCall } from "./platforms.js";
import { platformAccounts, platformCalls, platformPosts } from "./schema.js";

/** What can happen to one call. */
export const faults = {
  /** Refused, nothing made: try again after the time the platform gives. */
  rate_limited: { failure: { httpStatus: 429, headers: { "retry-after": "30" } }, makes: false },
  /** The token is no longer valid: every call on the account fails until the owner reconnects. */
  token_expired: {
    failure: { httpStatus: 401, message: "Error validating access token" },
    makes: false,
  },
  server_error: { failure: { httpStatus: 503 }, makes: false },
  /** The connection was refused: the request never left. */
  refused_before_sending: {
    failure: { transportError: "ECONNREFUSED", requestSent: false },
    makes: false,
  },
  /** The gateway gave up after the platform made the post. */
  gateway_timeout_after_posting: { failure: { httpStatus: 504 }, makes: true },
  /** Timed out after sending; the platform had made the post. */
  timeout_after_sending: {
    failure: { transportError: "ETIMEDOUT", requestSent: true },
    makes: true,
  },
  /** Timed out after sending; the platform had not made it. */
  timeout_before_posting: {
    failure: { transportError: "ETIMEDOUT", requestSent: true },
    makes: false,
  },
} as const satisfies Record<string, { failure: Omit<RawFailure, "platform">; makes: boolean }>;

export type Fault = keyof typeof faults;
const faultNames = Object.keys(faults) as Fault[];

export interface SimulatedPlatformsOptions {
  /** The run's seed: the same seed, the same faults for the same calls. */
  readonly seed?: number;
  /** The share of calls that fail, 0 to 1. */
  readonly failureRate?: number;
  /** Faults of given calls: `{ "d-x": ["rate_limited"] }` makes the first call for `d-x` a 429. */
  readonly script?: Readonly<Record<string, readonly (Fault | "publish")[]>>;
  /** How long a call takes, in wall-clock milliseconds: at most this, the post made halfway. */
  readonly latencyMs?: number;
}

/** A number in [0, 1) named by `parts`: the same parts, the same number. */
const unit = (...parts: readonly (string | number)[]): number =>
  createHash("sha256").update(parts.join("\u0000")).digest().readUInt32BE(0) / 2 ** 32;

/** The caller gave up on the call (its signal aborted). */
const gaveUp = (call: PublishCall): boolean => call.signal?.aborted === true;

const urlOf = (platform: string, id: string) => `https://${platform}.example/posts/${id}`;

export const simulatedPlatforms = (
  db: Db,
  clock: Clock,
  options: SimulatedPlatformsOptions = {},
): Platforms => {
  const { seed = 1, failureRate = 0, script = {}, latencyMs = 0 } = options;

  const faultOf = async (call: PublishCall): Promise<Fault | undefined> => {
    const [counted] = await db
      .insert(platformCalls)
      .values({ postId: call.postId, destinationId: call.destinationId, calls: 1 })
      .onConflictDoUpdate({
        target: [platformCalls.postId, platformCalls.destinationId],
        set: { calls: sql`${platformCalls.calls} + 1` },
      })
      .returning({ calls: platformCalls.calls });
    const scripted = script[call.destinationId]?.[(counted?.calls ?? 1) - 1];
    if (scripted !== undefined) return scripted === "publish" ? undefined : scripted;
    if (unit(seed, call.idempotencyKey, call.attempt, "fails") >= failureRate) return undefined;
    return faultNames[
      Math.floor(unit(seed, call.idempotencyKey, call.attempt, "fault") * faultNames.length)
    ];
  };

  const isExpired = async (platform: string, accountId: string): Promise<boolean> => {
    const [account] = await db
      .select({ expired: platformAccounts.expired })
      .from(platformAccounts)
      .where(
        and(eq(platformAccounts.platform, platform), eq(platformAccounts.accountId, accountId)),
      );
    return account?.expired === true;
  };

  const make = async (call: PublishCall): Promise<FoundPost> => {
    const platformPostId = `${call.platform}-${randomUUID().slice(0, 18)}`;
    await db.insert(platformPosts).values({
      platform: call.platform,
      accountId: call.accountId,
      postId: call.postId,
      destinationId: call.destinationId,
      idempotencyKey: call.idempotencyKey,
      platformPostId,
      content: call.content,
      item: call.item ?? 0,
      ...(call.replyTo === undefined ? {} : { replyTo: call.replyTo }),
      madeAt: new Date(clock.now()).toISOString(),
    });
    return { platformPostId, platformUrl: urlOf(call.platform, platformPostId) };
  };

  return {
    async publish(call): Promise<PublishAnswer> {
      await sleep(latencyMs / 2);
      if (await isExpired(call.platform, call.accountId)) {
        return {
          kind: "failed",
          failure: { ...faults.token_expired.failure, platform: call.platform },
        };
      }
      const fault = await faultOf(call);
      if (fault === "token_expired") {
        await db
          .insert(platformAccounts)
          .values({ platform: call.platform, accountId: call.accountId, expired: true })
          .onConflictDoUpdate({
            target: [platformAccounts.platform, platformAccounts.accountId],
            set: { expired: true },
          });
      }
      // The caller gave up before the platform acted: a timeout, and nothing made.
      if (gaveUp(call)) {
        return {
          kind: "failed",
          failure: { ...faults.timeout_before_posting.failure, platform: call.platform },
        };
      }
      const made = fault === undefined || faults[fault].makes ? await make(call) : undefined;
      // A process killed here has made the post and told nobody: only a look-up finds it.
      await sleep(latencyMs / 2);
      if (gaveUp(call)) {
        // The caller gave up after the platform acted: it cannot tell; a look-up will.
        return {
          kind: "failed",
          failure: { ...faults.timeout_after_sending.failure, platform: call.platform },
        };
      }
      if (fault === undefined) return { kind: "published", post: made as FoundPost };
      return { kind: "failed", failure: { ...faults[fault].failure, platform: call.platform } };
    },

    async lookUp(call) {
      const [found] = await db
        .select({ platformPostId: platformPosts.platformPostId })
        .from(platformPosts)
        .where(
          and(
            eq(platformPosts.postId, call.postId),
            eq(platformPosts.destinationId, call.destinationId),
            eq(platformPosts.idempotencyKey, call.idempotencyKey),
          ),
        )
        .orderBy(platformPosts.id)
        .limit(1);
      return found === undefined
        ? null
        : { ...found, platformUrl: urlOf(call.platform, found.platformPostId) };
    },

    async reconnect(platform, accountId) {
      await db
        .update(platformAccounts)
        .set({ expired: false })
        .where(
          and(eq(platformAccounts.platform, platform), eq(platformAccounts.accountId, accountId)),
        );
    },
  };
};
