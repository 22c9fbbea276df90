/**
 * The machines as JSON for Stately Studio (docs/machines/*.machine.json), linked from
 * docs/studio.md.
 *
 * What is exported is each machine's config, the object given to `createMachine`: it is what
 * Studio imports and what the inspector receives as an actor's `definition`. Not
 * `machine.toJSON()`: that is the resolved state-node tree (targets as `#post.queued` arrays,
 * every transition listed twice), which `createMachine` cannot read back.
 */
import { type AnyStateMachine, createMachine } from "xstate";
import { destinationMachine, postMachine } from "../src/index.js";

/** Where each machine's JSON goes, relative to the repository root. */
export const studioMachineFiles = {
  post: "docs/machines/post.machine.json",
  destination: "docs/machines/destination.machine.json",
} as const;

/** Paths to every function in `value`, but the root's `context` factory (code, not data). */
const functionsIn = (value: unknown, path: string): string[] => {
  if (typeof value === "function") return [path];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) =>
    path === "config" && key === "context" ? [] : functionsIn(v, `${path}.${key}`),
  );
};

/**
 * The JSON text of `machine`'s config, checked first: nothing in it may be a function (an
 * inline guard or action would vanish from the JSON), and the JSON must give back the same
 * machine (`createMachine(json).toJSON()` equals `machine.toJSON()`). The context factory is
 * left out: Studio does not need it, and a post's context is `createPost(input)`.
 */
export const studioJson = (machine: AnyStateMachine): string => {
  const functions = functionsIn(machine.config, "config");
  if (functions.length > 0) {
    throw new Error(`${machine.id} has functions in its config: ${functions.join(", ")}`);
  }
  const text = `${JSON.stringify(machine.config, null, 2)}\n`;
  const again = createMachine(JSON.parse(text));
  if (JSON.stringify(again.toJSON()) !== JSON.stringify(machine.toJSON())) {
    throw new Error(`${machine.id}'s JSON does not give back the same machine`);
  }
  return text;
};

/** Every Studio file, path to content: spread it into `generatedDocs()`. */
export const renderStudio = (): Record<string, string> => ({
  [studioMachineFiles.post]: studioJson(postMachine),
  [studioMachineFiles.destination]: studioJson(destinationMachine),
});
