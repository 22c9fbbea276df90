/**
 * Seeds 000 and 002 (an MCP publishing service: `get_post_status`,
 * `publish_post`, `update_post`) as Effect Schema codecs: the status result
 * into a one-destination `PostReport`, and the `update_post` request into
 * the postlife commands it means.
 *
 * Tolerance, everywhere: fields nobody asked for are ignored; `null` in an
 * optional field is read as absent (and never written); a status word or an
 * error code postlife does not know is kept as it came (`status: "unknown"`
 * with the word in `vendorStatus`; the code in `error.code`); a required field
 * that is missing or of the wrong type fails with a `SchemaError` whose
 * message names its path (`Missing key\n  at ["postId"]`).
 */

import * as Effect from "effect/Effect";
import type * as Result from "effect/Result";
import * as Schema from "effect/Schema";
import * as SchemaGetter from "effect/SchemaGetter";
import type * as SchemaIssue from "effect/SchemaIssue";
import type { CancelEvent, EditEvent, PostChanges, PublishEvent } from "../domain/event.js";
import { isInstant, parseInstant } from "../domain/instant.js";
import { type Media, mediaKinds } from "../domain/media.js";
import { Instant, NonNegative, OptionalText } from "./internal/fields.js";
import { issueAt } from "./internal/issue-at.js";
import { present } from "./internal/present.js";
import { statusOf } from "./internal/status-of.js";
import type { DestinationReport, PostReport } from "./report.js";
import { postReportFields } from "./report.schema.js";
import { ReportedErrorJson, type ReportedErrorWire } from "./reported-error.schema.js";
import { vendorWord } from "./vocabulary.js";

// ---------------------------------------------------------------------------
// get_post_status (seed 000)
// ---------------------------------------------------------------------------

/**
 * The JSON of seed 000's `get_post_status` result (and of `publish_post`'s
 * reply, `{ postId, status: "queued" }`, the same shape). The seed shows
 * `postId`, `status`, `externalId`, `externalUrl` and `error`, names
 * `platformPostId` / `platformUrl` in prose for the same two values, and has
 * `scheduledAt`, `platform`, `accountId` and `content` on its posts; postlife
 * reads all of them and writes `externalId` / `externalUrl`, the names its
 * JSON examples use.
 *
 * @example
 * ```ts
 * import type { McpPostStatusWire } from "postlife/wire";
 * const published: McpPostStatusWire = {
 *   postId: "pst_01HZX3K8Q4W7", status: "published",
 *   externalId: "1780123456789012345", externalUrl: "https://x.com/i/status/1780123456789012345",
 * };
 * ```
 * @since 0.1.0
 */
export interface McpPostStatusWire {
  readonly postId: string;
  /** pending, queued, processing, publishing, published, failed, draft, scheduled, pending_approval, cancelled, or any other word (kept). */
  readonly status: string;
  readonly externalId?: string | null;
  readonly externalUrl?: string | null;
  /** Read when `externalId` is absent; never written. */
  readonly platformPostId?: string | null;
  /** Read when `externalUrl` is absent; never written. */
  readonly platformUrl?: string | null;
  readonly platform?: string | null;
  readonly accountId?: string | null;
  readonly content?: string | null;
  readonly publishedAt?: string | null;
  readonly scheduledAt?: string | null;
  readonly error?: ReportedErrorWire | null;
}

/**
 * What seed 000's status result says, in postlife's words: a `PostReport`
 * whose one destination is the post itself (the seed's post goes to one
 * network, so its destination has the post's id), plus the planned time.
 *
 * @example
 * ```ts
 * import type { McpPostReport } from "postlife/wire";
 * const queued: McpPostReport = {
 *   id: "pst_01HZX3K8Q4W7", status: "queued", vendorStatus: "pending",
 *   destinations: [{ id: "pst_01HZX3K8Q4W7", status: "queued", vendorStatus: "pending" }],
 * };
 * ```
 * @since 0.1.0
 */
export interface McpPostReport extends PostReport {
  readonly scheduledAt?: string;
}

const McpPostStatusWireSchema = Schema.Struct({
  postId: Schema.NonEmptyString,
  status: Schema.String,
  externalId: OptionalText,
  externalUrl: OptionalText,
  platformPostId: OptionalText,
  platformUrl: OptionalText,
  platform: OptionalText,
  accountId: OptionalText,
  content: OptionalText,
  publishedAt: Schema.optionalKey(Schema.NullOr(Instant)),
  scheduledAt: Schema.optionalKey(Schema.NullOr(Instant)),
  error: Schema.optionalKey(Schema.NullOr(ReportedErrorJson)),
});

const McpPostReportSchema = Schema.Struct({
  ...postReportFields,
  scheduledAt: Schema.optionalKey(Instant),
});

const decodeMcpStatus = (wire: typeof McpPostStatusWireSchema.Type): McpPostReport => {
  const report: DestinationReport = {
    id: wire.postId,
    ...present("platform", wire.platform),
    ...present("accountId", wire.accountId),
    status: statusOf(wire.status, { vendor: "postato", level: "destination" }),
    vendorStatus: wire.status,
    ...present("content", wire.content),
    ...present("platformPostId", wire.externalId ?? wire.platformPostId),
    ...present("platformUrl", wire.externalUrl ?? wire.platformUrl),
    ...present("publishedAt", wire.publishedAt),
    ...present("error", wire.error),
  };
  return {
    id: wire.postId,
    status: statusOf(wire.status, { vendor: "postato", level: "post" }),
    vendorStatus: wire.status,
    destinations: [report],
    ...present("scheduledAt", wire.scheduledAt),
  };
};

const encodeMcpStatus = (
  report: McpPostReport,
): Effect.Effect<typeof McpPostStatusWireSchema.Type, SchemaIssue.Issue> => {
  const [destination] = report.destinations;
  if (destination === undefined || report.destinations.length !== 1) {
    return Effect.fail(
      issueAt(
        ["destinations"],
        `seed 000's post goes to one network: expected one destination, got ${report.destinations.length}`,
      ),
    );
  }
  return Effect.succeed({
    postId: report.id,
    status: vendorWord(destination.status, {
      vendor: "postato",
      level: "destination",
      keep: destination.vendorStatus,
    }),
    ...present("externalId", destination.platformPostId),
    ...present("externalUrl", destination.platformUrl),
    ...present("platform", destination.platform),
    ...present("accountId", destination.accountId),
    ...present("content", destination.content),
    ...present("publishedAt", destination.publishedAt),
    ...present("scheduledAt", report.scheduledAt),
    ...present("error", destination.error),
  });
};

/**
 * The codec between seed 000's `get_post_status` result (or `publish_post`
 * reply) and a one-destination `McpPostReport`. The status word is read with
 * the `seed-000` vocabulary at both levels (`pending` is queued,
 * `processing` is publishing, `failed` means all retries are spent); a word
 * it does not know gives `status: "unknown"` with the word kept.
 *
 * Encoding writes the destination's word (`vendorWord`: the vendor's own
 * word when it still means the status, else the seed's word for it), its
 * platform post id and URL as `externalId` / `externalUrl`, and the error as
 * seed 001's object. A report that is not one destination fails
 * naming `["destinations"]`; the destination's own id, `attempts` and
 * `nextRetryAt` have no place in the seed's shape and are not written.
 * `decode(encode(r))` is `r` for every report decoding gives.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema";
 * import { McpPostStatusJson } from "postlife/wire";
 * const report = Schema.decodeUnknownSync(McpPostStatusJson)({
 *   postId: "pst_01H", status: "published", externalId: "1780123456789012345",
 * });
 * report.status; // "published"
 * report.destinations[0]?.platformPostId; // "1780123456789012345"
 * Schema.encodeSync(McpPostStatusJson)(report); // { postId: "pst_01H", status: "published", externalId: "1780123456789012345" }
 * ```
 * @since 0.1.0
 */
export const McpPostStatusJson: Schema.Codec<McpPostReport, McpPostStatusWire> =
  McpPostStatusWireSchema.pipe(
    Schema.decodeTo(McpPostReportSchema, {
      decode: SchemaGetter.transform(decodeMcpStatus),
      encode: SchemaGetter.transformEffect(encodeMcpStatus),
    }),
  ).annotate({ identifier: "McpPostStatus" });

/**
 * Decodes a `get_post_status` result into a `McpPostReport`, as a plain
 * `Result` (no Effect to run). Seed 000's typical flow shows replies without
 * `postId` (`{ status: "publishing" }`): pass the `postId` the call asked
 * about and it fills in for a missing one.
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import { decodeMcpPostStatus } from "postlife/wire";
 * const result = decodeMcpPostStatus({ status: "publishing" }, { postId: "pst_01H" });
 * if (Result.isSuccess(result)) result.success.status; // "publishing"
 * else result.failure.message; // e.g. 'Missing key\n  at ["status"]'
 * ```
 * @since 0.1.0
 */
export const decodeMcpPostStatus = (
  input: unknown,
  options: { readonly postId?: string } = {},
): Result.Result<McpPostReport, Schema.SchemaError> => {
  const filled =
    options.postId !== undefined &&
    typeof input === "object" &&
    input !== null &&
    !Array.isArray(input) &&
    (input as { readonly postId?: unknown }).postId === undefined
      ? { ...input, postId: options.postId }
      : input;
  return Schema.decodeUnknownResult(McpPostStatusJson)(filled);
};

/**
 * Encodes a `McpPostReport` as seed 000's status result, as a plain `Result`.
 *
 * @example
 * ```ts
 * import { encodeMcpPostStatus } from "postlife/wire";
 * encodeMcpPostStatus({
 *   id: "pst_01H", status: "queued", vendorStatus: "queued",
 *   destinations: [{ id: "pst_01H", status: "queued", vendorStatus: "queued" }],
 * }); // Success({ postId: "pst_01H", status: "queued" })
 * ```
 * @since 0.1.0
 */
export const encodeMcpPostStatus = (
  report: McpPostReport,
): Result.Result<McpPostStatusWire, Schema.SchemaError> =>
  Schema.encodeUnknownResult(McpPostStatusJson)(report);

// ---------------------------------------------------------------------------
// update_post (seed 002)
// ---------------------------------------------------------------------------

/**
 * One media item on the wire, as postlife's `Media` (the seed says only
 * "reattach media items").
 */
const MediaJson = Schema.Struct({
  kind: Schema.Literals(mediaKinds),
  url: Schema.NonEmptyString,
  sizeBytes: Schema.optionalKey(NonNegative),
  mimeType: Schema.optionalKey(Schema.String),
  altText: Schema.optionalKey(Schema.String),
  durationMs: Schema.optionalKey(NonNegative),
  width: Schema.optionalKey(NonNegative),
  height: Schema.optionalKey(NonNegative),
});

/**
 * The JSON of seed 002's `update_post` request. `status` is `"publish"` or
 * `"cancelled"` per the seed's parameter table; any other word is kept (see
 * `UpdatePostCommands.unknownStatus`). `scheduledAt: null` moves the post out
 * of the future (clears its planned time).
 *
 * @example
 * ```ts
 * import type { UpdatePostWire } from "postlife/wire";
 * const reschedule: UpdatePostWire = { workspaceId: "wks_01H...", postId: "pst_01H...", scheduledAt: "2026-04-20T14:00:00Z" };
 * ```
 * @since 0.1.0
 */
export interface UpdatePostWire {
  readonly workspaceId?: string | null;
  readonly postId: string;
  readonly status?: string | null;
  readonly scheduledAt?: string | null;
  readonly content?: string | null;
  readonly media?: readonly Media[] | null;
}

/**
 * A postlife command an `update_post` request can mean.
 *
 * @example
 * ```ts
 * import type { UpdatePostCommand } from "postlife/wire";
 * const publish: UpdatePostCommand = { type: "PUBLISH", now: "2026-04-19T09:00:00Z" };
 * ```
 * @since 0.1.0
 */
export type UpdatePostCommand = EditEvent | PublishEvent | CancelEvent;

/**
 * What an `update_post` request means in postlife: the commands to apply,
 * in order, to the post `postId`. `unknownStatus` keeps a `status` word
 * that is neither `publish` nor `cancelled` (the seed's prose also lists
 * draft → scheduled and scheduled → draft), which gives no command: the
 * service decides what to answer.
 *
 * @example
 * ```ts
 * import type { UpdatePostCommands } from "postlife/wire";
 * const commands: UpdatePostCommands = {
 *   workspaceId: "wks_01H...", postId: "pst_01H...",
 *   commands: [{ type: "EDIT", changes: { content: "Fixed typo" } }, { type: "PUBLISH", now: "2026-04-19T09:00:00Z" }],
 * };
 * ```
 * @since 0.1.0
 */
export interface UpdatePostCommands {
  readonly workspaceId?: string;
  readonly postId: string;
  readonly commands: readonly UpdatePostCommand[];
  readonly unknownStatus?: string;
}

const UpdatePostWireSchema = Schema.Struct({
  workspaceId: OptionalText,
  postId: Schema.NonEmptyString,
  status: OptionalText,
  scheduledAt: Schema.optionalKey(Schema.NullOr(Instant)),
  content: OptionalText,
  media: Schema.optionalKey(Schema.NullOr(Schema.Array(MediaJson))),
});
type UpdatePostWireType = typeof UpdatePostWireSchema.Type;

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const UpdatePostCommandsSchema = Schema.declare<UpdatePostCommands>(
  (u): u is UpdatePostCommands =>
    isRecord(u) && typeof u.postId === "string" && Array.isArray(u.commands),
  { identifier: "UpdatePostCommands", expected: "{ postId, commands }" },
);

/** The status words of `update_post` and the command each means. */
const statusCommands = { publish: "PUBLISH", cancelled: "CANCEL" } as const;

const decodeUpdate =
  (now: string) =>
  (wire: UpdatePostWireType): UpdatePostCommands => {
    const changes: PostChanges = {
      ...present("content", wire.content),
      ...present("media", wire.media),
      ...(wire.scheduledAt === undefined ? {} : { scheduledAt: wire.scheduledAt }),
    };
    const commands: UpdatePostCommand[] = [];
    // Changes first: the post takes them only while draft or scheduled, before PUBLISH queues it.
    if (Object.keys(changes).length > 0) {
      commands.push({
        type: "EDIT",
        changes,
        ...(wire.scheduledAt === undefined ? {} : { now }),
      });
    }
    const status = wire.status ?? undefined;
    const known =
      status !== undefined && Object.hasOwn(statusCommands, status)
        ? statusCommands[status as keyof typeof statusCommands]
        : undefined;
    if (known === "PUBLISH") commands.push({ type: "PUBLISH", now });
    if (known === "CANCEL") commands.push({ type: "CANCEL" });
    return {
      ...present("workspaceId", wire.workspaceId),
      postId: wire.postId,
      commands,
      ...(status !== undefined && known === undefined ? { unknownStatus: status } : {}),
    };
  };

const editable = new Set(["content", "media", "scheduledAt"]);

/** Why a list of commands has no `update_post` request, or undefined when it has one. */
const unencodable = (value: UpdatePostCommands): SchemaIssue.Issue | undefined => {
  let edits = 0;
  let statuses = 0;
  for (const [index, command] of value.commands.entries()) {
    const at = (message: string, ...rest: PropertyKey[]) =>
      issueAt(["commands", index, ...rest], message);
    if (!isRecord(command)) return at("expected a command object");
    switch (command.type) {
      case "EDIT": {
        if (edits++ > 0) return at("update_post carries one set of changes: a second EDIT");
        if (statuses > 0) return at("update_post applies its changes first: EDIT after a status");
        if (!isRecord(command.changes)) return at("expected an object", "changes");
        const keys = Object.keys(command.changes).filter(
          (key) => (command.changes as Record<string, unknown>)[key] !== undefined,
        );
        if (keys.length === 0) return at("the EDIT changes nothing", "changes");
        const other = keys.find((key) => !editable.has(key));
        if (other !== undefined) {
          return at(
            `update_post cannot change ${other}: only content, media and scheduledAt`,
            "changes",
            other,
          );
        }
        const { scheduledAt } = command.changes;
        if (scheduledAt !== undefined && scheduledAt !== null && !isInstant(scheduledAt)) {
          return at(`${String(parseInstant(scheduledAt))}`, "changes", "scheduledAt");
        }
        break;
      }
      case "PUBLISH":
      case "CANCEL":
        if (statuses++ > 0) return at("update_post carries one status: a second status command");
        if (value.unknownStatus !== undefined) {
          return at(`the request's status is already "${value.unknownStatus}"`);
        }
        break;
      default:
        return at(
          `update_post cannot carry ${String((command as { type?: unknown }).type)}: only EDIT, PUBLISH and CANCEL`,
          "type",
        );
    }
  }
  return undefined;
};

const encodeUpdate = (
  value: UpdatePostCommands,
): Effect.Effect<UpdatePostWireType, SchemaIssue.Issue> => {
  const problem = unencodable(value);
  if (problem !== undefined) return Effect.fail(problem);
  const edit = value.commands.find((c): c is EditEvent => c.type === "EDIT");
  const status = value.commands.find((c) => c.type !== "EDIT");
  const word =
    status?.type === "PUBLISH"
      ? "publish"
      : status?.type === "CANCEL"
        ? "cancelled"
        : value.unknownStatus;
  return Effect.succeed({
    ...present("workspaceId", value.workspaceId),
    postId: value.postId,
    ...present("status", word),
    ...(edit?.changes.scheduledAt === undefined ? {} : { scheduledAt: edit.changes.scheduledAt }),
    ...present("content", edit?.changes.content),
    ...present("media", edit?.changes.media),
  });
};

/**
 * The codec between seed 002's `update_post` request and the postlife
 * commands it means, for a call made at `now`: `content`, `media` and
 * `scheduledAt` become one EDIT (carrying `now` when it moves the time, as
 * `apply` needs to keep a scheduled post in the future), then `status:
 * "publish"` a PUBLISH at `now`, `status: "cancelled"` a CANCEL. Apply them
 * in that order: the edit lands while the post is still editable.
 *
 * Encoding writes them back; commands the request cannot carry (two EDITs,
 * an EDIT after the status, a change of destinations, another command type)
 * fail with a message naming `["commands"][i]`. `now` is not written (the
 * request has no time of its own), so `decode(encode(c))` is `c` for
 * commands decoded at the same `now`.
 *
 * Note: seed 002 also lets `scheduledAt` "promote a draft to a scheduled
 * post"; in postlife a draft's planned time is an EDIT and scheduling is a
 * SCHEDULE, which depends on the post's status: a service that wants the
 * seed's promotion follows the EDIT with `{ type: "SCHEDULE", at, now }`.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema";
 * import { UpdatePostJson } from "postlife/wire";
 * const now = "2026-04-19T09:00:00Z";
 * Schema.decodeUnknownSync(UpdatePostJson(now))({ postId: "pst_01H", content: "Fixed", status: "publish" });
 * // { postId: "pst_01H", commands: [{ type: "EDIT", changes: { content: "Fixed" } }, { type: "PUBLISH", now }] }
 * ```
 * @since 0.1.0
 */
export const UpdatePostJson = (now: string): Schema.Codec<UpdatePostCommands, UpdatePostWire> =>
  UpdatePostWireSchema.pipe(
    Schema.decodeTo(UpdatePostCommandsSchema, {
      decode: SchemaGetter.transform(decodeUpdate(now)),
      encode: SchemaGetter.transformEffect(encodeUpdate),
    }),
  ).annotate({ identifier: "UpdatePost" });

/**
 * Decodes an `update_post` request made at `now` into its commands, as a
 * plain `Result`.
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import { decodeUpdatePost } from "postlife/wire";
 * const result = decodeUpdatePost({ postId: "pst_01H", status: "cancelled" }, "2026-04-19T09:00:00Z");
 * if (Result.isSuccess(result)) result.success.commands; // [{ type: "CANCEL" }]
 * ```
 * @since 0.1.0
 */
export const decodeUpdatePost = (
  input: unknown,
  now: string,
): Result.Result<UpdatePostCommands, Schema.SchemaError> =>
  Schema.decodeUnknownResult(UpdatePostJson(now))(input);

/**
 * Encodes commands as seed 002's `update_post` request, as a plain `Result`
 * (the commands' own `now` is not written).
 *
 * @example
 * ```ts
 * import { encodeUpdatePost } from "postlife/wire";
 * encodeUpdatePost({ postId: "pst_01H", commands: [{ type: "PUBLISH", now: "2026-04-19T09:00:00Z" }] });
 * // Success({ postId: "pst_01H", status: "publish" })
 * ```
 * @since 0.1.0
 */
export const encodeUpdatePost = (
  value: UpdatePostCommands,
): Result.Result<UpdatePostWire, Schema.SchemaError> =>
  // Encoding reads no time: any instant builds the codec.
  Schema.encodeUnknownResult(UpdatePostJson("1970-01-01T00:00:00Z"))(value);
