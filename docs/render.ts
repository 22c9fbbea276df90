/**
 * Markdown from the data the code reads: the machines' definitions and the
 * normative tables in `spec/`. Pure functions, no I/O: `docs/generate.ts`
 * writes what they return, and `test/docs.test.ts` fails when the committed
 * files differ from it.
 */
import type { AnyStateMachine, AnyStateNode } from "xstate";

/** The shape of `spec/transitions.post.json` and `spec/transitions.destination.json`. */
export interface TransitionTableSpec {
  readonly $comment?: string;
  readonly statuses: readonly string[];
  readonly events: readonly string[];
  readonly cells: Readonly<Record<string, Readonly<Record<string, TransitionCellSpec>>>>;
}

/** One status x event cell: where an accepted event leads, why it may be refused or ignored. */
export interface TransitionCellSpec {
  readonly to?: readonly string[];
  readonly reject?: readonly string[];
  readonly ignore?: readonly string[];
}

/** The shape of `spec/editable-fields.json`. */
export interface EditableFieldsSpec {
  readonly $comment?: string;
  readonly fields: readonly string[];
  readonly byStatus: Readonly<Record<string, readonly string[]>>;
  readonly frozenOnceApproved: readonly string[];
  readonly destinationFields: {
    readonly editable: readonly string[];
    readonly neverEditable: readonly string[];
  };
}

/** The shape of `spec/aggregation.json`. */
export interface AggregationSpec {
  readonly $comment?: string;
  readonly examples: readonly { readonly statuses: readonly string[]; readonly status: string }[];
}

/** The one refusal that says only "this status does not take this event"; drawn as a dash. */
const NOT_ALLOWED = "not_allowed_in_status";

const code = (word: string): string => `\`${word}\``;

/** Wide (two-column) characters: CJK, Hangul, full-width forms, emoji. */
const wide =
  /[\u{1100}-\u{115F}\u{2E80}-\u{A4CF}\u{AC00}-\u{D7A3}\u{F900}-\u{FAFF}\u{FE30}-\u{FE4F}\u{FF00}-\u{FF60}\u{FFE0}-\u{FFE6}\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;

/** The columns a cell takes on screen, as the markdown formatter counts them. */
export const displayWidth = (text: string): number =>
  [...text].reduce((width, char) => width + (wide.test(char) ? 2 : 1), 0);

const pad = (text: string, width: number): string =>
  text + " ".repeat(Math.max(0, width - displayWidth(text)));

/**
 * A markdown table with its columns padded to their widest cell (at least 3),
 * the layout `biome format` (and prettier) give a table: the generated files
 * are left as they are by `npm run lint`, so the two never fight.
 */
export const markdownTable = (
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string => {
  const widths = header.map((title, column) =>
    Math.max(3, displayWidth(title), ...rows.map((row) => displayWidth(row[column] ?? ""))),
  );
  const line = (cells: readonly string[]): string =>
    `| ${widths.map((width, column) => pad(cells[column] ?? "", width)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join(
    "\n",
  );
};

// ---------------------------------------------------------------------------
// Machines

/** A label on one line, with `#` and `;` as Mermaid entity codes (Mermaid reads `#…;` as one). */
const mermaidLabel = (text: string): string =>
  text.replace(/[\r\n]+/g, " ").replace(/[#;]/g, (c) => `#${c.charCodeAt(0)};`);

const paramValue = (value: unknown): string =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : JSON.stringify(value);

/**
 * Every transition of postlife's machines first requires a well-formed event
 * (`isWellFormed`); the diagrams leave it out of the labels, which show the
 * lifecycle's own rules.
 */
const wellFormed = "isWellFormed";

/** A guard of several rules, all of which must hold: `{ type: "all", params: { of: [...] } }`. */
const isAll = (guard: unknown): guard is { params: { of: readonly string[] } } =>
  typeof guard === "object" &&
  guard !== null &&
  (guard as { type?: unknown }).type === "all" &&
  Array.isArray((guard as { params?: { of?: unknown } }).params?.of);

/**
 * A guard as a reader meets it: its name, and its params when it has static
 * ones (`settledAs(published)`), or the rules of an `all` guard joined by
 * `∧`. An inline function shows its name, if any.
 */
export const guardLabel = (guard: unknown): string | undefined => {
  if (guard === undefined || guard === null) return undefined;
  if (typeof guard === "string") return guard === wellFormed ? undefined : guard;
  if (isAll(guard)) {
    const rules = guard.params.of.filter((name) => name !== wellFormed);
    return rules.length === 0 ? undefined : rules.join(" ∧ ");
  }
  if (typeof guard === "function") return guard.name === "" ? "inline" : guard.name;
  if (typeof guard === "object" && "type" in guard && typeof guard.type === "string") {
    const params = "params" in guard ? guard.params : undefined;
    if (params === undefined || params === null) return guard.type;
    if (typeof params === "function") return `${guard.type}(…)`;
    if (typeof params === "object") {
      return `${guard.type}(${Object.values(params).map(paramValue).join(", ")})`;
    }
    return `${guard.type}(${paramValue(params)})`;
  }
  return "guard";
};

interface Edge {
  readonly source: AnyStateNode;
  readonly targets: readonly AnyStateNode[];
  readonly event: string | undefined;
  readonly guard: unknown;
}

/** The node's transitions in definition order: evented ones, then eventless (`always`) ones. */
const edgesOf = (node: AnyStateNode): Edge[] => {
  const evented = [...node.transitions.values()].flat().map((t) => ({
    source: node,
    targets: t.target ?? [],
    event: String(t.eventType),
    guard: t.guard,
  }));
  const eventless = (node.always ?? []).map((t) => ({
    source: node,
    targets: t.target ?? [],
    event: undefined,
    guard: t.guard,
  }));
  return [...evented, ...eventless];
};

const edgeLines = (edge: Edge, indent: string): string[] => {
  const guard = guardLabel(edge.guard);
  const label =
    edge.event === undefined
      ? (guard ?? "")
      : guard === undefined
        ? edge.event
        : `${edge.event} [${guard}]`;
  // A targetless transition stays in its state: drawn as a self-transition.
  const targets = edge.targets.length === 0 ? [edge.source] : edge.targets;
  return targets.map(
    (target) =>
      `${indent}${edge.source.key} --> ${target.key}${label === "" ? "" : ` : ${mermaidLabel(label)}`}`,
  );
};

const childrenOf = (node: AnyStateNode): AnyStateNode[] =>
  Object.values(node.states as Record<string, AnyStateNode>).sort((a, b) => a.order - b.order);

/** The body of a compound node: its initial arrow, its children, their transitions, its finals. */
const bodyLines = (node: AnyStateNode, indent: string): string[] => {
  const children = childrenOf(node);
  const lines: string[] = [];
  for (const target of node.initial?.target ?? []) lines.push(`${indent}[*] --> ${target.key}`);
  for (const child of children) {
    if (child.type === "compound" || child.type === "parallel") {
      lines.push(`${indent}state ${child.key} {`, ...bodyLines(child, `${indent}  `), `${indent}}`);
    }
  }
  for (const child of children)
    for (const edge of edgesOf(child)) lines.push(...edgeLines(edge, indent));
  for (const child of children)
    if (child.type === "final") lines.push(`${indent}${child.key} --> [*]`);
  return lines;
};

/**
 * A Mermaid `stateDiagram-v2` of an XState v5 machine, walked from
 * `machine.root` (the state nodes, not `machine.toJSON()`: the JSON definition
 * leaves out eventless `always` transitions, which the post machine's
 * `settling` state is made of). Each transition is labelled with its event and
 * its guard in brackets (`DUE [isArmedRevision ∧ isDue]`); an eventless one with its guard
 * alone (`settledAs(published)`). States and transitions come in the order the
 * machine defines them, so the output is stable. Descriptions are left out of
 * the diagram (see `renderStateDescriptions`).
 *
 * @example
 * ```ts
 * renderMachineMermaid(postMachine).includes("scheduled --> queued : DUE [isArmedRevision ∧ isDue]"); // true
 * ```
 */
export const renderMachineMermaid = (machine: AnyStateMachine): string =>
  ["stateDiagram-v2", ...bodyLines(machine.root, "  ")].join("\n");

const cellText = (text: string): string => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

/** A markdown table of a machine's states (in definition order) and their descriptions. */
export const renderStateDescriptions = (machine: AnyStateMachine): string => {
  const rows: string[][] = [];
  const walk = (node: AnyStateNode, prefix: string): void => {
    for (const child of childrenOf(node)) {
      const name = `${prefix}${child.key}`;
      const kind = child.type === "final" ? " (final)" : "";
      rows.push([`${code(name)}${kind}`, cellText(child.description ?? "")]);
      walk(child, `${name}.`);
    }
  };
  walk(machine.root, "");
  return markdownTable(["state", "description"], rows);
};

// ---------------------------------------------------------------------------
// Transition tables

const renderCell = (cell: TransitionCellSpec | undefined): string => {
  if (cell === undefined) return "**missing**";
  const to = cell.to ?? [];
  const reject = cell.reject ?? [];
  const ignore = cell.ignore ?? [];
  if (to.length === 0 && ignore.length === 0 && reject.length === 1 && reject[0] === NOT_ALLOWED) {
    return "—";
  }
  const parts: string[] = [];
  if (to.length > 0) parts.push(`→ ${to.join(", ")}`);
  if (reject.length > 0) parts.push(`✗ ${reject.join(", ")}`);
  if (ignore.length > 0) parts.push(`~ ${ignore.join(", ")}`);
  return parts.length === 0 ? "" : parts.join("; ");
};

/** The legend under every transition table. */
export const transitionLegend =
  "Legend: `→ a, b` the statuses an accepted event may lead to; `✗ reason` the reasons it may be " +
  "refused for (the value is untouched); `~ duplicate, stale` the ways it may be ignored (accepted, " +
  "nothing changes: `duplicate` is the same fact as the one already recorded, `stale` one that is " +
  "older than the current revision, generation or attempt, or that the status can no longer take); " +
  "`—` the status does not take the event at all (refused with `not_allowed_in_status`).";

/**
 * A transition table from `spec/`: one row per status, one column per event
 * type, in the table's own order. Each cell reads `→ next statuses; ✗ reasons;
 * ~ ignores`; a cell that only refuses with `not_allowed_in_status` is a dash,
 * so the cells that do something stand out. Followed by the legend.
 *
 * @example
 * ```ts
 * renderTransitionTable(postTable); // "| status | EDIT | … |\n…| scheduled | … | → queued; ✗ too_early; ~ stale | …"
 * ```
 */
export const renderTransitionTable = (table: TransitionTableSpec): string => {
  const rows = table.statuses.map((status) => {
    const row = table.cells[status];
    return [`**${status}**`, ...table.events.map((event) => renderCell(row?.[event]))];
  });
  return [markdownTable(["status", ...table.events], rows), "", transitionLegend].join("\n");
};

/**
 * Every rejection reason the tables use, with the sentence it stands for, in
 * the order of `reasons`; a word the tables use that `reasons` lacks is listed
 * last, marked undefined.
 */
export const renderReasonGlossary = (
  reasons: Readonly<Record<string, string>>,
  tables: readonly TransitionTableSpec[],
): string => {
  const used = new Set<string>();
  for (const table of tables) {
    for (const status of table.statuses) {
      for (const event of table.events) {
        for (const reason of table.cells[status]?.[event]?.reject ?? []) used.add(reason);
      }
    }
  }
  // The glossary's own order, then any word the tables use that it does not define.
  const ordered = [
    ...Object.keys(reasons).filter((reason) => used.has(reason)),
    ...[...used].filter((reason) => !(reason in reasons)),
  ];
  const rows = ordered.map((reason) => [
    code(reason),
    cellText(reasons[reason] ?? "**undefined**"),
  ]);
  return markdownTable(["reason", "meaning"], rows);
};

// ---------------------------------------------------------------------------
// Editable fields and aggregation

const mark = (yes: boolean): string => (yes ? "✓" : "·");

/**
 * The editable-fields table: one row per status the spec lists, a row for an
 * approved post (what the reviewer approved is frozen), and a row for every
 * other status (nothing), named when `statuses` is given; then the
 * destination fields.
 */
export const renderEditableFields = (
  spec: EditableFieldsSpec,
  statuses: readonly string[] = [],
): string => {
  const row = (label: string, editable: readonly string[]): string[] => [
    label,
    ...spec.fields.map((f) => mark(editable.includes(f))),
  ];
  const listed = Object.keys(spec.byStatus);
  const frozen = new Set(spec.frozenOnceApproved);
  const others = statuses.filter((s) => !listed.includes(s));
  const rows = [
    ...listed.map((status) => row(code(status), spec.byStatus[status] ?? [])),
    row(
      "once approved (`requiresApproval`)",
      spec.fields.filter((f) => !frozen.has(f)),
    ),
    row(
      others.length > 0
        ? `every other status (${others.map(code).join(", ")})`
        : "every other status",
      [],
    ),
  ];
  const destination = [
    `A destination's own fields: editable ${spec.destinationFields.editable.map(code).join(", ")} ` +
      `(a per-destination override); never editable ${spec.destinationFields.neverEditable.map(code).join(", ")} ` +
      "(remove the destination and add another).",
  ];
  return [
    ...(spec.$comment === undefined ? [] : [spec.$comment, ""]),
    markdownTable(["status", ...spec.fields.map(code)], rows),
    "",
    "`✓` editable, `·` not editable.",
    "",
    ...destination,
  ].join("\n");
};

/**
 * The aggregation rules (the spec's own words, one rule a bullet) and its
 * examples: the destinations' statuses and the post status they give.
 */
export const renderAggregation = (spec: AggregationSpec): string => {
  const comment = spec.$comment ?? "";
  const split = comment.indexOf("The rules:");
  const prose =
    split === -1
      ? [comment]
      : [
          comment.slice(0, split).trim(),
          "",
          ...comment
            .slice(split + "The rules:".length)
            .trim()
            .replace(/\.$/, "")
            .split(/;\s*/)
            .map((rule) => `- ${rule}`),
        ];
  const rows = spec.examples.map((e) => [
    e.statuses.length === 0 ? "(none)" : e.statuses.map(code).join(", "),
    code(e.status),
  ]);
  return [
    ...(comment === "" ? [] : [...prose, ""]),
    markdownTable(["destination statuses", "post status"], rows),
  ].join("\n");
};

// ---------------------------------------------------------------------------
// README

/**
 * `text` with what lies between `start` and `end` replaced by `body`, or
 * undefined when the markers are missing, repeated or out of order.
 */
export const replaceBetweenMarkers = (
  text: string,
  start: string,
  end: string,
  body: string,
): string | undefined => {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1 || to < from) return undefined;
  if (text.indexOf(start, from + 1) !== -1 || text.indexOf(end, to + 1) !== -1) return undefined;
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
};

/** A Mermaid diagram as a fenced markdown block. */
export const mermaidBlock = (diagram: string): string => `\`\`\`mermaid\n${diagram}\n\`\`\``;
