/**
 * What the HTTP API and the webhooks say about a stored post, in the
 * vendors' shapes: postlife's `Post` read as a `PostReport` once, then
 * written by `postlife/wire`'s encoders.
 */
import { createHash } from "node:crypto";
import * as Result from "effect/Result";
import * as Schema from "effect/Schema";
import {
  aggregateStatus,
  attemptsMade,
  type Destination,
  type EmitWebhook,
  type Post,
  type PublishError,
} from "postlife";
import {
  type DestinationReport,
  encodeMcpPostStatus,
  encodePostPostGroup,
  encodeResults,
  type PostReport,
  ReportedErrorJson,
  type ReportedErrorWire,
  summarizeBatch,
  type WebhookPayload,
} from "postlife/wire";

const present = <K extends string, V>(key: K, value: V | undefined | null) =>
  (value === undefined || value === null ? {} : { [key]: value }) as { [P in K]?: V };

/** One destination as a report: the platform's ids and URL only once it is live. */
const destinationReportOf = (post: Post, d: Destination): DestinationReport => ({
  id: d.id,
  content: d.content ?? post.content,
  platform: d.platform,
  accountId: d.accountId,
  status: d.status,
  vendorStatus: d.status,
  ...present("platformPostId", d.platformPostId),
  ...present("platformUrl", d.platformUrl),
  ...present("publishedAt", d.publishedAt),
  ...present("error", d.error),
  attempts: attemptsMade(d),
  ...present("nextRetryAt", d.status === "retrying" ? d.nextRetryAt : undefined),
  // A thread's items, each with its status and, once live, its post.
  ...present(
    "items",
    d.items?.map((item) => ({
      status: item.status,
      vendorStatus: item.status,
      ...present("platformPostId", item.platformPostId),
      ...present("platformUrl", item.platformUrl),
      ...present("publishedAt", item.publishedAt),
    })),
  ),
});

/** The post as every vendor decoder reads one: the canonical view the encoders write. */
const reportOf = (post: Post): PostReport => ({
  id: post.id,
  status: post.status,
  vendorStatus: post.status,
  destinations: post.destinations.map((d) => destinationReportOf(post, d)),
});

const orThrow = <A, E>(result: Result.Result<A, E>): A => {
  if (Result.isSuccess(result)) return result.success;
  // A post postlife made always encodes: a failure here is a bug of this service, not bad input.
  throw new Error(`a stored post did not encode: ${String(result.failure)}`);
};

/** Seed shape of the publish_post API's `get_post_status`, one entry per destination. */
export const statusView = (post: Post) => ({
  postId: post.id,
  status: post.status,
  revision: post.revision,
  scheduledAt: post.scheduledAt,
  destinations: post.destinations.map((d) =>
    orThrow(
      encodeMcpPostStatus({
        id: `${post.id}/${d.id}`,
        status: aggregateStatus([d.status]),
        vendorStatus: d.status,
        destinations: [{ ...destinationReportOf(post, d), id: `${post.id}/${d.id}` }],
        ...present("scheduledAt", post.scheduledAt),
      }),
    ),
  ),
});

/**
 * The results API's `/posts/:id/results`. Its `account_id` is the integer id of
 * a connected account in the vendor's own table; this service keeps no
 * account table, so a destination's place in the post stands for it.
 */
export const resultsView = (post: Post) => {
  const report = reportOf(post);
  return orThrow(
    encodeResults({
      ...report,
      destinations: report.destinations.map((d, n) => ({
        ...d,
        id: String(n + 1),
        accountId: String(n + 1),
      })),
    }),
  );
};

/**
 * PostPost's get-post: the group and its platform posts. PostPost names both
 * with MongoDB ObjectIds (24 hexadecimal characters): the post's id is one,
 * and each platform post's is made from the post's and the destination's.
 */
export const groupView = (post: Post) => {
  const report = reportOf(post);
  return orThrow(
    encodePostPostGroup({
      ...report,
      destinations: report.destinations.map((d) => ({
        ...d,
        id: objectIdOf(`${post.id}/${d.id}`),
      })),
    }),
  );
};

/** A MongoDB-ObjectId-shaped id (24 hexadecimal characters) named by `name`. */
export const objectIdOf = (name: string): string =>
  createHash("sha256").update(name).digest("hex").slice(0, 24);

/** Wahdx's status check of one destination: the account and the post it was published from. */
export const wahdxStatusOf = (post: Post, d: Destination) => ({
  accountId: d.accountId,
  publishId: post.id,
  status: d.status,
  ...present("postUrl", d.platformUrl),
  ...present("error", d.error === undefined ? undefined : errorWire(d.error)),
});

/** Wahdx's batch check: every destination asked for, and a summary of where they stand. */
export const batchView = (found: readonly { post: Post; destination: Destination }[]) =>
  summarizeBatch(
    found.map(({ post, destination }) => ({
      ...destinationReportOf(post, destination),
      id: post.id,
    })),
  );

const encodeError = Schema.encodeSync(ReportedErrorJson);
const errorWire = (error: PublishError): ReportedErrorWire => encodeError(error);

/**
 * The body of an outgoing webhook: the event postlife asked for, with the
 * post as the event that asked for it left it, at the time that event
 * carried.
 */
export const webhookPayloadOf = (post: Post, w: EmitWebhook, now: string): WebhookPayload => {
  const d =
    w.destinationId === undefined
      ? undefined
      : post.destinations.find((x) => x.id === w.destinationId);
  return {
    event: w.event,
    postId: post.id,
    revision: w.revision,
    ...(d === undefined
      ? {
          results: post.destinations.map((x) => ({
            destinationId: x.id,
            status: x.status,
            platform: x.platform,
            ...present("platformPostId", x.platformPostId),
            ...present("platformUrl", x.platformUrl),
            ...present("error", x.error === undefined ? undefined : errorWire(x.error)),
          })),
        }
      : {
          destinationId: d.id,
          platform: d.platform,
          ...present("platformPostId", d.platformPostId),
          ...present("platformUrl", d.platformUrl),
          ...present("error", d.error === undefined ? undefined : errorWire(d.error)),
        }),
    occurredAt: now,
  };
};
