/** Webhook payloads about a post's destinations, as a service receives them. */
import fc from "fast-check";
import { webhookEvents } from "../../domain/instruction.js";
import type { Post } from "../../domain/post.js";
import type { PublishError } from "../../errors/publish-error.js";
import type { ReportedErrorWire } from "../../wire/reported-error.schema.js";
import type { WebhookPayload, WebhookResultWire } from "../../wire/webhook.schema.js";
import { NOW } from "../alphabet.js";
import { isPost } from "../internal/shape.js";
import { reportedErrorArbitrary } from "./internal/errors.js";
import { instantArbitrary, orNull, platformUrlArbitrary } from "./internal/fields.js";
import { statusWordArbitrary } from "./internal/words.js";

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
 * post); now and then `destination.duplicated`, naming a second live post,
 * `destination.item_published`, naming an item of a thread, or
 * `destination.partially_published`, a thread stopped part-way.
 */
const publishedPayloadArbitrary = (post: Post): fc.Arbitrary<WebhookPayload> =>
  targetArbitrary(post).chain((target) =>
    fc
      .tuple(
        fc.constantFrom(
          "destination.published",
          "destination.published",
          "destination.duplicated",
          "destination.item_published",
          "destination.partially_published",
        ),
        aboutArbitrary(post, target),
        fc.record(
          {
            platformPostId: orNull(fc.constantFrom(...target.platformPostIds)),
            platformUrl: orNull(platformUrlArbitrary),
          },
          { requiredKeys: ["platformPostId"], noNullPrototype: true },
        ),
        fc.nat({ max: 2 }),
      )
      .map(([event, about, fields, item]) => ({
        event,
        ...about,
        ...fields,
        ...(event === "destination.item_published" ? { item } : {}),
      })),
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
