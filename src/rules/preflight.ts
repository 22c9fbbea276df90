import type { Violation } from "../domain/decision.js";
import type { Destination } from "../domain/destination.js";
import type { Media } from "../domain/media.js";
import type { Post } from "../domain/post.js";
import type { ContentRules, MediaSet, Platform, PostTypeRule } from "../platforms/platform.js";
import { platformOf } from "../platforms/registry.js";
import { prefixBeforeWhitespace } from "../platforms/text-length/cuts.js";
import { type TextCounting, textLengthWithin, urlSpans } from "../platforms/text-length.js";
import { checkPost } from "./post-shape.js";
import type { Problem } from "./readiness.js";

/**
 * What the preflight found: every rule broken, and the destinations it could
 * not check because postlife does not know their platform (they pass).
 *
 * @example
 * ```ts
 * import type { PreflightReport } from "postlife";
 * const summary = (r: PreflightReport) =>
 *   `${r.violations.length} problems, ${r.unchecked.length} destinations unchecked`;
 * ```
 * @since 0.1.0
 */
export interface PreflightReport {
  readonly violations: readonly Violation[];
  readonly unchecked: readonly {
    readonly destinationId: string;
    readonly platform: string;
    readonly reason: string;
  }[];
}

/** The text a destination sends: its own override, else the post's content. */
export const textFor = (post: Post, destination: Destination): string =>
  destination.content ?? post.content;

/** How each counting names its unit, in messages. */
const unitOf: Partial<Record<string, string>> = {
  "x-weighted": "weighted characters",
  graphemes: "graphemes",
  "utf8-bytes": "bytes",
};

/**
 * How far a length is counted: exactly up to four times its limit, so that a
 * text a little too long says how much to cut, and no further, so that a
 * draft of millions of characters costs what one of four times the limit does.
 */
const countedUpTo = (limit: number): number => 4 * limit;

/** A count against a limit: `actual` when it was counted to the end, else what to say instead. */
interface Measured {
  readonly over: boolean;
  readonly actual?: number;
  /**
   * What the text has, for the message: "309"; "more than 1120" when counting
   * stopped; "at least 31" when only part of the text was read.
   */
  readonly has: string;
}

/**
 * Counts against `limit` with `countUpTo`, which is exact up to the number it
 * is given and past it returns any greater number, no greater than the truth.
 * `whole` says whether it counts the whole text or a part of it.
 */
const measure = (limit: number, countUpTo: (upTo: number) => number, whole = true): Measured => {
  const upTo = countedUpTo(limit);
  const count = countUpTo(upTo);
  if (count > upTo) return { over: true, has: `more than ${upTo}` };
  return whole
    ? { over: count > limit, actual: count, has: String(count) }
    : { over: count > limit, has: `at least ${count}` };
};

const lengthOf = (text: string, counting: TextCounting, limit: number): Measured =>
  measure(limit, (upTo) => textLengthWithin(text, counting, upTo));

/** Where the first line of `text` ends: its first line feed, or its end. */
const lineEnd = (text: string): number => {
  const end = text.indexOf("\n");
  return end < 0 ? text.length : end;
};

const hashtag = /(^|[^\p{L}\p{N}_&])#[\p{L}\p{N}_]+/gu;
const mention = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_.]+/gu;

/** The matches of `pattern` in `text`, no further than the first past `upTo` (`matchAll` copies the pattern). */
const matchesUpTo = (text: string, pattern: RegExp, upTo: number): number => {
  let count = 0;
  for (const _ of text.matchAll(pattern)) if (++count > upTo) break;
  return count;
};

/** The distinct links of `text`, no further than the first past `upTo`. */
const linksUpTo = (text: string, upTo: number): number => {
  const links = new Set<string>();
  for (const { start, end } of urlSpans(text)) {
    links.add(text.slice(start, end));
    if (links.size > upTo) break;
  }
  return links.size;
};

/** The rules that count something in the text: the rule, what it counts, and how. */
const countRules: readonly (readonly [
  "hashtags" | "mentions" | "links",
  string,
  (text: string, upTo: number) => number,
])[] = [
  ["hashtags", "hashtags", (text, upTo) => matchesUpTo(text, hashtag, upTo)],
  ["mentions", "@ mentions", (text, upTo) => matchesUpTo(text, mention, upTo)],
  ["links", "distinct links", linksUpTo],
];

const mb = (bytes: number): string =>
  bytes >= 1024 * 1024 * 1024
    ? `${+(bytes / 1024 ** 3).toFixed(1)} GB`
    : bytes >= 1024 * 1024
      ? `${+(bytes / 1024 ** 2).toFixed(1)} MB`
      : `${bytes.toLocaleString("en-US")} bytes`;

const describeSets = (sets: readonly MediaSet[]): string =>
  sets
    .map((s) => `${s.min === s.max ? s.max : `${s.min}-${s.max}`} ${s.kinds.join(" or ")}`)
    .join(", or ");

const fits = (set: MediaSet, media: readonly Media[]): boolean =>
  media.length >= set.min &&
  media.length <= set.max &&
  media.every((m) => set.kinds.includes(m.kind));

/** Checks one destination against its platform's rules; pushes every violation found. */
const checkDestination = (
  post: Post,
  d: Destination,
  platform: Platform,
  out: Violation[],
): void => {
  const rules: ContentRules = platform.content;
  const at = (v: Omit<Violation, "destinationId" | "platform">): void => {
    out.push({ destinationId: d.id, platform: platform.id, ...v });
  };
  const name = `${d.id} (${platform.name})`;
  const type: PostTypeRule | undefined = Object.hasOwn(rules.postTypes, d.postType)
    ? rules.postTypes[d.postType]
    : undefined;
  if (type === undefined) {
    at({
      rule: "post_type",
      message: `${name}: ${platform.name} has no post type "${d.postType}" (it has ${Object.keys(rules.postTypes).join(", ")})`,
      code: "INVALID_CONTENT",
    });
  }

  // Text, as the platform counts it; thread replies each obey the same limit. Where the
  // first line is a title, the limit is the description's, the rest of the text.
  const texts = [textFor(post, d), ...(d.thread ?? [])];
  const measured = (text: string, i: number): string =>
    i === 0 && rules.title !== undefined ? text.slice(lineEnd(text) + 1) : text;
  let firstLength: Measured | undefined;
  for (const [i, whole] of texts.entries()) {
    const text = measured(whole, i);
    const where =
      i === 0 ? (rules.title === undefined ? "the text" : "the description") : `thread reply ${i}`;
    const bytes =
      rules.text.maxBytes === undefined
        ? undefined
        : lengthOf(text, "utf8-bytes", rules.text.maxBytes);
    if (rules.text.maxBytes !== undefined && bytes?.over === true) {
      at({
        rule: "text_bytes",
        message: `${name}: ${platform.name} allows ${rules.text.maxBytes} bytes of text; ${where} has ${bytes.has}`,
        limit: rules.text.maxBytes,
        ...(bytes.actual === undefined ? {} : { actual: bytes.actual }),
        code: "INVALID_CONTENT",
        ...(i === 0 ? {} : { path: `thread[${i - 1}]` }),
      });
    }
    const forbidden = [...(rules.forbiddenCharacters ?? "")].filter((c) => whole.includes(c));
    if (forbidden.length > 0) {
      at({
        rule: "forbidden_characters",
        message: `${name}: ${platform.name} refuses ${forbidden.map((c) => `"${c}"`).join(" and ")} in ${i === 0 ? "the text" : `thread reply ${i}`}`,
        code: "INVALID_CONTENT",
        ...(i === 0 ? {} : { path: `thread[${i - 1}]` }),
      });
    }
    const length = lengthOf(text, rules.text.counting, rules.text.limit);
    if (i === 0) firstLength = length;
    if (length.over) {
      at({
        rule: "text_length",
        message: `${name}: ${platform.name} allows ${rules.text.limit} ${unitOf[rules.text.counting] ?? "characters"}; ${where} has ${length.has}`,
        limit: rules.text.limit,
        ...(length.actual === undefined ? {} : { actual: length.actual }),
        code: "INVALID_CONTENT",
        ...(i === 0 ? {} : { path: `thread[${i - 1}]` }),
      });
    }
  }
  const text = texts[0] as string;
  // Counted only where the platform has the rule, over the whole text, unless the text was too
  // long to count to its end: then over no more of it than its length read, cut before
  // whitespace (what is found there is found alike in the whole), and as "at least".
  const part =
    firstLength?.actual === undefined
      ? prefixBeforeWhitespace(text, 2 * (countedUpTo(rules.text.limit) + 1))
      : text;
  for (const [rule, label, countUpTo] of countRules) {
    const limit = rules[rule]?.limit;
    if (limit === undefined) continue;
    const count = measure(limit, (upTo) => countUpTo(part, upTo), part.length === text.length);
    if (count.over) {
      at({
        rule: `${rule.slice(0, -1)}_count`,
        message: `${name}: ${platform.name} allows ${limit} ${label}; the text has ${count.has}`,
        limit,
        ...(count.actual === undefined ? {} : { actual: count.actual }),
        code: "INVALID_CONTENT",
      });
    }
  }
  if (rules.title !== undefined) {
    const title = lengthOf(text.slice(0, lineEnd(text)), "characters", rules.title.limit);
    if (title.over) {
      at({
        rule: "title_length",
        message: `${name}: the first line is the title, and ${platform.name} allows ${rules.title.limit} characters; it has ${title.has}`,
        limit: rules.title.limit,
        ...(title.actual === undefined ? {} : { actual: title.actual }),
        code: "INVALID_CONTENT",
      });
    }
  }
  if (d.thread !== undefined && d.thread.length > 0) {
    if (rules.thread === undefined) {
      at({
        rule: "thread",
        message: `${name}: ${platform.name} has no threads; send the replies as separate posts`,
        code: "INVALID_CONTENT",
      });
    } else if (rules.thread.maxItems !== undefined && texts.length > rules.thread.maxItems) {
      at({
        rule: "thread_length",
        message: `${name}: ${platform.name} threads hold ${rules.thread.maxItems} posts; this one has ${texts.length}`,
        limit: rules.thread.maxItems,
        actual: texts.length,
        code: "INVALID_CONTENT",
      });
    }
  }

  // Media: required or not, in an accepted combination, within size and duration.
  const media = post.media;
  if (type !== undefined) {
    if (media.length === 0) {
      if (type.mediaRequired) {
        at({
          rule: "media_required",
          message: `${name}: ${platform.name} ${d.postType}s need media (${describeSets(type.media)})`,
          code: "INVALID_CONTENT",
        });
      } else if (text.trim() === "") {
        at({
          rule: "text_or_media_required",
          message: `${name} would send nothing: add text or media`,
          code: "INVALID_CONTENT",
        });
      }
    } else if (!type.media.some((set) => fits(set, media))) {
      at({
        rule: "media_combination",
        message: `${name}: ${platform.name} ${d.postType}s take ${describeSets(type.media)}; this post has ${media.length} (${media.map((m) => m.kind).join(", ")})`,
        actual: media.length,
        code: "INVALID_CONTENT",
      });
    }
    for (const [i, m] of media.entries()) {
      const seconds = m.durationMs === undefined ? undefined : m.durationMs / 1000;
      if (
        m.kind === "video" &&
        type.maxVideoSeconds !== undefined &&
        seconds !== undefined &&
        seconds > type.maxVideoSeconds
      ) {
        at({
          rule: "video_duration",
          message: `${name}: ${platform.name} ${d.postType} videos last at most ${type.maxVideoSeconds} s; media[${i}] lasts ${seconds} s`,
          limit: type.maxVideoSeconds,
          actual: seconds,
          code: "INVALID_CONTENT",
          path: `media[${i}]`,
        });
      }
    }
  }
  for (const [i, m] of media.entries()) {
    const limit = rules.mediaBytes[m.kind];
    if (limit !== undefined && m.sizeBytes !== undefined && m.sizeBytes > limit) {
      at({
        rule: "media_size",
        message: `${name}: ${platform.name} takes ${m.kind} files up to ${mb(limit)}; media[${i}] is ${mb(m.sizeBytes)}`,
        limit,
        actual: m.sizeBytes,
        code: "CONTENT_TOO_LARGE",
        path: `media[${i}]`,
      });
    }
  }
};

/**
 * Checks every destination of a post against its platform's rules, before
 * anything is sent: the text as the platform counts it (X's weighted length,
 * Bluesky's graphemes), media required, their number, kinds, sizes and
 * durations per post type, hashtags, mentions, links, titles and threads.
 * A destination's own text is checked instead of the post's where it has
 * one. A platform postlife does not know passes, and the report says so.
 *
 * A length or count is counted exactly up to four times its limit, and no
 * further: past that, the violation says "has more than N" (N four times the
 * limit) and carries no `actual`. So a text a little too long says how much
 * to cut, and a draft of millions of characters costs what one of four times
 * the limit does. Hashtags, mentions and links are counted in the whole text,
 * except in a text refused for being more than four times too long: there,
 * only in as much as its length read (a violation then says "at least N").
 *
 * `apply` runs it when a post enters scheduled, queued or pending_approval,
 * and when a scheduled post is edited, never on a draft edit (a draft may
 * hold what a platform would refuse). A value that is not a post gets one
 * violation, `post_shape`, naming what is wrong with it.
 *
 * @example
 * ```ts
 * import { createPost, preflight } from "postlife";
 * const created = createPost({
 *   id: "p",
 *   content: "x".repeat(281),
 *   destinations: [
 *     { id: "d-x", platform: "x", accountId: "a" },
 *     { id: "d-ig", platform: "instagram", accountId: "b" },
 *     { id: "d-new", platform: "friendster", accountId: "c" },
 *   ],
 * });
 * if (!created.ok) throw new Error(created.rejection.message);
 * const report = preflight(created.post);
 * report.violations.map((v) => `${v.destinationId}: ${v.rule}`); // ["d-x: text_length", "d-ig: media_required"]
 * report.unchecked; // [{ destinationId: "d-new", platform: "friendster", reason: "…" }]
 * ```
 * @since 0.1.0
 */
export const preflight = (post: Post): PreflightReport => {
  const problem = checkPost(post);
  return problem === undefined
    ? contentReport(post)
    : {
        // Not a post: the one thing to fix is its shape, named where it is.
        violations: [
          {
            rule: "post_shape",
            message: problem.message,
            ...(problem.path === undefined ? {} : { path: problem.path }),
            code: "INVALID_CONTENT",
          },
        ],
        unchecked: [],
      };
};

/** What the content rules say of a post known to be one. */
const contentReport = (post: Post): PreflightReport => {
  const violations: Violation[] = [];
  const unchecked: PreflightReport["unchecked"][number][] = [];
  for (const d of post.destinations) {
    const platform = platformOf(d.platform);
    if (platform === undefined) {
      unchecked.push({
        destinationId: d.id,
        platform: d.platform,
        reason: `postlife has no rules for "${d.platform}": nothing was checked`,
      });
    } else {
      checkDestination(post, d, platform, violations);
    }
  }
  return { violations, unchecked };
};

/** Every content rule the post breaks, per destination. */
export const contentViolations = (post: Post): readonly Violation[] =>
  contentReport(post).violations;

/** The content violations as one problem, or undefined when there are none. */
export const contentProblem = (post: Post): Problem | undefined => {
  const violations = contentViolations(post);
  if (violations.length === 0) return undefined;
  return {
    reason: "content_invalid",
    message: `${violations.length} content rule${violations.length === 1 ? "" : "s"} broken: ${violations
      .map((v) => v.message)
      .join("; ")}`,
    violations,
  };
};
