/**
 * The service's tables. A post is one row: postlife's `Post` as JSON, beside
 * the version that compare-and-set reads. Every event that changed a post is
 * kept in order, so a post can always be replayed from its input. The outbox
 * has no table of its own: pg-boss's job table is written in the decision's
 * transaction (see `outbox.ts`).
 */
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import type { Post, PostEvent, PostInput } from "postlife";

export const posts = pgTable("posts", {
  id: text("id").primaryKey(),
  /** Bumped by every save; compare-and-set reads it. Not postlife's `revision`, which counts edits. */
  version: integer("version").notNull(),
  /** A copy of `post.status`, for queries; postlife derives it, nobody writes it by hand. */
  status: text("status").notNull(),
  post: jsonb("post").$type<Post>().notNull(),
  /** What the post was created from: the start of its replay. */
  input: jsonb("input").$type<PostInput>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The events each post accepted, in order: `version` is the version they made (a request may take several at once). */
export const acceptedEvents = pgTable(
  "accepted_events",
  {
    postId: text("post_id").notNull(),
    version: integer("version").notNull(),
    events: jsonb("events").$type<readonly PostEvent[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.version] })],
);

/** The first answer to each `Idempotency-Key`: the same key again gets it, and creates nothing. */
export const idempotentRequests = pgTable("idempotent_requests", {
  key: text("key").primaryKey(),
  /** What the request asked, so the same key with another body is refused. */
  fingerprint: text("fingerprint").notNull(),
  status: integer("status").notNull(),
  body: jsonb("body").notNull(),
});

/** Who receives the outgoing webhooks, and the secret each signature is made with. */
export const subscriptions = pgTable("subscriptions", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  url: text("url").notNull(),
  secret: text("secret").notNull(),
});

/**
 * Which jobs carry out what postlife may later ask to remove: tagged by the
 * job key (a schedule, a deadline) or the idempotency key (a delivery and its
 * retry timer). `disarm_*` and `cancel_delivery` cancel what their tag finds.
 */
export const jobTags = pgTable(
  "job_tags",
  {
    tag: text("tag").notNull(),
    queue: text("queue").notNull(),
    jobId: text("job_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tag, t.jobId] })],
);

/** What a person must hear about: an account to reconnect, a post the platform has twice. */
export const notices = pgTable(
  "notices",
  {
    id: text("id").primaryKey(),
    postId: text("post_id").notNull(),
    kind: text("kind").notNull(),
    detail: jsonb("detail").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("notices_post").on(t.postId)],
);
