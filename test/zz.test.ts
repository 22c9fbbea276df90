import { it } from "vitest";
import { simulate } from "../src/testing/index.js";

it("x", () => {
  const r = simulate({ seed: 20261212, path: "3", runs: 1, posts: [1, 2], destinations: [5, 20] });
  const t = (r.failure?.trace ?? []) as string[];
  console.log(r.failure?.message);
  console.log(
    t
      .filter((l) => /destinationId=d8 |post-1:d8|pp-18|pp-27|worker-20 |c-1 /.test(l))
      .slice(0, 200)
      .join("\n"),
  );
}, 200000);
