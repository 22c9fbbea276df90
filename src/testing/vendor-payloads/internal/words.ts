/**
 * The status words a vendor's JSON carries, drawn from its vocabulary
 * (`spec/vocabularies.json`): its own words, the same respelt, words its
 * reader understands that it never writes, and words nobody knows; and what
 * each reads as, by the vendor's reader.
 */
import fc from "fast-check";
import { vendors as vocabularies } from "../../../../spec/vocabularies.json";
import {
  type DestinationStatus,
  destinationStatuses,
  type PostStatus,
  postStatuses,
} from "../../../domain/status.js";
import { normalizeStatus, type Vendor } from "../../../wire/vocabulary.js";

export type Level = "post" | "destination";

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
export const statusWordArbitrary = (
  vendor: Vendor,
  levels: readonly Level[],
): fc.Arbitrary<string> => {
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
export const readAs = <L extends Level>(
  word: string,
  vendor: Vendor,
  level: L,
): (L extends "post" ? PostStatus : DestinationStatus) | "unknown" => {
  const read = normalizeStatus(word, { vendor, level });
  return read.ok ? read.status : "unknown";
};

/** A canonical status and the word a report keeps for it, as the vendor's reader gives them. */
export const wordedArbitrary = <L extends Level>(vendor: Vendor, level: L) =>
  statusWordArbitrary(vendor, [level]).map((vendorStatus) => ({
    status: readAs(vendorStatus, vendor, level),
    vendorStatus,
  }));
