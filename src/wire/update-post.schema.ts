/**
 * The `update_post` tool of the publish_post API (Postato's MCP tools) as an
 * Effect Schema codec: the request into the postlife commands it means, and
 * commands back into the one request that means them. The API's status side
 * (`get_post_status`) is in `mcp-post-status.schema.ts`.
 *
 * Tolerance, everywhere: fields nobody asked for are ignored; `null` in an
 * optional field is read as absent (and never written); a status word postlife
 * does not know is kept as it came (`unknownStatus`); a required field that is
 * missing or of the wrong type fails with a `SchemaError` whose message names
 * its path (`Missing key\n  at ["postId"]`).
 */

import * as Effect from "effect/Effect";
import type * as Result from "effect/Result";
import * as Schema from "effect/Schema";
import * as SchemaGetter from "effect/SchemaGetter";
import type * as SchemaIssue from "effect/SchemaIssue";
import type {
  CancelEvent,
  EditEvent,
  PostChanges,
  PublishEvent,
  ScheduleEvent,
  UnscheduleEvent,
} from "../domain/event.js";
import { isInstant, parseInstant } from "../domain/instant.js";
import { type Media, mediaKinds } from "../domain/media.js";
import { isRecord } from "../rules/checks.js";
import { Instant, NonNegative, OptionalText } from "./internal/fields.js";
import { issueAt } from "./internal/issue-at.js";
import { present } from "./internal/present.js";

/**
 * One media item on the wire, as postlife's `Media` (the API says only
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
 * The JSON of the `update_post` request. `status` is one of the API's
 * transitions: `"publish"` (draft or scheduled → publish), `"cancelled"`,
 * `"scheduled"` with `scheduledAt` (draft → scheduled, or a new time) and
 * `"draft"` (scheduled → draft); any other word is kept (see
 * `UpdatePostCommands.unknownStatus`). `scheduledAt: null` moves the post out
 * of the future (clears its planned time). `platform`, `accountId` and
 * `postType` "are NOT editable. To change those, delete and recreate": a
 * request that names one of them is refused, never half applied.
 *
 * @example
 * ```ts
 * import type { UpdatePostWire } from "postlife/wire";
 * const reschedule: UpdatePostWire = { workspaceId: "wks_01H...", postId: "pst_01H...", scheduledAt: "2026-04-20T14:00:00Z" };
 * const promote: UpdatePostWire = {
 *   postId: "pst_01H...", status: "scheduled", scheduledAt: "2026-04-20T14:00:00Z", idempotencyKey: "launch-v2",
 * };
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
  /**
   * A new idempotency key for the delivery the edit re-enqueues ("if you
   * want to guarantee no double-publish, also pass a new idempotencyKey"):
   * kept as `UpdatePostCommands.idempotencyKey`.
   */
  readonly idempotencyKey?: string | null;
}

/**
 * A postlife command an `update_post` request can mean.
 *
 * @example
 * ```ts
 * import type { UpdatePostCommand } from "postlife/wire";
 * const publish: UpdatePostCommand = { type: "PUBLISH", now: "2026-04-19T09:00:00Z" };
 * const promote: UpdatePostCommand = { type: "SCHEDULE", at: "2026-04-20T14:00:00Z", now: "2026-04-19T09:00:00Z" };
 * const backToDraft: UpdatePostCommand = { type: "UNSCHEDULE" };
 * ```
 * @since 0.1.0
 */
export type UpdatePostCommand =
  | EditEvent
  | PublishEvent
  | CancelEvent
  | ScheduleEvent
  | UnscheduleEvent;

/**
 * What an `update_post` request means in postlife: the commands to apply,
 * in order, to the post `postId`. `unknownStatus` keeps a `status` word
 * that is none of the API's (`publish`, `cancelled`, `scheduled`, `draft`),
 * which gives no command: the service decides what to answer.
 * `idempotencyKey` is the caller's new key, as it came: the service passes
 * it on with the delivery the commands enqueue (the API recomputes
 * idempotency when a scheduled post is edited, and advises a new key to
 * guarantee no double-publish).
 *
 * @example
 * ```ts
 * import type { UpdatePostCommands } from "postlife/wire";
 * const commands: UpdatePostCommands = {
 *   workspaceId: "wks_01H...", postId: "pst_01H...",
 *   commands: [{ type: "EDIT", changes: { content: "Fixed typo" } }, { type: "PUBLISH", now: "2026-04-19T09:00:00Z" }],
 *   idempotencyKey: "launch-v2",
 * };
 * ```
 * @since 0.1.0
 */
export interface UpdatePostCommands {
  readonly workspaceId?: string;
  readonly postId: string;
  readonly commands: readonly UpdatePostCommand[];
  readonly unknownStatus?: string;
  /** The caller's new idempotency key (`update_post`'s `idempotencyKey`), kept as it came. */
  readonly idempotencyKey?: string;
}

/** The fields `update_post` cannot change: "delete and recreate" the post instead. */
const notEditable = ["platform", "accountId", "postType"] as const;

/** Why a request cannot be taken as it stands, at the field at fault; undefined when it can. */
const refusal = (wire: {
  readonly status?: string | null | undefined;
  readonly scheduledAt?: string | null | undefined;
  readonly platform?: unknown;
  readonly accountId?: unknown;
  readonly postType?: unknown;
}): Schema.FilterOutput => {
  const named = notEditable.find((field) => wire[field] !== undefined && wire[field] !== null);
  if (named !== undefined) {
    return {
      path: [named],
      issue: `update_post cannot change ${named}: platform, accountId and postType are NOT editable. To change those, delete and recreate the post`,
    };
  }
  if (
    wire.status === "scheduled" &&
    (wire.scheduledAt === undefined || wire.scheduledAt === null)
  ) {
    return {
      path: ["scheduledAt"],
      issue: 'status "scheduled" needs scheduledAt: the time to schedule the post for',
    };
  }
  return undefined;
};

const UpdatePostWireSchema = Schema.Struct({
  workspaceId: OptionalText,
  postId: Schema.NonEmptyString,
  status: OptionalText,
  scheduledAt: Schema.optionalKey(Schema.NullOr(Instant)),
  content: OptionalText,
  media: Schema.optionalKey(Schema.NullOr(Schema.Array(MediaJson))),
  idempotencyKey: Schema.optionalKey(Schema.NullOr(Schema.NonEmptyString)),
  // Read only to be refused (see `refusal`), never written.
  platform: Schema.optionalKey(Schema.Unknown),
  accountId: Schema.optionalKey(Schema.Unknown),
  postType: Schema.optionalKey(Schema.Unknown),
}).check(Schema.makeFilter(refusal));
type UpdatePostWireType = typeof UpdatePostWireSchema.Type;

const UpdatePostCommandsSchema = Schema.declare<UpdatePostCommands>(
  (u): u is UpdatePostCommands =>
    isRecord(u) && typeof u.postId === "string" && Array.isArray(u.commands),
  { identifier: "UpdatePostCommands", expected: "{ postId, commands }" },
);

/**
 * The status words of `update_post` and the command each means: the API's
 * transitions draft → publish and scheduled → publish (PUBLISH), draft →
 * scheduled (SCHEDULE, at `scheduledAt`), scheduled → draft (UNSCHEDULE),
 * and its cancel (CANCEL).
 */
const statusCommands = {
  publish: "PUBLISH",
  cancelled: "CANCEL",
  scheduled: "SCHEDULE",
  draft: "UNSCHEDULE",
} as const;
type StatusCommand = (typeof statusCommands)[keyof typeof statusCommands];

const commandOf = (status: string | undefined): StatusCommand | undefined =>
  status !== undefined && Object.hasOwn(statusCommands, status)
    ? statusCommands[status as keyof typeof statusCommands]
    : undefined;

const decodeUpdate =
  (now: string) =>
  (wire: UpdatePostWireType): UpdatePostCommands => {
    const status = wire.status ?? undefined;
    const known = commandOf(status);
    // With status "scheduled", scheduledAt is the time SCHEDULE plans the post for, not an edit.
    const moves = wire.scheduledAt !== undefined && known !== "SCHEDULE";
    const changes: PostChanges = {
      ...present("content", wire.content),
      ...present("media", wire.media),
      ...(moves ? { scheduledAt: wire.scheduledAt } : {}),
    };
    const edit: UpdatePostCommand[] =
      Object.keys(changes).length === 0
        ? []
        : [
            {
              type: "EDIT",
              changes,
              ...(moves ? { now } : {}),
              // The new key enters every delivery key from the edited revision on.
              ...present("idempotencyKey", wire.idempotencyKey),
            },
          ];
    const commands: UpdatePostCommand[] =
      known === "UNSCHEDULE"
        ? // Back to draft first: a draft takes every change, clearing its time included.
          [{ type: "UNSCHEDULE" }, ...edit]
        : // Changes first: the post takes them while draft or scheduled, before it is queued.
          [
            ...edit,
            ...statusCommand(
              known,
              wire.scheduledAt ?? undefined,
              now,
              // The key rides on the EDIT when there is one, else on what queues or plans the post.
              edit.length === 0 ? (wire.idempotencyKey ?? undefined) : undefined,
            ),
          ];
    return {
      ...present("workspaceId", wire.workspaceId),
      postId: wire.postId,
      commands,
      ...(status !== undefined && known === undefined ? { unknownStatus: status } : {}),
      ...present("idempotencyKey", wire.idempotencyKey),
    };
  };

/** The command a status word means after the changes (UNSCHEDULE comes before them). */
const statusCommand = (
  known: StatusCommand | undefined,
  at: string | undefined,
  now: string,
  key: string | undefined,
): UpdatePostCommand[] => {
  const keyed = key === undefined ? {} : { idempotencyKey: key };
  switch (known) {
    case "PUBLISH":
      return [{ type: "PUBLISH", now, ...keyed }];
    case "CANCEL":
      return [{ type: "CANCEL" }];
    case "SCHEDULE":
      // `refusal` has made sure the time is there.
      return at === undefined ? [] : [{ type: "SCHEDULE", at, now, ...keyed }];
    default:
      return [];
  }
};

const editable = new Set(["content", "media", "scheduledAt"]);

/** The word `update_post` writes for a status command. */
const statusWords: Readonly<Record<StatusCommand, string>> = {
  PUBLISH: "publish",
  CANCEL: "cancelled",
  SCHEDULE: "scheduled",
  UNSCHEDULE: "draft",
};

/** Why a list of commands has no `update_post` request, or undefined when it has one. */
const unencodable = (value: UpdatePostCommands): SchemaIssue.Issue | undefined => {
  if (value.unknownStatus !== undefined && commandOf(value.unknownStatus) !== undefined) {
    return issueAt(
      ["unknownStatus"],
      `"${value.unknownStatus}" is a status update_post knows: give its command (${commandOf(value.unknownStatus)}) instead`,
    );
  }
  if (
    value.idempotencyKey !== undefined &&
    (typeof value.idempotencyKey !== "string" || value.idempotencyKey === "")
  ) {
    return issueAt(["idempotencyKey"], "an idempotency key is a non-empty string");
  }
  let edits = 0;
  let statuses = 0;
  let movedTime = false;
  for (const [index, command] of value.commands.entries()) {
    const at = (message: string, ...rest: PropertyKey[]) =>
      issueAt(["commands", index, ...rest], message);
    if (!isRecord(command)) return at("expected a command object");
    if (command.type === "UNSCHEDULE" && index > 0) {
      return at("update_post takes a post back to draft first: UNSCHEDULE after another command");
    }
    switch (command.type) {
      case "EDIT": {
        if (edits++ > 0) return at("update_post carries one set of changes: a second EDIT");
        if (statuses > 0 && value.commands[0]?.type !== "UNSCHEDULE") {
          return at("update_post applies its changes first: EDIT after a status");
        }
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
        movedTime = scheduledAt !== undefined;
        break;
      }
      case "UNSCHEDULE":
      case "PUBLISH":
      case "CANCEL":
      case "SCHEDULE":
        if (statuses++ > 0) return at("update_post carries one status: a second status command");
        if (value.unknownStatus !== undefined) {
          return at(`the request's status is already "${value.unknownStatus}"`);
        }
        if (command.type === "SCHEDULE") {
          if (!isInstant(command.at)) return at(`${String(parseInstant(command.at))}`, "at");
          if (movedTime) {
            return at(
              "update_post carries one scheduledAt: the SCHEDULE's at, or the EDIT's scheduledAt, not both",
            );
          }
        }
        break;
      default:
        return at(
          `update_post cannot carry ${String((command as { type?: unknown }).type)}: only EDIT, PUBLISH, CANCEL, SCHEDULE and UNSCHEDULE`,
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
  const scheduledAt = status?.type === "SCHEDULE" ? status.at : edit?.changes.scheduledAt;
  return Effect.succeed({
    ...present("workspaceId", value.workspaceId),
    postId: value.postId,
    ...present("status", status === undefined ? value.unknownStatus : statusWords[status.type]),
    ...(scheduledAt === undefined ? {} : { scheduledAt }),
    ...present("content", edit?.changes.content),
    ...present("media", edit?.changes.media),
    ...present(
      "idempotencyKey",
      value.idempotencyKey ??
        edit?.idempotencyKey ??
        (status?.type === "PUBLISH" || status?.type === "SCHEDULE"
          ? status.idempotencyKey
          : undefined),
    ),
  });
};

/**
 * The codec between the `update_post` request and the postlife commands it
 * means, for a call made at `now`. `content`, `media` and `scheduledAt`
 * become one EDIT (carrying `now` when it moves the time, as `apply` needs
 * to keep a scheduled post in the future), then the status: `"publish"` a
 * PUBLISH at `now`, `"cancelled"` a CANCEL, `"scheduled"` a SCHEDULE at
 * `scheduledAt` (which is then the time planned, not an edit: draft →
 * scheduled, or a new time for a scheduled post). `"draft"` is an
 * UNSCHEDULE, which comes first (scheduled → draft, and the changes land on
 * the draft). Apply them in that order. A caller's new `idempotencyKey` is
 * kept beside the commands, and carried by the EDIT when there is one (else
 * by the PUBLISH or SCHEDULE), so that it enters every delivery key postlife
 * derives from then on.
 *
 * Refused with a `SchemaError` naming the field: `platform`, `accountId` or
 * `postType` ("NOT editable. To change those, delete and recreate"; never
 * dropped), and `status: "scheduled"` without `scheduledAt`.
 *
 * Encoding writes them back; commands the request cannot carry (two EDITs,
 * an EDIT after PUBLISH, CANCEL or SCHEDULE, an UNSCHEDULE after anything, a
 * SCHEDULE beside an EDIT of the time, a change of destinations, another
 * command type) fail with a message naming `["commands"][i]`. `now` is not
 * written (the request has no time of its own), so `decode(encode(c))` is
 * `c` for commands decoded at the same `now`.
 *
 * A bare `scheduledAt` on a draft (the API's "promote a draft to a scheduled
 * post" without a status) is an EDIT of its planned time: the request does
 * not say the post's status, so only `status: "scheduled"` schedules it.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema";
 * import { UpdatePostJson } from "postlife/wire";
 * const now = "2026-04-19T09:00:00Z";
 * Schema.decodeUnknownSync(UpdatePostJson(now))({ postId: "pst_01H", content: "Fixed", status: "publish" });
 * // { postId: "pst_01H", commands: [{ type: "EDIT", changes: { content: "Fixed" } }, { type: "PUBLISH", now }] }
 * Schema.decodeUnknownSync(UpdatePostJson(now))({ postId: "pst_01H", status: "scheduled", scheduledAt: "2026-04-20T14:00:00Z" });
 * // { postId: "pst_01H", commands: [{ type: "SCHEDULE", at: "2026-04-20T14:00:00Z", now }] }
 * Schema.decodeUnknownSync(UpdatePostJson(now))({ postId: "pst_01H", platform: "linkedin" });
 * // throws SchemaError: update_post cannot change platform: platform, accountId and postType are NOT editable. …
 * //   at ["platform"]
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
 * plain `Result`: `{ status: "draft" }` is an UNSCHEDULE, `{ status:
 * "scheduled", scheduledAt }` a SCHEDULE; a request naming `platform`,
 * `accountId` or `postType` fails, naming the field.
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import { decodeUpdatePost } from "postlife/wire";
 * const result = decodeUpdatePost({ postId: "pst_01H", status: "cancelled" }, "2026-04-19T09:00:00Z");
 * if (Result.isSuccess(result)) result.success.commands; // [{ type: "CANCEL" }]
 * const draft = decodeUpdatePost({ postId: "pst_01H", status: "draft" }, "2026-04-19T09:00:00Z");
 * if (Result.isSuccess(draft)) draft.success.commands; // [{ type: "UNSCHEDULE" }]
 * const moved = decodeUpdatePost({ postId: "pst_01H", accountId: "acc_2" }, "2026-04-19T09:00:00Z");
 * if (Result.isFailure(moved)) moved.failure.message; // 'update_post cannot change accountId: … delete and recreate the post\n  at ["accountId"]'
 * ```
 * @since 0.1.0
 */
export const decodeUpdatePost = (
  input: unknown,
  now: string,
): Result.Result<UpdatePostCommands, Schema.SchemaError> =>
  Schema.decodeUnknownResult(UpdatePostJson(now))(input);

/**
 * Encodes commands as the `update_post` request, as a plain `Result` (the
 * commands' own `now` is not written).
 *
 * @example
 * ```ts
 * import { encodeUpdatePost } from "postlife/wire";
 * encodeUpdatePost({ postId: "pst_01H", commands: [{ type: "PUBLISH", now: "2026-04-19T09:00:00Z" }] });
 * // Success({ postId: "pst_01H", status: "publish" })
 * encodeUpdatePost({ postId: "pst_01H", commands: [{ type: "UNSCHEDULE" }], idempotencyKey: "launch-v2" });
 * // Success({ postId: "pst_01H", status: "draft", idempotencyKey: "launch-v2" })
 * ```
 * @since 0.1.0
 */
export const encodeUpdatePost = (
  value: UpdatePostCommands,
): Result.Result<UpdatePostWire, Schema.SchemaError> =>
  // Encoding reads no time: any instant builds the codec.
  Schema.encodeUnknownResult(UpdatePostJson("1970-01-01T00:00:00Z"))(value);
