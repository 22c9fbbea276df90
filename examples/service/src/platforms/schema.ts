/**
 * The simulated platforms' own records. They live in the service's database
 * only so that every worker process sees one platform: the service never
 * reads them to decide anything, and the proof reads them as the truth.
 */
import { boolean, integer, pgTable, primaryKey, serial, text } from "drizzle-orm/pg-core";

/** Every post a platform made, once per call that made one: two rows for one delivery is a double publish. */
export const platformPosts = pgTable("sim_platform_posts", {
  id: serial("id").primaryKey(),
  platform: text("platform").notNull(),
  accountId: text("account_id").notNull(),
  postId: text("post_id").notNull(),
  destinationId: text("destination_id").notNull(),
  idempotencyKey: text("idempotency_key").notNull(),
  platformPostId: text("platform_post_id").notNull().unique(),
  /** What was posted: the proof checks it is the post's last revision. */
  content: text("content").notNull(),
  /** The item of a thread it is (0: the first post), and the post it replies to. */
  item: integer("item").notNull().default(0),
  replyTo: text("reply_to"),
  /** When, in the service's time: the proof checks it is not before the post's schedule. */
  madeAt: text("made_at").notNull(),
});

/** Accounts whose token has expired, until the owner reconnects them. */
export const platformAccounts = pgTable(
  "sim_platform_accounts",
  {
    platform: text("platform").notNull(),
    accountId: text("account_id").notNull(),
    expired: boolean("expired").notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.accountId] })],
);

/** Publish calls made per destination, so a scripted fault meets the call it names. */
export const platformCalls = pgTable(
  "sim_platform_calls",
  {
    postId: text("post_id").notNull(),
    destinationId: text("destination_id").notNull(),
    calls: integer("calls").notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.destinationId] })],
);
