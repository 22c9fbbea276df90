/**
 * The reference service on PGlite, under load: hundreds of posts, thousands
 * of events, duplicated and reordered webhooks, version conflicts forced on
 * purpose, and workers that die between any two steps. The audit's every
 * broken promise is a failure, printed with the run's seed.
 */
import { describe, expect, it } from "vitest";
import { runLoad } from "./support/load.js";

const seed = Number(process.env.POSTLIFE_SEED ?? 20261207);

describe("the reference service on PGlite", () => {
  it("loses nothing, publishes nothing twice and leaves nothing in flight", async () => {
    const report = await runLoad({
      seed,
      posts: 240,
      failureRate: 0.25,
      conflictRate: 0.05,
      crashRate: 0.03,
    });
    console.log(`PGlite run (seed ${seed}): ${JSON.stringify(report.figures)}`);
    expect(report.problems, `seed ${seed}`).toEqual([]);
    // The run did meet what it is about: not a quiet day.
    expect(report.figures.crashes).toBeGreaterThan(0);
    expect(report.figures.conflicts).toBeGreaterThan(0);
    expect(report.figures.webhookDeliveries).toBeGreaterThan(report.figures.webhooks);
    expect(report.figures.decisions).toBeGreaterThan(1000);
  });
});
