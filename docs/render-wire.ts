/**
 * The vocabulary table as markdown (docs/wire.md), from spec/vocabularies.json.
 */
import spec from "../spec/vocabularies.json";
import { markdownTable } from "./render.js";

interface VendorWords {
  readonly name: string;
  readonly sources: readonly string[];
  readonly post: Readonly<Record<string, string>>;
  readonly destination: Readonly<Record<string, string>>;
  readonly notes?: Readonly<Record<string, string>>;
  readonly unmapped?: Readonly<Record<string, string>>;
}

const vendors = spec.vendors as unknown as Readonly<Record<string, VendorWords>>;
const code = (word: string): string => `\`${word}\``;

/** Which canonical statuses each vendor has a word for: statuses down, vendors across. */
export const renderCoverage = (
  statuses: readonly string[],
  level: "post" | "destination",
): string =>
  markdownTable(
    ["status", ...Object.keys(vendors)],
    statuses.map((status) => [
      code(status),
      ...Object.values(vendors).map((v) =>
        Object.entries(v[level])
          .filter(([, s]) => s === status)
          .map(([w]) => w)
          .join(", "),
      ),
    ]),
  );

/** One section per vendor: its words, the level, the canonical status, and why. */
export const renderVocabulary = (): string =>
  Object.entries(vendors)
    .map(([id, v]) => {
      const rows = (["post", "destination"] as const).flatMap((level) =>
        Object.entries(v[level]).map(([word, status]) => [
          code(word),
          level,
          code(status),
          v.notes?.[word] ?? "",
        ]),
      );
      const unmapped = Object.entries(v.unmapped ?? {}).map(([word, why]) => [
        code(word),
        "",
        "unknown",
        why,
      ]);
      return [
        `### ${v.name} (${code(id)})`,
        "",
        `Sources: ${v.sources.join("; ")}`,
        "",
        markdownTable(["word", "level", "status", "note"], [...rows, ...unmapped]),
      ].join("\n");
    })
    .join("\n\n");

export const vocabularyComment = spec.$comment;
