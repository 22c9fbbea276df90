// Builds postlife (`npm run build`) when dist/ is missing or older than src/: the reference
// service imports postlife through its published entries, which are the built files. Runs
// before whatever reads them: `npm start`, `serve`, the tests, the type check of the service.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const built = join(root, "dist", "index.js");

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);

if (!existsSync(built) || statSync(built).mtimeMs < newest(join(root, "src"))) {
  console.error("building postlife (dist/ is missing or older than src/) ...");
  execFileSync("npm", ["run", "--silent", "build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
}
