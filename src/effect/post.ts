/**
 * The Effect forms of postlife's decisions: the same pure functions, with
 * their refusal in the error channel as a tagged error.
 *
 * A function gets an Effect form when its answer has a refusal or failure
 * branch a caller would otherwise test by hand: `apply` (a `Rejected`
 * decision), `preflight` (violations), `classifyFailure` (its answer is a
 * failure) and `stepDestination` (a `rejected` step, in `./destination.ts`).
 * The total functions with no such branch (`aggregateStatus`, `can`,
 * `allowedEvents`, `statusOf`, `failuresOf`, `createPost`, `countByStatus`,
 * `idempotencyKey`, `retryDelay`, `failureOutcome`, `wireCode`, …) are not
 * wrapped: `Effect.succeed(f(x))` or `Effect.sync(() => f(x))` says the same
 * and the wrapper would only add a name to learn. The retry policy has its
 * own form, a `Schedule` (`./retry-schedule.ts`).
 *
 * Each Effect is lazy (nothing is computed until it runs) and needs no
 * service: its `R` is `never`.
 */

import * as Effect from "effect/Effect";
import type { Accepted } from "../domain/decision.js";
import type { PostEvent } from "../domain/event.js";
import type { Post } from "../domain/post.js";
import { classifyFailure } from "../errors/classify.js";
import type { RawFailure } from "../errors/publish-error.js";
import { apply } from "../post/apply.js";
import { type PreflightReport, preflight } from "../rules/preflight.js";
import { ContentInvalid, PostRejected, type PublishFailure, toPublishFailure } from "./errors.js";

/**
 * `apply` as an Effect: succeeds with the `Accepted` decision (the next post
 * and its outbox, or an ignored duplicate), fails with `PostRejected`
 * carrying the `Rejection`'s fields.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect";
 * import { applyEffect, createPost } from "postlife";
 * const created = createPost({ id: "p", content: "Launch day!", destinations: [{ id: "d-x", platform: "x", accountId: "a" }] });
 * if (!created.ok) throw new Error(created.rejection.message);
 * const program = applyEffect(created.post, { type: "PUBLISH", now: "2026-04-20T14:00:00Z" }).pipe(
 *   Effect.map((accepted) => accepted.post.status), // "queued"
 *   Effect.catchTag("PostRejected", (e) => Effect.succeed(`refused: ${e.reason}`)),
 * );
 * Effect.runSync(program);
 * ```
 * @since 0.1.0
 */
export const applyEffect = (post: Post, event: PostEvent): Effect.Effect<Accepted, PostRejected> =>
  Effect.suspend(() => {
    const decision = apply(post, event);
    return decision.ok
      ? Effect.succeed(decision)
      : Effect.fail(new PostRejected({ ...decision.rejection, rejection: decision.rejection }));
  });

/**
 * `classifyFailure` as an Effect: always fails, with the tagged error of the
 * code the raw failure classifies as. Meant to end a publish call's failure
 * path, so that what follows handles `PublishFailure`s by tag.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect";
 * import { classify } from "postlife";
 * const program = classify({ platform: "x", httpStatus: 429, code: 88, message: "Rate limit exceeded" }).pipe(
 *   Effect.catchTag("RateLimited", (e) => Effect.succeed(e.platformStatusCode)), // 429
 * );
 * Effect.runSync(program);
 * ```
 * @since 0.1.0
 */
export const classify = (raw: RawFailure): Effect.Effect<never, PublishFailure> =>
  Effect.suspend(() => Effect.fail(toPublishFailure(classifyFailure(raw))));

/**
 * `preflight` as an Effect: succeeds with the report when no content rule is
 * broken (destinations of unknown platforms are listed in `unchecked` and
 * pass), fails with `ContentInvalid` listing every violation otherwise.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect";
 * import { createPost, preflightEffect } from "postlife";
 * const created = createPost({ id: "p", content: "x".repeat(281), destinations: [{ id: "d-x", platform: "x", accountId: "a" }] });
 * if (!created.ok) throw new Error(created.rejection.message);
 * const rules = Effect.runSync(
 *   preflightEffect(created.post).pipe(
 *     Effect.map(() => []),
 *     Effect.catchTag("ContentInvalid", (e) => Effect.succeed(e.violations.map((v) => v.rule))),
 *   ),
 * ); // ["text_length"]
 * ```
 * @since 0.1.0
 */
export const preflightEffect = (post: Post): Effect.Effect<PreflightReport, ContentInvalid> =>
  Effect.suspend(() => {
    const report = preflight(post);
    const { violations, unchecked } = report;
    if (violations.length === 0) return Effect.succeed(report);
    return Effect.fail(
      new ContentInvalid({
        message: `${violations.length} content rule${violations.length === 1 ? "" : "s"} broken: ${violations
          .map((v) => v.message)
          .join("; ")}`,
        violations,
        unchecked,
      }),
    );
  });
