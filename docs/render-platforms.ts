/**
 * The platform tables, as data (spec/errors.json, spec/platform-rules.json)
 * and as markdown (docs/platforms.md), from the single place each platform's
 * knowledge lives: `src/platforms/<platform>.ts` and the error table.
 */

import { httpStatuses, transportErrors } from "../src/errors/transport.js";
import { errorCodeTable, type Platform, platforms, wireErrorCodes } from "../src/index.js";
import { markdownTable } from "./render.js";

const code = (word: string): string => `\`${word}\``;

/** spec/errors.json: every code, how the HTTP status and transport errors read, and each platform's signals. */
export const errorsSpec = () => ({
  $comment:
    "Generated from src/errors and src/platforms by docs/generate.ts: do not edit. The codes postlife gives a failure (the eight of the PostPost error object, four platform signals and three verdicts of postlife's own deadlines, each written on the wire as a PostPost code), what an HTTP status or a transport error means when the platform says nothing more precise, and each platform's own signals (sub-codes, codes, code prefixes and message phrases, checked in that order, then statuses; reset headers say when to come back).",
  seedCodes: wireErrorCodes,
  codes: errorCodeTable,
  httpStatuses,
  transportErrors,
  platforms: Object.fromEntries(platforms.map((p) => [p.id, p.errors])),
});

/** spec/platform-rules.json: what each platform accepts before a post is sent. */
export const platformRulesSpec = () => ({
  $comment:
    "Generated from src/platforms by docs/generate.ts: do not edit. Per platform: the text limit and how it is counted (characters are Unicode code points; x-weighted is twitter-text v3; graphemes as Intl.Segmenter; mastodon counts graphemes with every link as 23 and a remote mention as its local part), optional title/hashtag/mention/link limits, the post types with the media combinations they accept, the largest file per media kind in bytes, and thread support. A destination on a platform not listed passes with no rules.",
  platforms: Object.fromEntries(
    platforms.map((p) => [p.id, { name: p.name, aliases: p.aliases, ...p.content }]),
  ),
});

const yesNo = (value: boolean | undefined): string => (value === true ? "yes" : "no");

/** The error table as markdown. */
export const renderErrorCodes = (): string =>
  markdownTable(
    ["code", "on the wire", "retryable", "retries at most", "owner must act", "meaning"],
    Object.entries(errorCodeTable).map(([name, row]) => [
      code(name),
      code(row.wire),
      yesNo(row.retryable),
      "maxRetries" in row ? String(row.maxRetries) : "policy",
      yesNo("ownerAction" in row ? row.ownerAction : false),
      row.description,
    ]),
  );

const bytes = (n: number): string =>
  n >= 1024 ** 3 ? `${n / 1024 ** 3} GB` : n >= 1024 ** 2 ? `${n / 1024 ** 2} MB` : `${n} B`;

/** The content rules of every platform as markdown, one row per post type. */
export const renderContentRules = (): string =>
  markdownTable(
    ["platform", "post type", "text", "media", "media required", "longest video", "largest files"],
    platforms.flatMap((p: Platform) =>
      Object.entries(p.content.postTypes).map(([type, rule]) => [
        `${p.name} (${[p.id, ...p.aliases].map(code).join(", ")})`,
        code(type),
        `${p.content.text.limit} ${p.content.text.counting}`,
        rule.media
          .map(
            (set) =>
              `${set.min === set.max ? set.max : `${set.min}–${set.max}`} ${set.kinds.join("/")}`,
          )
          .join(" or "),
        yesNo(rule.mediaRequired),
        rule.maxVideoSeconds === undefined ? "" : `${rule.maxVideoSeconds} s`,
        Object.entries(p.content.mediaBytes)
          .map(([kind, n]) => `${kind} ${bytes(n)}`)
          .join(", "),
      ]),
    ),
  );

/** Each platform's error signals as markdown: which of its codes mean what. */
export const renderSignals = (): string =>
  platforms
    .map((p) => {
      const e = p.errors;
      const rows = [
        ...Object.entries(e.subcodes ?? {}).map(([k, v]) => [`sub-code ${k}`, code(v)]),
        ...Object.entries(e.codes ?? {}).map(([k, v]) => [`code ${code(k)}`, code(v)]),
        ...(e.codePrefixes ?? []).map(([k, v]) => [`code starting ${code(k)}`, code(v)]),
        ...(e.messages ?? []).map(([k, v]) => [`message containing "${k}"`, code(v)]),
        ...Object.entries(e.statuses ?? {}).map(([k, v]) => [`HTTP ${k}`, code(v)]),
        ...(e.resetHeaders ?? []).map(([h, f]) => [`header ${code(h)} (${f})`, "retryAfterMs"]),
        ...(e.dailyQuotaResetZone === undefined
          ? []
          : [[`daily quota resets at midnight ${e.dailyQuotaResetZone}`, "retryAfterMs"]]),
      ];
      return [`### ${p.name}`, "", markdownTable(["signal", "means"], rows)].join("\n");
    })
    .join("\n\n");
