/**
 * The kit tested the way a consumer meets it: `npm pack` the built package,
 * install the tarball in a new project in a temporary folder (with
 * fast-check, vitest, xstate and effect at the versions this repo tests
 * with), then type-check and run that project's property test and load the
 * CommonJS build. Run by `npm run test:consumer` after `npm run build`.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const here = resolve(root, "test/consumer");
const versionOf = (name: string): string =>
  (
    JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as {
      version: string;
    }
  ).version;

const run = (command: string, args: readonly string[], cwd: string): string =>
  execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });

const folder = mkdtempSync(join(tmpdir(), "postlife-consumer-"));
const started = Date.now();
try {
  const [packed] = JSON.parse(
    run("npm", ["pack", "--json", "--pack-destination", folder], root),
  ) as {
    filename: string;
  }[];
  if (packed === undefined) throw new Error("npm pack gave no tarball");
  const project = join(folder, "service");
  run("mkdir", [project], folder);
  writeFileSync(
    join(project, "package.json"),
    `${JSON.stringify({ name: "a-service", private: true, type: "module" }, null, 2)}\n`,
  );
  writeFileSync(
    join(project, "tsconfig.json"),
    `${JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          noEmit: true,
          // Libraries checked too: postlife's declaration files must be valid
          // for a consumer that checks them (xstate's own fail this only
          // under exactOptionalPropertyTypes, so that stays off here).
          skipLibCheck: false,
          types: [],
        },
        include: ["*.ts"],
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(
    join(project, "vitest.config.mjs"),
    // Budgets in runs, not seconds: the limit only stops a hang (as vitest.config.ts here).
    'export default { test: { include: ["*.property.ts"], testTimeout: 300000 } };\n',
  );
  copyFileSync(join(here, "service.property.ts"), join(project, "service.property.ts"));
  copyFileSync(join(here, "require.cjs"), join(project, "require.cjs"));

  const peers = ["fast-check", "vitest", "xstate", "effect", "typescript"];
  run(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--prefer-offline",
      "--loglevel=error",
      join(folder, packed.filename),
      ...peers.map((name) => `${name}@${versionOf(name)}`),
    ],
    project,
  );
  process.stdout.write(run("npx", ["tsc", "-p", "."], project));
  process.stdout.write(run("npx", ["vitest", "run"], project));
  process.stdout.write(run("node", ["require.cjs"], project));
  console.log(
    `consumer project from ${packed.filename}: type-checked, property test passed, CommonJS loads (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}
