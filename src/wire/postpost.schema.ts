/**
 * PostPost's get-post response (`GET /api/v1/get-post/:postGroupId`) as an
 * Effect Schema codec into postlife's `PostReport` and back.
 *
 * Decoding reads the group and its platform posts: every status word through
 * PostPost's vocabulary (`normalizeStatus`, vendor `postpost`), a word nobody
 * knows kept as `status: "unknown"` with the word in `vendorStatus`; a failed
 * post's error object through `PublishErrorJson` (so a code nobody knows is
 * kept too); `platformId` as `accountId`, `postedId` as `platformPostId`,
 * `platform` as PostPost writes it (`"twitter"`). The group's status is what
 * its posts add up to (`aggregateStatus`), `unknown` when one of them is:
 * a group PostPost calls `published` while one of its posts failed is
 * `partially_published`. The group's own word, when it has one, is kept in
 * `vendorStatus`, and its reading in `overruledStatus` when the posts
 * overrule it; it stands when they agree or cannot say (no posts, or one of
 * them unknown). Fields it does not know are ignored; `null` is read as
 * absent wherever PostPost may leave a field out. Ids must be MongoDB
 * ObjectIds (24 hexadecimal characters): PostPost answers a malformed one
 * with a 500, this codec with a `SchemaError` that names the path.
 *
 * Encoding writes PostPost's own word for each status (`pending` for queued,
 * `processing` for publishing), or the report's `vendorStatus` when that is
 * one of PostPost's words for the status (in any case or spacing) or a word
 * nobody knows, so such a word comes back as it went; a word of another
 * vendor's, or postlife's where PostPost has its own, is replaced by
 * PostPost's; the group's word is the one for `overruledStatus` when there
 * is one, and none when the report has no word of its own and its status is
 * what its posts add up to. Fields PostPost has no place for
 * (`platformUrl`, `publishedAt`, `attempts`, `nextRetryAt`) are left out; a
 * report that lacks what PostPost requires (a destination's `platform`,
 * `accountId`, `content`) or contradicts itself (`status: "unknown"` with a
 * word PostPost knows, a group status its posts do not add up to) fails with
 * a `SchemaError` naming the path. For every report the shape can carry,
 * `decode(encode(r))` is `r`; an error without `platformError` is the one
 * normalisation, written as the PostPost error object's `null` (see
 * `PublishErrorJson`).
 */

import type * as Result from "effect/Result";
import * as Schema from "effect/Schema";
import * as SchemaGetter from "effect/SchemaGetter";
import { destinationStatuses, postStatuses } from "../domain/status.js";
import { publishErrorOf, toPublishFailure } from "../effect/errors.js";
import type { PublishError } from "../errors/publish-error.js";
import { contradiction, groupStatus } from "./internal/group-status.js";
import { present } from "./internal/present.js";
import { statusOf } from "./internal/status-of.js";
import { PublishErrorJson, type PublishErrorWire } from "./publish-error.schema.js";
import type { PostReport } from "./report.js";
import { vendorWord } from "./vocabulary.js";

/**
 * One platform post of PostPost's get-post response, as PostPost writes it.
 *
 * @example
 * ```ts
 * import type { PostPostPlatformPost } from "postlife/wire";
 * const twitter: PostPostPlatformPost = {
 *   _id: "663a1b2c3d4e5f6a7b8c9d01",
 *   platform: "twitter",
 *   platformId: "123456789",
 *   content: "Excited to share our new product launch! 🚀",
 *   status: "published",
 *   postedId: "1234567890123456789",
 * };
 * ```
 * @since 0.1.0
 */
export interface PostPostPlatformPost {
  /** The platform post's ObjectId. */
  readonly _id: string;
  /** The platform as PostPost names it (`"twitter"`, `"linkedin"`, `"threads"`). */
  readonly platform: string;
  /** The account's raw platform id (not list-posts' `"twitter-123456789"`). */
  readonly platformId: string;
  readonly content: string;
  /** `draft`, `scheduled`, `pending`, `processing`, `published`, `failed`; any string is read. */
  readonly status: string;
  /** Present once published; `null` is read as absent, never written. */
  readonly postedId?: string | null;
  /** A failed post's error object; `null` is read as absent, never written. */
  readonly error?: PublishErrorWire | null;
}

/**
 * PostPost's get-post response: the post group and its platform posts.
 *
 * @example
 * ```ts
 * import type { PostPostGetPostResponse } from "postlife/wire";
 * const response: PostPostGetPostResponse = {
 *   success: true,
 *   postGroupId: "507f1f77bcf86cd799439011",
 *   status: "partially_published",
 *   posts: [],
 * };
 * ```
 * @since 0.1.0
 */
export interface PostPostGetPostResponse {
  readonly success: boolean;
  /** The group's ObjectId. */
  readonly postGroupId: string;
  /**
   * The group's own word (`partially_published`, …), when PostPost gives one:
   * kept as `vendorStatus`; the group's status is what its posts add up to.
   */
  readonly status?: string | null;
  readonly posts: readonly PostPostPlatformPost[];
}

const vendor = "postpost";

const objectIdPattern = /^[0-9a-fA-F]{24}$/;

/** A MongoDB ObjectId, refused with a message that says what was expected and what came. */
const ObjectId = Schema.String.check(
  Schema.makeFilter(
    (id: string) =>
      objectIdPattern.test(id) ||
      `Expected a MongoDB ObjectId (24 hexadecimal characters), got ${JSON.stringify(id)}`,
  ),
);

// ---------------------------------------------------------------------------
// The wire: PostPost's JSON, field by field, in the order of its example.

const PlatformPostWire = Schema.Struct({
  _id: ObjectId,
  platform: Schema.String,
  platformId: Schema.String,
  content: Schema.String,
  status: Schema.String,
  postedId: Schema.optionalKey(Schema.NullOr(Schema.String)),
  error: Schema.optionalKey(Schema.NullOr(PublishErrorJson)),
});

const GroupWire = Schema.Struct({
  success: Schema.Boolean,
  postGroupId: ObjectId,
  status: Schema.optionalKey(Schema.NullOr(Schema.String)),
  posts: Schema.Array(PlatformPostWire),
});

type PlatformPost = (typeof PlatformPostWire)["Type"];
type Group = (typeof GroupWire)["Type"];

// ---------------------------------------------------------------------------
// Words: what PostPost's words mean, and which word to write for a status.

type Level = "post" | "destination";

/**
 * The word to write for a status (`vendorWord`): the report's own word only
 * when it is one of PostPost's, in any case or spacing. Another vendor's
 * word is not written: a reader of PostPost's JSON would not know it.
 */
const wordFor = (status: string, vendorStatus: string | undefined, level: Level): string =>
  vendorWord(status, { vendor, level, keep: vendorStatus, ownWordsOnly: true });

/** An unknown status keeps the word nobody understood; a word PostPost knows contradicts it. */
const unknownKeepsItsWord = (
  status: string,
  vendorStatus: string | undefined,
  level: Level,
): Schema.FilterOutput => {
  if (status !== "unknown" || vendorStatus === undefined) return undefined;
  const read = statusOf(vendorStatus, { vendor, level });
  return read === "unknown"
    ? undefined
    : {
        path: ["vendorStatus"],
        issue: `status is "unknown", but PostPost reads ${JSON.stringify(vendorStatus)} as ${read}`,
      };
};

// ---------------------------------------------------------------------------
// The reports this shape can carry: postlife's side of the codec.

const PublishErrorValue = Schema.Struct({
  code: Schema.String,
  message: Schema.String,
  retryable: Schema.Boolean,
  platformStatusCode: Schema.optionalKey(Schema.Finite),
  platformError: Schema.optionalKey(Schema.NullOr(Schema.String)),
  failedAt: Schema.optionalKey(Schema.String),
  retryAfterMs: Schema.optionalKey(Schema.Finite),
  outcomeUnknown: Schema.optionalKey(Schema.Boolean),
  platformCode: Schema.optionalKey(Schema.Union([Schema.String, Schema.Finite])),
  platformSubcode: Schema.optionalKey(Schema.Finite),
});

const DestinationValue = Schema.Struct({
  id: ObjectId,
  platform: Schema.String,
  accountId: Schema.String,
  status: Schema.Literals([...destinationStatuses, "unknown"]),
  vendorStatus: Schema.String,
  content: Schema.String,
  platformPostId: Schema.optionalKey(Schema.String),
  error: Schema.optionalKey(PublishErrorValue),
}).check(Schema.makeFilter((d) => unknownKeepsItsWord(d.status, d.vendorStatus, "destination")));

const PostStatusValue = Schema.Literals([...postStatuses, "unknown"]);
type PostStatusValue = (typeof PostStatusValue)["Type"];

/**
 * The status the group's word is written for, or undefined when none is
 * written: a report without a word of its own whose status is what its posts
 * add up to (PostPost's groups often carry no status of their own).
 */
const claimedOf = (r: {
  readonly status: PostStatusValue;
  readonly vendorStatus?: string;
  readonly overruledStatus?: PostStatusValue;
  readonly destinations: readonly { readonly status: string }[];
}): PostStatusValue | undefined =>
  r.vendorStatus === undefined &&
  r.overruledStatus === undefined &&
  r.status === groupStatus(undefined, r.destinations).status
    ? undefined
    : (r.overruledStatus ?? r.status);

const ReportValue = Schema.Struct({
  id: ObjectId,
  status: PostStatusValue,
  vendorStatus: Schema.optionalKey(Schema.String),
  overruledStatus: Schema.optionalKey(PostStatusValue),
  destinations: Schema.Array(DestinationValue),
}).check(
  Schema.makeFilter((r) => {
    const claimed = claimedOf(r);
    if (claimed === "unknown" && r.vendorStatus === undefined) {
      return {
        path: ["vendorStatus"],
        issue:
          'status is "unknown" but its posts are not: an unknown group status needs the word PostPost wrote',
      };
    }
    return (
      unknownKeepsItsWord(claimed ?? r.status, r.vendorStatus, "post") ??
      contradiction(claimed, r, r.destinations)
    );
  }),
);

type ReportValue = (typeof ReportValue)["Type"];
type DestinationValue = (typeof DestinationValue)["Type"];

// ---------------------------------------------------------------------------
// The transformation between the two.

const destinationOf = (post: PlatformPost): DestinationValue => ({
  id: post._id,
  platform: post.platform,
  accountId: post.platformId,
  status: statusOf(post.status, { vendor, level: "destination" }),
  vendorStatus: post.status,
  content: post.content,
  ...present("platformPostId", post.postedId),
  ...present("error", post.error && publishErrorOf(post.error)),
});

const decodeGroup = (group: Group): ReportValue => {
  const destinations = group.posts.map(destinationOf);
  const word = group.status ?? undefined;
  // The posts say what the group is; its own word is kept, and its reading when overruled.
  return {
    id: group.postGroupId,
    ...groupStatus(
      word === undefined ? undefined : statusOf(word, { vendor, level: "post" }),
      destinations,
    ),
    ...present("vendorStatus", word),
    destinations,
  };
};

const platformPostOf = (destination: DestinationValue): PlatformPost => ({
  _id: destination.id,
  platform: destination.platform,
  platformId: destination.accountId,
  content: destination.content,
  status: wordFor(destination.status, destination.vendorStatus, "destination"),
  ...(destination.platformPostId === undefined ? {} : { postedId: destination.platformPostId }),
  ...(destination.error === undefined
    ? {}
    : { error: toPublishFailure(destination.error as PublishError) }),
});

const encodeGroup = (report: ReportValue): Group => {
  const claimed = claimedOf(report);
  return {
    success: true,
    postGroupId: report.id,
    ...(claimed === undefined ? {} : { status: wordFor(claimed, report.vendorStatus, "post") }),
    posts: report.destinations.map(platformPostOf),
  };
};

/**
 * The codec between PostPost's get-post response and postlife's
 * `PostReport`: a group with its platform posts, each with its status,
 * platform post id and, when it failed, its error; the group's status is
 * what its posts add up to, its own word kept. Decoding a value that
 * lacks a required field, has one of the wrong type or a malformed ObjectId
 * fails with a `SchemaError` that names the path; encoding writes PostPost's
 * words. See the module comment for what is kept and what is left out.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema";
 * import { PostPostGroupJson } from "postlife/wire";
 * const report = Schema.decodeUnknownSync(PostPostGroupJson)({
 *   success: true,
 *   postGroupId: "507f1f77bcf86cd799439011",
 *   status: "partially_published",
 *   posts: [
 *     { _id: "663a1b2c3d4e5f6a7b8c9d01", platform: "twitter", platformId: "123456789",
 *       content: "Launch!", status: "published", postedId: "1234567890123456789" },
 *     { _id: "663a1b2c3d4e5f6a7b8c9d03", platform: "threads", platformId: "17841412345678",
 *       content: "Launch!", status: "failed",
 *       error: { code: "PLATFORM_AUTH_EXPIRED", message: "Error validating access token", retryable: false } },
 *   ],
 * });
 * report.status; // "partially_published"
 * report.destinations[1]?.error?.code; // "PLATFORM_AUTH_EXPIRED"
 * Schema.encodeSync(PostPostGroupJson)(report).posts[0]?.status; // "published"
 *
 * Schema.decodeUnknownSync(PostPostGroupJson)({ success: true, postGroupId: "42", posts: [] });
 * // throws SchemaError: Expected a MongoDB ObjectId (24 hexadecimal characters), got "42"
 * //   at ["postGroupId"]
 * ```
 * @since 0.1.0
 */
export const PostPostGroupJson: Schema.Codec<PostReport, PostPostGetPostResponse> = GroupWire.pipe(
  Schema.decodeTo(ReportValue, {
    decode: SchemaGetter.transform(decodeGroup),
    encode: SchemaGetter.transform(encodeGroup),
  }),
).annotate({ identifier: "PostPostGroupJson" });

/**
 * Reads PostPost's get-post response (any JSON value) as a `PostReport`,
 * without Effect: `Result.succeed(report)`, or `Result.fail(error)` with a
 * `SchemaError` whose message names the path of the field at fault. Never
 * throws. The group's status is what its posts add up to: a group PostPost
 * calls `published` while one of its posts failed is `partially_published`,
 * with `overruledStatus: "published"`.
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import { decodePostPostGroup } from "postlife/wire";
 * declare const response: Response; // a fetch() of the API
 * const read = decodePostPostGroup(await response.json());
 * if (Result.isSuccess(read)) console.log(read.success.status);
 * else console.error(read.failure.message); // e.g. 'Missing key\n  at ["posts"][0]["status"]'
 * ```
 * @since 0.1.0
 */
export const decodePostPostGroup: (json: unknown) => Result.Result<PostReport, Schema.SchemaError> =
  Schema.decodeUnknownResult(PostPostGroupJson);

/**
 * Writes a `PostReport` as PostPost's get-post response, without Effect:
 * `Result.succeed(json)`, or `Result.fail(error)` when the report lacks what
 * PostPost requires or contradicts itself (the `SchemaError` names the path).
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import { encodePostPostGroup } from "postlife/wire";
 * const written = encodePostPostGroup({
 *   id: "507f1f77bcf86cd799439011", status: "publishing",
 *   destinations: [{ id: "663a1b2c3d4e5f6a7b8c9d01", platform: "twitter", accountId: "123456789",
 *     content: "Launch!", status: "publishing", vendorStatus: "publishing" }],
 * });
 * Result.getOrThrow(written).posts[0]?.status; // "processing", PostPost's word
 * ```
 * @since 0.1.0
 */
export const encodePostPostGroup = (
  report: PostReport,
): Result.Result<PostPostGetPostResponse, Schema.SchemaError> =>
  Schema.encodeUnknownResult(PostPostGroupJson)(report);
