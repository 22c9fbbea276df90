import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createMachine, setup } from "xstate";
import { generatedDocs, generatedHeader, rootDir } from "../docs/generate.js";
import {
  guardLabel,
  markdownTable,
  renderAggregation,
  renderEditableFields,
  renderMachineMermaid,
  renderReasonGlossary,
  renderTransitionTable,
  replaceBetweenMarkers,
  type TransitionTableSpec,
} from "../docs/render.js";
import aggregation from "../spec/aggregation.json";
import editableFields from "../spec/editable-fields.json";
import destinationTable from "../spec/transitions.destination.json";
import postTable from "../spec/transitions.post.json";
import { reasonMeanings } from "../src/domain/decision.js";
import { destinationMachine, postMachine } from "../src/index.js";

/** The body rows of the first markdown table in `text`, as arrays of trimmed cells. */
const tableRows = (text: string): string[][] => {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.startsWith("|"));
  const rows: string[][] = [];
  for (const line of lines.slice(start)) {
    if (!line.startsWith("|")) break;
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
};

describe("the generated docs", () => {
  const docs = generatedDocs();

  it.each(Object.keys(docs))("%s is up to date", (path) => {
    const file = resolve(rootDir, path);
    const onDisk = existsSync(file) ? readFileSync(file, "utf8") : undefined;
    expect(
      onDisk === docs[path],
      `${path} is stale or missing: run \`npm run docs:generate\` and commit the result`,
    ).toBe(true);
  });

  it("include the lifecycle and the rules, each starting with the do-not-edit header", () => {
    for (const path of ["docs/lifecycle.md", "docs/rules.md"]) {
      expect(docs[path]?.startsWith(`${generatedHeader}\n`)).toBe(true);
    }
  });

  it("include README.md exactly when it has both machine markers", () => {
    const readme = resolve(rootDir, "README.md");
    const text = existsSync(readme) ? readFileSync(readme, "utf8") : "";
    const marked =
      text.includes("<!-- machines:start -->") && text.includes("<!-- machines:end -->");
    expect("README.md" in docs).toBe(marked);
  });

  it("are the same on every run", () => {
    expect(generatedDocs()).toEqual(docs);
  });
});

describe("renderMachineMermaid", () => {
  const post = renderMachineMermaid(postMachine);
  const destination = renderMachineMermaid(destinationMachine);

  it("labels a transition with its event and its guard", () => {
    expect(post).toContain("\n  scheduled --> queued : DUE [isArmedRevision ∧ isDue]\n");
    expect(post).toContain("\n  pending_approval --> scheduled : APPROVE [isScheduledAhead]\n");
    // isWellFormed guards every transition; the labels show the lifecycle's own rules.
    expect(post).toContain("\n  pending_approval --> draft : REJECT\n");
    expect(destination).toContain(
      "\n  unconfirmed --> queued : RECONCILED [concernsThisDelivery ∧ answersAttemptInDoubt ∧ wasSent ∧ isNotItemRecorded ∧ hasAttemptsLeft]\n",
    );
  });

  it("draws the initial state and every final state", () => {
    expect(post.startsWith("stateDiagram-v2\n  [*] --> draft\n")).toBe(true);
    // No status of postlife's is final: the platform may report a post live (or live twice)
    // whatever postlife decided, and the machines listen to the end.
    expect(post).not.toContain("--> [*]");
    expect(destination).not.toContain("--> [*]");
    const done = setup({}).createMachine({
      id: "door",
      initial: "open",
      states: { open: { on: { CLOSE: "closed" } }, closed: { type: "final" } },
    });
    expect(renderMachineMermaid(done)).toContain("\n  closed --> [*]");
  });

  it("labels an eventless transition with its guard and params", () => {
    for (const status of ["queued", "publishing", "published", "partially_published", "failed"]) {
      expect(post).toContain(`\n  settling --> ${status} : settledAs(${status})`);
    }
  });

  it("draws one edge per transition, and every state", () => {
    const edges = (diagram: string) =>
      diagram.split("\n").filter((line) => / --> /.test(line) && !line.includes("[*]"));
    const count = (machine: typeof postMachine | typeof destinationMachine) =>
      Object.values(machine.root.states).reduce(
        (n, node) => n + [...node.transitions.values()].flat().length + (node.always ?? []).length,
        0,
      );
    expect(edges(post)).toHaveLength(count(postMachine));
    expect(edges(destination)).toHaveLength(count(destinationMachine));
    for (const key of Object.keys(postMachine.root.states)) expect(post).toContain(` ${key}`);
  });

  it("renders guards of every kind, nested states and targetless transitions", () => {
    const machine = createMachine({
      id: "m",
      initial: "a",
      states: {
        a: {
          on: {
            GO: { target: "b", guard: { type: "over", params: { min: 2, unit: "s" } } },
            STAY: { actions: () => undefined },
            LOOK: {
              target: "b",
              guard: function looks() {
                return true;
              },
            },
          },
        },
        b: {
          initial: "b1",
          states: { b1: { on: { NEXT: "b2" } }, b2: { type: "final" } },
          on: { BACK: "a" },
        },
      },
    });
    expect(renderMachineMermaid(machine)).toBe(
      [
        "stateDiagram-v2",
        "  [*] --> a",
        "  state b {",
        "    [*] --> b1",
        "    b1 --> b2 : NEXT",
        "    b2 --> [*]",
        "  }",
        "  a --> b : GO [over(2, s)]",
        "  a --> a : STAY",
        "  a --> b : LOOK [looks]",
        "  b --> a : BACK",
      ].join("\n"),
    );
  });

  it("names a guard by its name, params or function", () => {
    expect(guardLabel(undefined)).toBeUndefined();
    expect(guardLabel("canEdit")).toBe("canEdit");
    expect(guardLabel({ type: "all", params: { of: ["isWellFormed", "a", "b"] } })).toBe("a ∧ b");
    expect(guardLabel("isWellFormed")).toBeUndefined();
    expect(guardLabel({ type: "settledAs", params: { status: "failed" } })).toBe(
      "settledAs(failed)",
    );
    expect(guardLabel({ type: "g", params: () => ({}) })).toBe("g(…)");
    expect(guardLabel(() => true)).toBe("inline");
  });
});

describe("markdownTable", () => {
  it("pads every column to its widest cell, at least three wide, counting wide characters twice", () => {
    expect(markdownTable(["a", "bb"], [["→ x", "日本"]])).toBe(
      ["| a   | bb   |", "| --- | ---- |", "| → x | 日本 |"].join("\n"),
    );
  });
});

describe("renderTransitionTable", () => {
  const post = renderTransitionTable(postTable);
  const [header = [], rule, ...rows] = tableRows(post);
  const cell = (status: string, event: string) =>
    rows.find((row) => row[0] === `**${status}**`)?.[header.indexOf(event)];

  it("has one row per status and one column per event, in the table's order", () => {
    expect(header).toEqual(["status", ...postTable.events]);
    expect(rule).toHaveLength(postTable.events.length + 1);
    expect(rows.map((row) => row[0])).toEqual(postTable.statuses.map((s) => `**${s}**`));
    for (const row of rows) expect(row).toHaveLength(postTable.events.length + 1);
  });

  it("shows the next statuses, the refusals and the ignores of a cell", () => {
    expect(cell("scheduled", "DUE")).toBe("→ queued; ✗ too_early; ~ stale");
    expect(cell("pending_approval", "APPROVE")).toBe("→ scheduled, queued");
    expect(cell("draft", "DUE")).toBe("~ stale");
  });

  it("draws a cell that only says not_allowed_in_status as a dash, explained in the legend", () => {
    expect(cell("published", "CANCEL")).toBe("—");
    expect(post).toContain("`—` the status does not take the event at all");
    expect(post).not.toContain("not_allowed_in_status |");
  });

  it("works for the destination table too", () => {
    const [destHeader = [], , ...destRows] = tableRows(renderTransitionTable(destinationTable));
    expect(destHeader).toEqual(["status", ...destinationTable.events]);
    expect(destRows).toHaveLength(destinationTable.statuses.length);
    const retrying = destRows.find((row) => row[0] === "**retrying**");
    expect(retrying?.[destHeader.indexOf("RETRY_DUE")]).toBe("→ queued; ✗ too_early; ~ stale");
  });

  it("marks a missing cell rather than leaving it blank", () => {
    const table: TransitionTableSpec = {
      statuses: ["a"],
      events: ["X", "Y"],
      cells: { a: { X: { to: ["a"] } } },
    };
    expect(tableRows(renderTransitionTable(table))[2]).toEqual(["**a**", "→ a", "**missing**"]);
  });
});

describe("renderReasonGlossary", () => {
  it("defines every reason the tables refuse with, and flags one it cannot define", () => {
    const glossary = renderReasonGlossary(reasonMeanings, [postTable, destinationTable]);
    expect(tableRows(glossary)).toContainEqual([
      "`too_early`",
      "The event came before the time it waits for",
    ]);
    const odd: TransitionTableSpec = {
      statuses: ["a"],
      events: ["X"],
      cells: { a: { X: { reject: ["made_up"] } } },
    };
    expect(tableRows(renderReasonGlossary({}, [odd]))).toContainEqual([
      "`made_up`",
      "**undefined**",
    ]);
  });
});

describe("renderEditableFields", () => {
  const text = renderEditableFields(editableFields, postTable.statuses);
  const [header = [], , ...rows] = tableRows(text);

  it("marks what each status lets an EDIT change", () => {
    expect(header).toEqual(["status", ...editableFields.fields.map((f) => `\`${f}\``)]);
    expect(rows[0]).toEqual(["`draft`", "✓", "✓", "✓", "✓"]);
    expect(rows.find((row) => row[0]?.startsWith("once approved"))?.slice(1)).toEqual([
      "·",
      "·",
      "✓",
      "·",
    ]);
    const others = rows.find((row) => row[0]?.startsWith("every other status"));
    expect(others?.[0]).toContain("`queued`");
    expect(others?.[0]).not.toContain("`draft`");
    expect(others?.slice(1).every((c) => c === "·")).toBe(true);
  });

  it("names the destination fields that never change", () => {
    expect(text).toContain("never editable `platform`, `accountId`, `postType`");
  });
});

describe("renderAggregation", () => {
  it("lists every example and the rules", () => {
    const text = renderAggregation(aggregation);
    const [, , ...rows] = tableRows(text.slice(text.indexOf("| destination statuses")));
    expect(rows).toHaveLength(aggregation.examples.length);
    expect(rows[0]).toEqual(["(none)", "`draft`"]);
    expect(rows).toContainEqual(["`published`, `cancelled`", "`partially_published`"]);
    expect(text).toContain("\n- no destinations is draft\n");
  });
});

describe("replaceBetweenMarkers", () => {
  const text = "# Title\n<!-- s -->\nold\n<!-- e -->\nrest\n";

  it("replaces the block and keeps the rest, the same way every time", () => {
    const once = replaceBetweenMarkers(text, "<!-- s -->", "<!-- e -->", "new");
    expect(once).toBe("# Title\n<!-- s -->\nnew\n<!-- e -->\nrest\n");
    expect(replaceBetweenMarkers(once ?? "", "<!-- s -->", "<!-- e -->", "new")).toBe(once);
  });

  it("leaves a text without well-formed markers alone", () => {
    expect(replaceBetweenMarkers("no markers", "<!-- s -->", "<!-- e -->", "x")).toBeUndefined();
    expect(replaceBetweenMarkers("<!-- e --><!-- s -->", "<!-- s -->", "<!-- e -->", "x")).toBe(
      undefined,
    );
    expect(
      replaceBetweenMarkers("<!-- s --><!-- e --><!-- s -->", "<!-- s -->", "<!-- e -->", "x"),
    ).toBeUndefined();
  });
});
