import { vendors as vocabularies } from "../../spec/vocabularies.json";
import {
  type DestinationStatus,
  isDestinationStatus,
  isPostStatus,
  type PostStatus,
} from "../domain/status.js";
import { textOf } from "../internal/text-of.js";

/**
 * A vendor whose words postlife knows (see `spec/vocabularies.json`), or
 * `"generic"`, the words seen across them, used when none is named.
 *
 * @example
 * ```ts
 * import type { Vendor } from "postlife";
 * const vendor: Vendor = "hootsuite";
 * ```
 * @since 0.1.0
 * @useDeclaredType
 */
export type Vendor =
  | "generic"
  | "postato"
  | "postpost"
  | "posteverywhere-results"
  | "wahdx"
  | "zernio"
  | "posteverywhere"
  | "ayrshare"
  | "bundle-social"
  | "upload-post"
  | "post-for-me"
  | "outstand"
  | "hootsuite"
  | "mixpost"
  | "postiz";

/**
 * spec/vocabularies.json, typed so that it fails to compile when its vendors
 * and `Vendor` differ. `Vendor` is written out rather than derived from the
 * JSON because a declaration file would then inline the whole JSON as a
 * value, which no `.d.ts` may hold (TS1039 for every consumer that checks
 * libraries).
 */
const table: [Vendor] extends [keyof typeof vocabularies]
  ? [keyof typeof vocabularies] extends [Vendor]
    ? typeof vocabularies
    : never
  : never = vocabularies;

/**
 * Every vendor of the vocabulary table, `generic` first.
 *
 * @example
 * ```ts
 * import { vendors } from "postlife";
 * vendors.includes("ayrshare"); // true
 * ```
 * @since 0.1.0
 */
export const vendors = /* @__PURE__ */ Object.keys(table) as readonly Vendor[];

/** Lower case, with runs of spaces, hyphens and underscores as one underscore. */
const fold = (word: string): string =>
  word
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "_");

type Folded = {
  readonly post: ReadonlyMap<string, string>;
  readonly destination: ReadonlyMap<string, string>;
};

// Built at import, marked pure (as is `vendors`) so that a bundle which never reads a vendor's
// words drops them and the table they come from (spec/vocabularies.json, the largest part of
// the main entry).
const folded: Readonly<Record<string, Folded>> = /* @__PURE__ */ (() =>
  Object.fromEntries(
    Object.entries(table).map(([vendor, words]) => [
      vendor,
      {
        post: new Map(
          Object.entries(words.post as Record<string, string>).map(([w, s]) => [fold(w), s]),
        ),
        destination: new Map(
          Object.entries(words.destination as Record<string, string>).map(([w, s]) => [fold(w), s]),
        ),
      },
    ]),
  ))();

/**
 * A vendor's word in postlife's words, or the word kept as it came.
 *
 * @example
 * ```ts
 * import type { Normalized } from "postlife";
 * const show = (n: Normalized<"destination">) => (n.ok ? n.status : `unknown "${n.unknown}"`);
 * ```
 * @since 0.1.0
 */
export type Normalized<L extends "post" | "destination"> =
  | { readonly ok: true; readonly status: L extends "post" ? PostStatus : DestinationStatus }
  | { readonly ok: false; readonly unknown: string };

/**
 * Where a word is looked up: which vendor's table, at which level.
 *
 * @example
 * ```ts
 * import type { NormalizeOptions } from "postlife";
 * const postpostGroups: NormalizeOptions<"post"> = { vendor: "postpost", level: "post" };
 * ```
 * @since 0.1.0
 */
export interface NormalizeOptions<L extends "post" | "destination"> {
  /** The vendor whose words these are; `generic` when absent. */
  readonly vendor?: Vendor | (string & {});
  /**
   * A post's (group) status or one destination's. When absent: the vendor's
   * own words at either level first (post, then destination), then
   * destination, then post.
   */
  readonly level?: L;
}

/** The vendor's own word at `level` (folded), or undefined: its table only, no fallback. */
const ownWord = (key: string, vendor: string, level: "post" | "destination"): string | undefined =>
  (Object.hasOwn(folded, vendor) ? folded[vendor] : undefined)?.[level].get(key);

const lookup = (
  word: string,
  vendor: string,
  level: "post" | "destination",
): string | undefined => {
  const key = fold(word);
  const own = ownWord(key, vendor, level);
  if (own !== undefined) return own;
  if (level === "post" ? isPostStatus(key) : isDestinationStatus(key)) return key;
  return vendor === "generic" ? undefined : folded.generic?.[level].get(key);
};

/**
 * Reads a vendor's status word as postlife's canonical status: "pending" is
 * queued at PostPost and scheduled at Ayrshare, "SEND_FAILED_PERMANENTLY" is
 * failed at Hootsuite. Case, spaces, hyphens and underscores are forgiven;
 * postlife's own words are understood everywhere; a word of another vendor
 * falls back to the generic table. With a vendor and no level, the vendor's
 * own words (post level, then destination level) come first, then the
 * destination level, then the post level. Anything else is returned as
 * unknown, never dropped, never thrown.
 *
 * Total: a word that is not a string is unknown, written as text without
 * calling its own `toString` (`42` as `"42"`, an object by its kind,
 * `"[object Object]"`). Options that are not an object are no options (the
 * generic table, either level); a `vendor` that is not a string is `generic`,
 * and a `level` other than `"post"` or `"destination"` is read as absent.
 *
 * @example
 * ```ts
 * import { normalizeStatus } from "postlife";
 * normalizeStatus("pending", { vendor: "postpost", level: "destination" }); // { ok: true, status: "queued" }
 * normalizeStatus("pending", { vendor: "ayrshare", level: "post" }); // { ok: true, status: "scheduled" }
 * normalizeStatus("pending", { vendor: "ayrshare" }); // { ok: true, status: "scheduled" }: its own word
 * normalizeStatus("Retry Scheduled", { vendor: "posteverywhere" }); // { ok: true, status: "retrying" }
 * normalizeStatus("partially_failed", { level: "post" }); // { ok: true, status: "partially_published" }
 * normalizeStatus("archived"); // { ok: false, unknown: "archived" }
 * ```
 * @since 0.1.0
 */
export const normalizeStatus = <L extends "post" | "destination" = "destination">(
  word: string,
  options: NormalizeOptions<L> = {},
): Normalized<L> => {
  if (typeof word !== "string") return { ok: false, unknown: textOf(word) };
  const given: Partial<Record<keyof NormalizeOptions<L>, unknown>> =
    typeof options === "object" && options !== null ? options : {};
  const vendor = typeof given.vendor === "string" ? given.vendor : "generic";
  const level = given.level === "post" || given.level === "destination" ? given.level : undefined;
  const levels: readonly ("post" | "destination")[] =
    level === undefined ? ["destination", "post"] : [level];
  if (level === undefined && vendor !== "generic") {
    // A vendor named without a level: its own words, at either level, mean what it means by
    // them before any other table's (Ayrshare's "pending" is a scheduled post, not the
    // generic queued). The post level first: there a vendor's words say the most.
    for (const level of ["post", "destination"] as const) {
      const status = ownWord(fold(word), vendor, level);
      if (status !== undefined) return { ok: true, status } as Normalized<L>;
    }
  }
  for (const level of levels) {
    const status = lookup(word, vendor, level);
    if (status !== undefined) return { ok: true, status } as Normalized<L>;
  }
  return { ok: false, unknown: word };
};

/**
 * The word a vendor's API would write for a canonical status, the inverse
 * of `normalizeStatus` for the encoders of `postlife/wire`: the word the
 * report kept when it still means the status (so `"pending"` stays
 * `"pending"`), or whatever it kept when the status is `unknown`; else the
 * vendor's word spelt as the status (`Queued` at Wahdx), else its first
 * word for it, else postlife's own word, which `normalizeStatus` reads at
 * every vendor. Not in the barrel.
 *
 * @internal
 * @example
 * ```ts
 * import { vendorWord } from "./vocabulary.js";
 * vendorWord("publishing", { vendor: "wahdx", level: "destination", keep: "running" }); // "Processing"
 * vendorWord("queued", { vendor: "postato", level: "destination", keep: "pending" }); // "pending"
 * vendorWord("published", { vendor: "postpost", level: "destination", keep: "SENT", ownWordsOnly: true }); // "published"
 * ```
 * @since 0.1.0
 */
export const vendorWord = (
  status: string,
  options: {
    readonly vendor: Vendor;
    readonly level: "post" | "destination";
    /** The word the report kept (its `vendorStatus`). */
    readonly keep?: string | undefined;
    /**
     * Keep only a word of the vendor's own table, not one its reader merely
     * understands (another vendor's, or postlife's where the vendor has its
     * own): for a shape whose readers are not postlife's.
     */
    readonly ownWordsOnly?: boolean;
  },
): string => {
  const { vendor, level, keep } = options;
  if (keep !== undefined) {
    if (status === "unknown") return keep;
    const kept =
      options.ownWordsOnly === true
        ? folded[vendor]?.[level].get(fold(keep))
        : lookup(keep, vendor, level);
    if (kept === status) return keep;
  }
  const words = Object.keys(table[vendor][level]);
  const means = (word: string) => lookup(word, vendor, level) === status;
  return words.find((word) => fold(word) === status && means(word)) ?? words.find(means) ?? status;
};
