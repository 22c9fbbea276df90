/**
 * The HTTP API, in the shapes of the publishing APIs postlife serves:
 *
 * | route                                   | shape                                         |
 * | --------------------------------------- | --------------------------------------------- |
 * | `POST /v1/posts`                        | publish a post (`Idempotency-Key`)            |
 * | `GET /v1/posts/:id`                     | publish_post's `get_post_status`, per destination |
 * | `PATCH /v1/posts/:id`                   | publish_post's `update_post`                  |
 * | `DELETE /v1/posts/:id`                  | delete_post                                   |
 * | `POST /v1/posts/:id/retry`              | retry what failed                             |
 * | `GET /v1/posts/:id/results`             | the results API's `/posts/:id/results`        |
 * | `GET /api/v1/get-post/:id`              | PostPost's get-post (the group view)          |
 * | `GET /api/content/status/:account/:id`  | Wahdx's status check                          |
 * | `POST /api/content/status/batch`        | Wahdx's batch status check                    |
 * | `POST /v1/webhooks/platforms`           | incoming platform webhooks                    |
 * | `POST /v1/subscriptions`                | subscribe to outgoing webhooks                |
 *
 * A refused command answers 4xx with postlife's rejection (`reason`,
 * `message`, `path`, ...); an ignored fact answers 200 and changes nothing.
 */
import { createHash, randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import * as Result from "effect/Result";
import { Hono } from "hono";
import type { PostEvent, PostInput, Rejection, RejectionReason } from "postlife";
import { decodeUpdatePost, decodeWebhook } from "postlife/wire";
import { type Clock, isoNow } from "./clock.js";
import type { Decider, KeptAnswer, Verdict } from "./decide.js";
import type { Db } from "./store/database.js";
import { posts, subscriptions } from "./store/schema.js";
import {
  batchView,
  groupView,
  objectIdOf,
  resultsView,
  statusView,
  wahdxStatusOf,
} from "./views.js";

/** Each rejection's HTTP status, as the embedding guide maps them; the compiler asks for new reasons. */
export const httpStatus: { readonly [R in RejectionReason]: 400 | 404 | 409 | 422 | 500 } = {
  invalid_input: 400,
  malformed_event: 400,
  invalid_post: 500,
  unknown_destination: 404,
  not_allowed_in_status: 409,
  nothing_to_cancel: 409,
  nothing_to_retry: 409,
  delivery_under_way: 409,
  outcome_unknown: 409,
  approval_required: 409,
  too_early: 409,
  field_not_editable: 422,
  schedule_in_past: 422,
  no_destinations: 422,
  duplicate_destination: 422,
  content_invalid: 422,
};

const refusal = (rejection: Rejection): KeptAnswer => ({
  status: httpStatus[rejection.reason] ?? 400,
  body: { error: rejection },
});

const notFound = (id: string): KeptAnswer => ({
  status: 404,
  body: { error: { reason: "not_found", message: `no post ${id}` } },
});

/** A request the service cannot read: 400, naming the field at fault. */
const invalid = (message: string, path?: string): KeptAnswer => ({
  status: 400,
  body: { error: { reason: "invalid_input", message, ...(path === undefined ? {} : { path }) } },
});

/**
 * A command's answer: the post's status view when it changed (201 for a new
 * draft, 202 for a new post on its way) or a fact was ignored.
 */
const answerOf = (verdict: Verdict, id: string, created = false): KeptAnswer => {
  switch (verdict.kind) {
    case "changed": {
      const status = !created ? 200 : verdict.post.status === "draft" ? 201 : 202;
      return { status, body: statusView(verdict.post) };
    }
    case "ignored":
      return { status: 200, body: { ...statusView(verdict.post), ignored: verdict.ignored } };
    case "refused":
      return refusal(verdict.rejection);
    case "not_found":
      return notFound(id);
  }
};

/** How a publish request starts its post. */
const publishStatuses: readonly unknown[] = ["draft", "publish", "scheduled"];

/** The most checks one batch status request may ask. */
const maxChecks = 100;

/** What a publish request asks for: a post (postlife's `PostInput` without its id) and how to start it. */
interface PublishRequest extends Omit<PostInput, "id"> {
  /**
   * `draft` keeps it; `publish` (the default) sends it now, or at
   * `scheduledAt` when there is one; `scheduled` sends it at `scheduledAt`,
   * which it needs.
   */
  readonly status?: "draft" | "publish" | "scheduled";
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export const httpApi = (deps: {
  readonly decider: Decider;
  readonly db: Db;
  readonly clock: Clock;
}) => {
  const { decider, db, clock } = deps;
  const app = new Hono();
  const json = async (c: { req: { json(): Promise<unknown> } }): Promise<unknown> =>
    c.req.json().catch(() => undefined);
  const send = (c: { json(body: unknown, status: number): Response }, answer: KeptAnswer) =>
    c.json(answer.body, answer.status as 200);

  // A failure of the service itself (the database away, a decision that met conflicts without
  // end): a JSON body like every other, and a client may try again.
  app.onError((error, c) =>
    c.json({ error: { reason: "unavailable", message: error.message } }, 503, {
      "retry-after": "1",
    }),
  );

  app.post("/v1/posts", async (c) => {
    const body = await json(c);
    if (!isRecord(body)) return send(c, invalid("the body must be a JSON object"));
    const { status = "publish", ...fields } = body as PublishRequest & Record<string, unknown>;
    if (!publishStatuses.includes(status)) {
      return send(
        c,
        invalid(
          `status must be one of ${publishStatuses.join(", ")}, not ${JSON.stringify(status)}`,
          "status",
        ),
      );
    }
    if (status === "scheduled" && typeof fields.scheduledAt !== "string") {
      return send(c, invalid("a scheduled post needs its scheduledAt", "scheduledAt"));
    }
    const key = c.req.header("idempotency-key");
    // Post ids are ObjectIds, as PostPost's are: from the key, the same post for the same key.
    const id = objectIdOf(key ?? randomUUID());
    const input = { ...fields, id } as PostInput;
    const now = isoNow(clock);
    const events: PostEvent[] =
      status === "draft"
        ? []
        : typeof fields.scheduledAt === "string"
          ? [{ type: "SCHEDULE", at: fields.scheduledAt, now }]
          : [{ type: "PUBLISH", now }];
    const fingerprint = createHash("sha256").update(JSON.stringify(body)).digest("hex");
    const answer = await decider.create(
      input,
      events,
      (verdict) => answerOf(verdict, id, true),
      key === undefined ? undefined : { key, fingerprint },
    );
    return send(c, answer);
  });

  app.get("/v1/posts/:id", async (c) => {
    const row = await decider.load(c.req.param("id"));
    return send(
      c,
      row === undefined ? notFound(c.req.param("id")) : { status: 200, body: statusView(row.post) },
    );
  });

  app.patch("/v1/posts/:id", async (c) => {
    const id = c.req.param("id");
    const body = await json(c);
    if (!isRecord(body)) return send(c, invalid("the body must be a JSON object"));
    const decoded = decodeUpdatePost({ ...body, postId: id }, isoNow(clock));
    if (Result.isFailure(decoded)) return send(c, invalid(decoded.failure.message));
    if (decoded.success.commands.length === 0) {
      return send(c, invalid("nothing to update: give content, media, scheduledAt or status"));
    }
    return send(c, answerOf(await decider.decide(id, decoded.success.commands), id));
  });

  app.delete("/v1/posts/:id", async (c) => {
    const id = c.req.param("id");
    return send(c, answerOf(await decider.decide(id, [{ type: "DELETE" }]), id));
  });

  app.post("/v1/posts/:id/retry", async (c) => {
    const id = c.req.param("id");
    return send(
      c,
      answerOf(await decider.decide(id, [{ type: "RETRY_FAILED", now: isoNow(clock) }]), id),
    );
  });

  app.get("/v1/posts/:id/results", async (c) => {
    const row = await decider.load(c.req.param("id"));
    if (row === undefined) return send(c, notFound(c.req.param("id")));
    return c.json(resultsView(row.post));
  });

  app.get("/api/v1/get-post/:id", async (c) => {
    const row = await decider.load(c.req.param("id"));
    if (row === undefined) return c.json({ success: false, error: "Post group not found" }, 404);
    return c.json(groupView(row.post));
  });

  app.get("/api/content/status/:accountId/:publishId", async (c) => {
    const { accountId, publishId } = c.req.param();
    const row = await decider.load(publishId);
    const d = row?.post.destinations.find((x) => x.accountId === accountId);
    if (row === undefined || d === undefined) return send(c, notFound(publishId));
    return c.json(wahdxStatusOf(row.post, d));
  });

  app.post("/api/content/status/batch", async (c) => {
    const body = await json(c);
    const checks = isRecord(body) && Array.isArray(body.checks) ? body.checks : undefined;
    if (checks === undefined) return send(c, invalid("checks must be an array", "checks"));
    if (checks.length > maxChecks)
      return send(c, invalid(`at most ${maxChecks} checks at once`, "checks"));
    const wanted = checks.filter(isRecord);
    const ids = [...new Set(wanted.map((x) => x.publishId).filter((x) => typeof x === "string"))];
    const rows =
      ids.length === 0
        ? []
        : await db.select({ post: posts.post }).from(posts).where(inArray(posts.id, ids));
    const found = wanted.flatMap((check) => {
      const post = rows.find((r) => r.post.id === check.publishId)?.post;
      const destination = post?.destinations.find((d) => d.accountId === check.accountId);
      return post === undefined || destination === undefined ? [] : [{ post, destination }];
    });
    return c.json(batchView(found));
  });

  /**
   * A platform's webhook, in postlife's webhook shape: its facts, decided as
   * one. A platform retries anything but a 2xx for days, so every fact it
   * sends is acknowledged: taken, ignored (a repeat), or refused (the answer
   * says why; nothing is stored).
   */
  app.post("/v1/webhooks/platforms", async (c) => {
    const decoded = decodeWebhook(await json(c));
    if (Result.isFailure(decoded)) return send(c, invalid(decoded.failure.message));
    const notice = decoded.success;
    const verdict = await decider.decide(notice.postId, notice.facts);
    switch (verdict.kind) {
      case "refused":
        return c.json({ postId: notice.postId, refused: verdict.rejection }, 202);
      case "not_found":
        return c.json({ postId: notice.postId, ignored: "unknown_post" }, 202);
      default:
        return send(c, answerOf(verdict, notice.postId));
    }
  });

  app.post("/v1/subscriptions", async (c) => {
    const body = await json(c);
    if (!isRecord(body) || typeof body.secret !== "string" || body.secret === "") {
      return send(c, invalid("secret must be a non-empty string", "secret"));
    }
    const url = URL.canParse(String(body.url)) ? new URL(String(body.url)) : undefined;
    if (url === undefined || (url.protocol !== "https:" && url.protocol !== "http:")) {
      return send(c, invalid("url must be an absolute http(s) URL", "url"));
    }
    const [row] = await db
      .insert(subscriptions)
      .values({ url: url.href, secret: body.secret })
      .returning();
    return c.json({ id: row?.id, url: url.href }, 201);
  });

  return app;
};
