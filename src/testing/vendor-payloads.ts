/**
 * fast-check arbitraries of the JSON the publishing APIs postlife serves send
 * back, as a service receives them: webhook payloads about a post's
 * destinations, and the status answers of the vendors `postlife/wire` reads
 * (PostPost's get-post, PostEverywhere's `/posts/:id/results`, Postato's MCP
 * `get_post_status`, Wahdx's status checks).
 *
 * A vendor's answers carry every status word of its vocabulary
 * (`spec/vocabularies.json`), the same words spelt otherwise (`PUBLISHED`,
 * `in progress`), words its reader understands though the vendor never
 * writes them (postlife's own and the generic ones: `success`, `retrying`)
 * and words nobody knows, with optional fields present, absent or `null`
 * where the vendor allows. About a third are a canonical `PostReport`
 * written by the codecs of `postlife/wire`; the rest are raw shapes written
 * field by field, so that a service's handlers meet what vendors send, not
 * only what postlife would write.
 */
import * as Result from "effect/Result";
import * as Schema from "effect/Schema";
import fc from "fast-check";
import { vendors as vocabularies } from "../../spec/vocabularies.json";
import { canonicalInstant } from "../domain/instant.js";
import { webhookEvents } from "../domain/instruction.js";
import type { Post } from "../domain/post.js";
import {
  type DestinationStatus,
  destinationStatuses,
  type PostStatus,
  postStatuses,
} from "../domain/status.js";
import {
  type ErrorCode,
  errorCodeRow,
  errorCodeTable,
  type PublishError,
  wireCode,
  wireErrorCodes,
} from "../errors/publish-error.js";
import { groupStatus } from "../wire/internal/group-status.js";
import {
  encodeMcpPostStatus,
  type McpPostReport,
  type McpPostStatusWire,
} from "../wire/mcp-post.schema.js";
import {
  encodePostPostGroup,
  type PostPostGetPostResponse,
  type PostPostPlatformPost,
} from "../wire/postpost.schema.js";
import type { PublishErrorWire } from "../wire/publish-error.schema.js";
import type { DestinationReport, PostReport } from "../wire/report.js";
import type { ReportedErrorWire } from "../wire/reported-error.schema.js";
import { type AccountResult, encodeResults, type ResultsResponse } from "../wire/results.schema.js";
import { normalizeStatus, type Vendor } from "../wire/vocabulary.js";
import {
  WahdxBatchStatusJson,
  type WahdxBatchStatusWire,
  WahdxStatusJson,
  type WahdxStatusWire,
} from "../wire/wahdx.schema.js";
import type { WebhookPayload, WebhookResultWire } from "../wire/webhook.schema.js";
import { LATER, NOW, PAST } from "./alphabet.js";
import { isPost } from "./internal/shape.js";

type Level = "post" | "destination";

// ---------------------------------------------------------------------------
// Words.

type Words = { readonly post: object; readonly destination: object; readonly unmapped?: object };
const table = vocabularies as unknown as { readonly [V in Vendor]: Words };

/** A vendor's own words at the given levels, in the table's order and spelling. */
const ownWords = (vendor: Vendor, levels: readonly Level[]): string[] => [
  ...new Set(levels.flatMap((level) => Object.keys(table[vendor][level]))),
];

/** Words every vendor's reader understands: postlife's own statuses and the generic words. */
const understoodWords = (levels: readonly Level[]): string[] => [
  ...new Set(
    levels.flatMap((level) => [
      ...(level === "post" ? postStatuses : destinationStatuses),
      ...Object.keys(table.generic[level]),
    ]),
  ),
];

/** The same word as vendors spell it: case, spaces or hyphens for underscores, stray spaces. */
const spellingsOf = (word: string): string[] => [
  word.toUpperCase(),
  word.toLowerCase(),
  word.charAt(0).toUpperCase() + word.slice(1).toLowerCase(),
  word.replaceAll("_", " "),
  word.replaceAll("_", "-").replaceAll(" ", "-"),
  ` ${word} `,
];

/**
 * Words no vendor table maps: the ones spec/vocabularies.json lists as
 * unmapped (`publish`, `processed`, `not_found`, `EXPIRED_APPROVAL`), other
 * vendors' states postlife does not have, and the empty word.
 */
const strangers = [
  ...new Set([
    ...Object.values(table).flatMap((words) => Object.keys(words.unmapped ?? {})),
    "archived",
    "Archived (legacy)",
    "on_hold",
    "in_review",
    "needs-reauth",
    "🚀",
    "",
  ]),
];

const isUnknown = (word: string, vendor: Vendor, levels: readonly Level[]): boolean =>
  levels.every((level) => !normalizeStatus(word, { vendor, level }).ok);

/** A word the vendor's reader does not know at any of `levels`. */
const unknownWordArbitrary = (vendor: Vendor, levels: readonly Level[]): fc.Arbitrary<string> =>
  fc
    .oneof(
      { weight: 3, arbitrary: fc.constantFrom(...strangers) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    )
    .filter((word) => isUnknown(word, vendor, levels));

/**
 * A status word as the vendor's JSON may carry it at `levels`: mostly its
 * own words, then the same respelt, words its reader understands that it
 * never writes, and words nobody knows.
 */
const statusWordArbitrary = (vendor: Vendor, levels: readonly Level[]): fc.Arbitrary<string> => {
  const own = ownWords(vendor, levels);
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...own) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...own).chain((word) => fc.constantFrom(...spellingsOf(word))),
    },
    { weight: 2, arbitrary: fc.constantFrom(...understoodWords(levels)) },
    { weight: 2, arbitrary: unknownWordArbitrary(vendor, levels) },
  );
};

/** What a word reads as at a vendor and level: a status, or `"unknown"`. */
const readAs = <L extends Level>(
  word: string,
  vendor: Vendor,
  level: L,
): (L extends "post" ? PostStatus : DestinationStatus) | "unknown" => {
  const read = normalizeStatus(word, { vendor, level });
  return read.ok ? read.status : "unknown";
};

// ---------------------------------------------------------------------------
// Field values.

/** Records as JSON.parse gives them: plain objects, never fast-check's null-prototype ones. */
const plain = { noNullPrototype: true } as const;

/** An optional wire field's value, or `null` one time in four (absence is the record's). */
const orNull = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.option(arbitrary, { nil: null, freq: 4 });

/** Times around the kit's `NOW`, in the spellings vendors use (offsets, microseconds). */
const instantArbitrary: fc.Arbitrary<string> = fc.constantFrom(
  PAST,
  NOW,
  LATER,
  "2026-04-20T12:00:03Z",
  "2026-04-20T14:00:03+02:00",
  "2026-04-20T12:00:05.123456Z",
);

const platformPostIdArbitrary = fc.constantFrom(
  "1780123456789012345",
  "17912345678901234",
  "urn:li:share:7180000000000000000",
);

const platformUrlArbitrary = fc.constantFrom(
  "https://x.com/i/status/1780123456789012345",
  "https://www.linkedin.com/feed/update/urn:li:share:7180000000000000000",
  "https://www.threads.net/@brand/post/C5xYz",
);

const hexArbitrary = (length: number, digits: string): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...digits), minLength: length, maxLength: length });

/** A MongoDB ObjectId, as PostPost names groups and platform posts (upper case now and then). */
const objectIdArbitrary = fc.oneof(
  { weight: 4, arbitrary: hexArbitrary(24, "0123456789abcdef") },
  { weight: 1, arbitrary: hexArbitrary(24, "0123456789ABCDEF") },
);

/** Codes vendors invent, which every reader keeps as they came. */
const vendorCodes = ["TIKTOK_SPAM_RISK", "E_GRAPH_190", "media_processing_failed"] as const;

/**
 * An error code as the PostPost error object carries it: one of its eight
 * codes; postlife's finer code, written as its wire code plus `postlifeCode`;
 * or a vendor's own code.
 */
const errorCodeArbitrary: fc.Arbitrary<{ readonly code: string; readonly postlifeCode?: string }> =
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...wireErrorCodes).map((code) => ({ code })) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(...(Object.keys(errorCodeTable) as ErrorCode[]))
        .map((code) =>
          wireCode(code) === code ? { code } : { code: wireCode(code), postlifeCode: code },
        ),
    },
    { weight: 1, arbitrary: fc.constantFrom(...vendorCodes).map((code) => ({ code })) },
  );

const errorMessageArbitrary = fc.constantFrom(
  "Error validating access token",
  "Rate limit exceeded",
  "Token expired. Please reconnect your LinkedIn account.",
  "Service unavailable",
  "Video duration exceeds the account's limit",
  "",
);

/** What postlife adds to the PostPost error object, now and then one of them. */
const additionsArbitrary = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, 60_000, 900_000).map((retryAfterMs) => ({ retryAfterMs })),
  },
  { weight: 1, arbitrary: fc.boolean().map((outcomeUnknown) => ({ outcomeUnknown })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { platformCode: 190, platformSubcode: 463 },
      { platformCode: "OAuthException" },
      { platformCode: 88 },
    ),
  },
);

/**
 * The PostPost error object: a code (see `errorCodeArbitrary`), the code's
 * description or a platform's message, the HTTP status, the platform's words
 * and the time as PostPost has them (present, absent or `null`), and
 * `retryable`, required or not (PostPost requires it).
 */
const errorObjectArbitrary = (retryableRequired: boolean) =>
  fc
    .record(
      {
        code: errorCodeArbitrary,
        message: errorMessageArbitrary,
        platformStatusCode: orNull(fc.constantFrom(400, 401, 403, 404, 413, 429, 500, 503)),
        platformError: orNull(fc.constantFrom("Invalid OAuth access token", "(#4) Too many calls")),
        failedAt: instantArbitrary,
        retryable: fc.boolean(),
      },
      {
        requiredKeys: retryableRequired ? ["code", "message", "retryable"] : ["code", "message"],
        noNullPrototype: true,
      },
    )
    .chain(({ code, ...error }) =>
      fc
        .tuple(
          fc.constantFrom(
            error.message,
            errorCodeRow(code.postlifeCode ?? code.code)?.description ?? error.message,
          ),
          additionsArbitrary,
        )
        .map(([message, additions]) => ({ ...code, ...error, message, ...additions })),
    );

/** An error as PostPost writes it: the object, `retryable` always there. */
const publishErrorWireArbitrary: fc.Arbitrary<PublishErrorWire> = errorObjectArbitrary(
  true,
) as fc.Arbitrary<PublishErrorWire>;

/** An error as webhooks, the MCP service and Wahdx report it: a bare message or the object. */
const reportedErrorArbitrary: fc.Arbitrary<ReportedErrorWire> = fc.oneof(
  { weight: 1, arbitrary: errorMessageArbitrary },
  { weight: 3, arbitrary: errorObjectArbitrary(false) },
);

/** A `PublishError` as a canonical report holds it (what the encoders write). */
const publishErrorArbitrary: fc.Arbitrary<PublishError> = fc.record(
  {
    code: fc.constantFrom(...(Object.keys(errorCodeTable) as ErrorCode[]), ...vendorCodes),
    message: errorMessageArbitrary,
    retryable: fc.boolean(),
    platformStatusCode: fc.constantFrom(401, 429, 500),
    platformError: orNull(fc.constant("Invalid OAuth access token")),
    failedAt: instantArbitrary,
  },
  { requiredKeys: ["code", "message", "retryable"], noNullPrototype: true },
);

/** The value of a `Result` the kit built to succeed; its failure is a bug of the kit, said as such. */
const written = <A>(result: Result.Result<A, Schema.SchemaError>, what: string): A => {
  if (Result.isFailure(result)) {
    throw new Error(
      `postlife/testing built a ${what} its encoder refuses: ${result.failure.message}`,
    );
  }
  return result.success;
};

/** A canonical status and the word a report keeps for it, as the vendor's reader gives them. */
const wordedArbitrary = <L extends Level>(vendor: Vendor, level: L) =>
  statusWordArbitrary(vendor, [level]).map((vendorStatus) => ({
    status: readAs(vendorStatus, vendor, level),
    vendorStatus,
  }));

// ---------------------------------------------------------------------------
// Webhooks.

const unknownEvents = [
  "post.archived",
  "post.deleted",
  "destination.retrying",
  "Destination.Published",
  "",
] as const;

/** Who a webhook is about: one of the post's destinations, mostly, or one it does not have. */
interface Target {
  readonly id: string;
  readonly platform: string;
  readonly platformPostIds: readonly string[];
  readonly error?: PublishError;
}

const targetsOf = (post: Post): Target[] => [
  ...post.destinations.map((d) => ({
    id: d.id,
    platform: d.platform,
    platformPostIds: [
      `pp-${d.id}`,
      `pp-${d.id}-2`,
      ...(d.platformPostId === undefined ? [] : [d.platformPostId]),
    ],
    ...(d.error === undefined ? {} : { error: d.error }),
  })),
];

const strayTarget: Target = { id: "d-removed", platform: "x", platformPostIds: ["pp-d-removed"] };

const targetArbitrary = (post: Post): fc.Arbitrary<Target> => {
  const targets = targetsOf(post);
  return targets.length === 0
    ? fc.constant(strayTarget)
    : fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...targets) },
        { weight: 1, arbitrary: fc.constant(strayTarget) },
      );
};

/** The revision a payload names: the post's, an older or newer one, `null`, or none. */
const revisionArbitrary = (post: Post): fc.Arbitrary<number | null> =>
  orNull(fc.constantFrom(post.revision, Math.max(0, post.revision - 1), post.revision + 1));

/** The error a failure webhook carries: the one already recorded (a redelivery), or another. */
const webhookErrorArbitrary = (target: Target): fc.Arbitrary<ReportedErrorWire> =>
  target.error === undefined
    ? reportedErrorArbitrary
    : fc.oneof(fc.constant<ReportedErrorWire>(target.error), reportedErrorArbitrary);

/** The fields every `destination.*` payload has: the post, its revision, the destination, when. */
const aboutArbitrary = (post: Post, target: Target) =>
  fc
    .tuple(
      fc.record(
        {
          postId: fc.constant(post.id),
          revision: revisionArbitrary(post),
          platform: orNull(fc.constant(target.platform)),
          occurredAt: instantArbitrary,
        },
        { requiredKeys: ["postId", "occurredAt"], noNullPrototype: true },
      ),
      // One time in eight none: a publish_post post goes to one network, named by the post's id.
      fc.option(fc.constant(target.id), { nil: undefined, freq: 8 }),
    )
    .map(([about, destinationId]) =>
      destinationId === undefined ? about : { ...about, destinationId },
    );

/**
 * `destination.published` about one destination (or, without an id, the
 * post); now and then `destination.duplicated`, naming a second live post.
 */
const publishedPayloadArbitrary = (post: Post): fc.Arbitrary<WebhookPayload> =>
  targetArbitrary(post).chain((target) =>
    fc
      .tuple(
        fc.constantFrom("destination.published", "destination.published", "destination.duplicated"),
        aboutArbitrary(post, target),
        fc.record(
          {
            platformPostId: orNull(fc.constantFrom(...target.platformPostIds)),
            platformUrl: orNull(platformUrlArbitrary),
          },
          { requiredKeys: ["platformPostId"], noNullPrototype: true },
        ),
      )
      .map(([event, about, fields]) => ({ event, ...about, ...fields })),
  );

/** `destination.failed` about one destination (or, without an id, the post). */
const failedPayloadArbitrary = (post: Post): fc.Arbitrary<WebhookPayload> =>
  targetArbitrary(post).chain((target) =>
    fc
      .tuple(
        aboutArbitrary(post, target),
        fc.record(
          { error: orNull(webhookErrorArbitrary(target)) },
          { requiredKeys: [], noNullPrototype: true },
        ),
      )
      .map(([about, fields]) => ({ event: "destination.failed", ...about, ...fields })),
  );

/** One destination's outcome inside a post-level payload, its status in any vendor's word. */
const resultArbitrary = (target: Target): fc.Arbitrary<WebhookResultWire> =>
  fc.record(
    {
      destinationId: fc.constant(target.id),
      status: statusWordArbitrary("generic", ["destination"]),
      platform: orNull(fc.constant(target.platform)),
      platformPostId: orNull(fc.constantFrom(...target.platformPostIds)),
      platformUrl: orNull(platformUrlArbitrary),
      error: orNull(webhookErrorArbitrary(target)),
    },
    { requiredKeys: ["destinationId", "status"], noNullPrototype: true },
  );

/** A post-level event (`post.published`, …), its destinations' outcomes in `results` or not. */
const postPayloadArbitrary = (post: Post): fc.Arbitrary<WebhookPayload> =>
  fc.record(
    {
      event: fc.constantFrom(...webhookEvents.filter((e) => e.startsWith("post."))),
      postId: fc.constant(post.id),
      revision: revisionArbitrary(post),
      results: orNull(fc.array(targetArbitrary(post).chain(resultArbitrary), { maxLength: 4 })),
      occurredAt: instantArbitrary,
    },
    { requiredKeys: ["event", "postId", "occurredAt"], noNullPrototype: true },
  );

/** The error of PostPost's failed-post example, as a webhook carries it. */
const postPostError: ReportedErrorWire = {
  code: "PLATFORM_AUTH_EXPIRED",
  message: "Error validating access token",
  platformStatusCode: 401,
  platformError: "Invalid OAuth access token",
  failedAt: NOW,
  retryable: false,
};

/** A success and a failure per destination, exactly as a vendor would send them again. */
const verbatimPayloads = (post: Post): WebhookPayload[] =>
  (post.destinations.length === 0 ? [strayTarget] : targetsOf(post)).flatMap((target) => {
    const about = {
      postId: post.id,
      revision: post.revision,
      destinationId: target.id,
      platform: target.platform,
    };
    return [
      {
        event: "destination.published",
        ...about,
        platformPostId: `pp-${target.id}`,
        occurredAt: NOW,
      },
      { event: "destination.failed", ...about, error: postPostError, occurredAt: NOW },
    ];
  });

/**
 * Webhook payloads (`WebhookPayload`, postlife's shape) about `post`'s
 * destinations, as a service receives them: `destination.published` (and
 * `destination.duplicated`) with the platform post id already recorded or
 * another one, `destination.failed`
 * with a PostPost error object (the one recorded, another, a bare message,
 * none), post-level events with their destinations' outcomes in `results` in
 * any vendor's words, and event names postlife does not know; now and then
 * about a destination the post does not have, or naming the post's id only.
 * Values come from small pools and a few payloads recur word for word, so
 * `fc.array` of them holds redeliveries (the same payload, the same fact)
 * and out-of-order deliveries: decode each with `decodeWebhook` and `apply`
 * its facts, and the post takes them, ignores them as duplicates or stale,
 * or refuses them with a typed rejection. For a value that is not a post
 * (`checkPost` finds a problem with it), always one `destination.published`
 * about a post nobody has (`postId: "nowhere"`).
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import fc from "fast-check";
 * import { apply, type Post } from "postlife";
 * import { postIn, webhookPayloadArbitrary } from "postlife/testing";
 * import { decodeWebhook } from "postlife/wire";
 * const { post } = postIn("publishing");
 * fc.assert(
 *   fc.property(fc.array(webhookPayloadArbitrary(post), { maxLength: 8 }), (payloads) => {
 *     let current: Post = post;
 *     for (const payload of payloads) {
 *       const notice = decodeWebhook(JSON.parse(JSON.stringify(payload)));
 *       if (Result.isFailure(notice)) return false;
 *       for (const fact of notice.success.facts) {
 *         const decision = apply(current, fact);
 *         if (decision.ok) current = decision.post;
 *       }
 *     }
 *     return current.destinations.length === post.destinations.length;
 *   }),
 * );
 * ```
 * @since 0.1.0
 */
export const webhookPayloadArbitrary = (post: Post): fc.Arbitrary<WebhookPayload> => {
  if (!isPost(post)) {
    return fc.constant({
      event: "destination.published",
      postId: "nowhere",
      destinationId: strayTarget.id,
      platformPostId: "pp-d-removed",
      occurredAt: NOW,
    });
  }
  const verbatim = verbatimPayloads(post);
  const known = fc.oneof(
    { weight: 2, arbitrary: publishedPayloadArbitrary(post) },
    { weight: 2, arbitrary: failedPayloadArbitrary(post) },
    { weight: 2, arbitrary: postPayloadArbitrary(post) },
  );
  return fc.oneof(
    { weight: 6, arbitrary: known },
    // The same few payloads, word for word: fc.array of them holds webhooks delivered twice.
    { weight: 2, arbitrary: fc.constantFrom(...verbatim) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(known, fc.constantFrom(...unknownEvents))
        .map(([payload, event]) => ({ ...payload, event })),
    },
  );
};

// ---------------------------------------------------------------------------
// PostPost: GET /api/v1/get-post/:postGroupId.

const postPostPlatforms = ["twitter", "linkedin", "threads", "instagram", "facebook"] as const;
const platformIdArbitrary = fc.constantFrom("123456789", "17841412345678", "2414183");
const contentArbitrary = fc.constantFrom(
  "Excited to share our new product launch! 🚀",
  "Check out our new feature!",
  "",
);

const rawPlatformPostArbitrary: fc.Arbitrary<PostPostPlatformPost> = fc.record(
  {
    _id: objectIdArbitrary,
    platform: fc.constantFrom(...postPostPlatforms),
    platformId: platformIdArbitrary,
    content: contentArbitrary,
    status: statusWordArbitrary("postpost", ["destination"]),
    postedId: orNull(platformPostIdArbitrary),
    error: orNull(publishErrorWireArbitrary),
  },
  { requiredKeys: ["_id", "platform", "platformId", "content", "status"], noNullPrototype: true },
);

const rawPostPostArbitrary: fc.Arbitrary<PostPostGetPostResponse> = fc.record(
  {
    success: fc.constant(true),
    postGroupId: objectIdArbitrary,
    status: orNull(statusWordArbitrary("postpost", ["post"])),
    posts: fc.uniqueArray(rawPlatformPostArbitrary, { maxLength: 4, selector: (p) => p._id }),
  },
  { requiredKeys: ["success", "postGroupId", "posts"], noNullPrototype: true },
);

const postPostReportArbitrary: fc.Arbitrary<PostReport> = fc
  .record({
    id: objectIdArbitrary,
    group: fc.option(wordedArbitrary("postpost", "post"), { nil: undefined }),
    destinations: fc.uniqueArray(
      fc.record(
        {
          id: objectIdArbitrary,
          platform: fc.constantFrom(...postPostPlatforms),
          accountId: platformIdArbitrary,
          content: contentArbitrary,
          worded: wordedArbitrary("postpost", "destination"),
          platformPostId: platformPostIdArbitrary,
          error: publishErrorArbitrary,
        },
        {
          requiredKeys: ["id", "platform", "accountId", "content", "worded"],
          noNullPrototype: true,
        },
      ),
      { maxLength: 4, selector: (d) => d.id },
    ),
  })
  .map(({ id, group, destinations }) => {
    const reports = destinations.map(
      ({ worded, ...d }): DestinationReport => ({ ...d, ...worded }),
    );
    // The group is what its posts add up to (the reader's rule), its own word kept beside.
    return group === undefined
      ? { id, ...groupStatus(undefined, reports), destinations: reports }
      : {
          id,
          vendorStatus: group.vendorStatus,
          ...groupStatus(group.status, reports),
          destinations: reports,
        };
  });

/**
 * PostPost's get-post response (`PostPostGetPostResponse`), as
 * `PostPostGroupJson` reads it: a group with zero to four platform posts,
 * its own status or none (`null` too), every status word of PostPost's
 * vocabulary at both levels plus respellings, words PostPost never writes
 * (`success`, `retrying`) and unknown ones; `postedId` and PostPost `error`
 * objects present, absent or `null`. Some are canonical reports written by
 * `encodePostPostGroup`.
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import fc from "fast-check";
 * import { postPostResponseArbitrary } from "postlife/testing";
 * import { decodePostPostGroup } from "postlife/wire";
 * fc.assert(
 *   fc.property(postPostResponseArbitrary, (response) => Result.isSuccess(decodePostPostGroup(response))),
 * );
 * ```
 * @since 0.1.0
 */
export const postPostResponseArbitrary: fc.Arbitrary<PostPostGetPostResponse> = fc.oneof(
  { weight: 2, arbitrary: rawPostPostArbitrary },
  {
    weight: 1,
    arbitrary: postPostReportArbitrary.map((report) =>
      written(encodePostPostGroup(report), "PostPost group"),
    ),
  },
);

// ---------------------------------------------------------------------------
// The results API (PostEverywhere): GET /posts/:id/results.

const resultsPlatforms = ["instagram", "x", "linkedin", "facebook", "tiktok"] as const;

const uuidArbitrary = fc.constantFrom(
  "f47ac10b-58cc-4372-a567-0e02b2c3d479",
  "9b2f6c1e-3d4a-4f5b-8c7d-1e2f3a4b5c6d",
);

const accountIdArbitrary = fc.integer({ min: 1, max: 99_999 });

const rawAccountResultArbitrary: fc.Arbitrary<AccountResult> = fc.record(
  {
    account_id: accountIdArbitrary,
    account_name: orNull(fc.constantFrom("@mybrand", "My Brand Inc.")),
    platform: fc.constantFrom(...resultsPlatforms),
    status: statusWordArbitrary("posteverywhere-results", ["destination"]),
    published_at: orNull(instantArbitrary),
    platform_post_id: orNull(platformPostIdArbitrary),
    platform_post_url: orNull(platformUrlArbitrary),
    error: orNull(errorMessageArbitrary),
    attempts: fc.integer({ min: 0, max: 5 }),
    // Queued or failed with a retry time is the API's retrying.
    next_retry_at: orNull(instantArbitrary),
  },
  { requiredKeys: ["account_id", "platform", "status", "attempts"], noNullPrototype: true },
);

const rawResultsArbitrary: fc.Arbitrary<ResultsResponse> = fc.record(
  {
    data: fc.record(
      {
        post_id: uuidArbitrary,
        post_status: statusWordArbitrary("posteverywhere-results", ["post"]),
        results: fc.uniqueArray(rawAccountResultArbitrary, {
          maxLength: 4,
          selector: (r) => r.account_id,
        }),
      },
      plain,
    ),
    error: fc.constant(null),
    meta: fc.record({ request_id: fc.constant("req_abc123"), timestamp: instantArbitrary }, plain),
  },
  { requiredKeys: ["data"], noNullPrototype: true },
);

const resultsReportArbitrary: fc.Arbitrary<PostReport> = fc
  .record({
    id: uuidArbitrary,
    worded: wordedArbitrary("posteverywhere-results", "post"),
    destinations: fc.uniqueArray(
      fc.record(
        {
          id: accountIdArbitrary.map(String),
          platform: fc.constantFrom(...resultsPlatforms),
          worded: wordedArbitrary("posteverywhere-results", "destination"),
          attempts: fc.integer({ min: 0, max: 5 }),
          platformPostId: platformPostIdArbitrary,
          platformUrl: platformUrlArbitrary,
          publishedAt: instantArbitrary.map(canonicalInstant),
          error: publishErrorArbitrary.map(({ code, message, retryable }) => ({
            code,
            message,
            retryable,
          })),
          nextRetryAt: instantArbitrary.map(canonicalInstant),
        },
        { requiredKeys: ["id", "platform", "worded", "attempts"], noNullPrototype: true },
      ),
      { maxLength: 4, selector: (d) => d.id },
    ),
  })
  .map(({ id, worded, destinations }) => {
    const reports = destinations.map(({ worded: w, ...d }): DestinationReport => {
      // The API reads queued or failed with a retry time as retrying; the report says so too.
      const waits = (w.status === "queued" || w.status === "failed") && d.nextRetryAt !== undefined;
      return {
        ...d,
        accountId: d.id,
        status: waits ? "retrying" : w.status,
        vendorStatus: w.vendorStatus,
      };
    });
    // The post is what its results add up to, the vendor's word kept beside.
    return {
      id,
      vendorStatus: worded.vendorStatus,
      ...groupStatus(worded.status, reports),
      destinations: reports,
    };
  });

/**
 * The results API's `GET /posts/:id/results` response (`ResultsResponse`),
 * as `ResultsJson` reads it: the post's status and zero to four account
 * results, every status word of the `posteverywhere-results` vocabulary
 * plus respellings, words it never writes and unknown ones; `queued` and
 * `failed` with and without `next_retry_at` (retrying, or queued and
 * failed); times in UTC and with offsets; `published_at`, `platform_post_id`,
 * `platform_post_url`, `error` and `account_name` present, absent or
 * `null`; the envelope's `error` and `meta` or not. Some are canonical
 * reports written by `encodeResults`.
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import fc from "fast-check";
 * import { resultsResponseArbitrary } from "postlife/testing";
 * import { decodeResults } from "postlife/wire";
 * fc.assert(
 *   fc.property(resultsResponseArbitrary, (response) => Result.isSuccess(decodeResults(response))),
 * );
 * ```
 * @since 0.1.0
 */
export const resultsResponseArbitrary: fc.Arbitrary<ResultsResponse> = fc.oneof(
  { weight: 2, arbitrary: rawResultsArbitrary },
  {
    weight: 1,
    arbitrary: resultsReportArbitrary.map((report) =>
      written(encodeResults(report), "results response"),
    ),
  },
);

// ---------------------------------------------------------------------------
// Postato's MCP tools (publish_post, get_post_status).

const mcpPostIdArbitrary = fc.constantFrom("pst_01HZX3K8Q4W7", "pst_01H");
const mcpBothLevels = ["post", "destination"] as const;

const rawMcpStatusArbitrary: fc.Arbitrary<McpPostStatusWire> = fc.record(
  {
    postId: mcpPostIdArbitrary,
    status: statusWordArbitrary("postato", mcpBothLevels),
    externalId: orNull(platformPostIdArbitrary),
    externalUrl: orNull(platformUrlArbitrary),
    // The names the API's prose uses for the same two values.
    platformPostId: orNull(platformPostIdArbitrary),
    platformUrl: orNull(platformUrlArbitrary),
    platform: orNull(fc.constantFrom("x", "linkedin", "instagram")),
    accountId: orNull(fc.constantFrom("acc_01H", "1587354420")),
    content: orNull(contentArbitrary),
    publishedAt: orNull(instantArbitrary),
    scheduledAt: orNull(instantArbitrary),
    error: orNull(reportedErrorArbitrary),
  },
  { requiredKeys: ["postId", "status"], noNullPrototype: true },
);

const mcpReportArbitrary: fc.Arbitrary<McpPostReport> = fc
  .record(
    {
      id: mcpPostIdArbitrary,
      word: statusWordArbitrary("postato", mcpBothLevels),
      platform: fc.constantFrom("x", "linkedin"),
      accountId: fc.constant("acc_01H"),
      content: contentArbitrary,
      platformPostId: platformPostIdArbitrary,
      platformUrl: platformUrlArbitrary,
      publishedAt: instantArbitrary,
      error: publishErrorArbitrary,
      scheduledAt: instantArbitrary,
    },
    { requiredKeys: ["id", "word"], noNullPrototype: true },
  )
  .map(({ id, word, scheduledAt, platformUrl, ...fields }) => {
    const status = readAs(word, "postato", "destination");
    return {
      id,
      status: readAs(word, "postato", "post"),
      vendorStatus: word,
      destinations: [
        {
          id,
          ...fields,
          // The post's URL exists only once it is published.
          ...(status === "published" && platformUrl !== undefined ? { platformUrl } : {}),
          status,
          vendorStatus: word,
        },
      ],
      ...(scheduledAt === undefined ? {} : { scheduledAt }),
    };
  });

/**
 * Postato's MCP `get_post_status` result (`McpPostStatusWire`), as
 * `McpPostStatusJson` reads it: one word for the post and its one
 * destination, every word of the `postato` vocabulary plus respellings,
 * words it never writes and unknown ones; `externalId` / `externalUrl` and
 * their prose names `platformPostId` / `platformUrl`, platform, account,
 * content, times and the error (a message or a PostPost error object)
 * present, absent or `null`. Some are canonical reports written by
 * `encodeMcpPostStatus` (with `externalUrl` only once published); the raw
 * ones carry a URL beside any status now and then, which the reader drops.
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import fc from "fast-check";
 * import { mcpPostStatusArbitrary } from "postlife/testing";
 * import { decodeMcpPostStatus } from "postlife/wire";
 * fc.assert(
 *   fc.property(mcpPostStatusArbitrary, (status) => Result.isSuccess(decodeMcpPostStatus(status))),
 * );
 * ```
 * @since 0.1.0
 */
export const mcpPostStatusArbitrary: fc.Arbitrary<McpPostStatusWire> = fc.oneof(
  { weight: 2, arbitrary: rawMcpStatusArbitrary },
  {
    weight: 1,
    arbitrary: mcpReportArbitrary.map((report) =>
      written(encodeMcpPostStatus(report), "get_post_status result"),
    ),
  },
);

// ---------------------------------------------------------------------------
// Wahdx status checks.

const publishIdArbitrary = fc.constantFrom("PUBLISH_ID_1", "PUBLISH_ID_2", "v_pub_7350000000");
const wahdxAccountIdArbitrary = fc.constantFrom("ACCOUNT_ID_1", "ACCOUNT_ID_2");

const rawWahdxStatusArbitrary: fc.Arbitrary<WahdxStatusWire> = fc.record(
  {
    accountId: wahdxAccountIdArbitrary,
    publishId: publishIdArbitrary,
    status: statusWordArbitrary("wahdx", ["destination"]),
    postUrl: orNull(fc.constantFrom("https://www.tiktok.com/@brand/video/7350000000000000000", "")),
    error: orNull(reportedErrorArbitrary),
  },
  { requiredKeys: ["accountId", "publishId", "status"], noNullPrototype: true },
);

const wahdxReportArbitrary: fc.Arbitrary<DestinationReport> = fc
  .record(
    {
      id: publishIdArbitrary,
      accountId: wahdxAccountIdArbitrary,
      worded: wordedArbitrary("wahdx", "destination"),
      platformUrl: fc.constant("https://www.tiktok.com/@brand/video/7350000000000000000"),
      error: publishErrorArbitrary,
    },
    { requiredKeys: ["id", "accountId", "worded"], noNullPrototype: true },
  )
  .map(({ worded, ...report }) => ({ ...report, ...worded }));

/**
 * One Wahdx status answer (`WahdxStatusWire`), as
 * `WahdxStatusJson` reads it: every state of the `wahdx` vocabulary (Queued,
 * Processing, Published, Failed) in any spelling, words it never writes and
 * unknown ones, with `postUrl` and `error` (a message or a PostPost error object)
 * present, absent or `null`. Some are canonical reports written by the codec.
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import fc from "fast-check";
 * import { wahdxStatusArbitrary } from "postlife/testing";
 * import { decodeWahdxStatus } from "postlife/wire";
 * fc.assert(fc.property(wahdxStatusArbitrary, (status) => Result.isSuccess(decodeWahdxStatus(status))));
 * ```
 * @since 0.1.0
 */
export const wahdxStatusArbitrary: fc.Arbitrary<WahdxStatusWire> = fc.oneof(
  { weight: 2, arbitrary: rawWahdxStatusArbitrary },
  {
    weight: 1,
    arbitrary: wahdxReportArbitrary.map((report) =>
      written(Schema.encodeUnknownResult(WahdxStatusJson)(report), "Wahdx status"),
    ),
  },
);

/**
 * A Wahdx batch answer (`WahdxBatchStatusWire`): zero to five
 * results of `wahdxStatusArbitrary`, the same check answered twice now and
 * then, as `WahdxBatchStatusJson` reads it.
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import fc from "fast-check";
 * import { wahdxBatchStatusArbitrary } from "postlife/testing";
 * import { decodeWahdxBatch, summarizeBatch } from "postlife/wire";
 * fc.assert(
 *   fc.property(wahdxBatchStatusArbitrary, (answer) => {
 *     const read = decodeWahdxBatch(answer);
 *     // A post checked twice counts once.
 *     return Result.isSuccess(read) && summarizeBatch(read.success).summary.total <= answer.results.length;
 *   }),
 * );
 * ```
 * @since 0.1.0
 */
export const wahdxBatchStatusArbitrary: fc.Arbitrary<WahdxBatchStatusWire> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({ results: fc.array(wahdxStatusArbitrary, { maxLength: 5 }) }, plain),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(wahdxReportArbitrary, { maxLength: 5 })
      .map((reports) =>
        written(Schema.encodeUnknownResult(WahdxBatchStatusJson)(reports), "Wahdx batch answer"),
      ),
  },
);
