/**
 * The two promises, proven the way they fail in production: postlife inside
 * a simulated service (src/testing/simulation), thousands of seeded scenarios
 * of crashes, duplicates, late and reordered facts, early and late timers,
 * misleading platforms and people acting at any moment. The invariants are
 * checked against the simulated platforms' truth, not against postlife.
 *
 * Budgets are in scenarios, never in seconds: `POSTLIFE_SCENARIOS` raises the
 * main run (`npm run test:deep` runs a million).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  apply,
  type Decision,
  type EnqueueDelivery,
  type Post,
  type PostEvent,
  statusOf,
} from "../src/index.js";
import {
  defaultSimulationFaults,
  type SimulationOptions,
  type SimulationReport,
  simulate,
} from "../src/testing/index.js";
import { configOf, simulationLimits } from "../src/testing/simulation/options.js";
import { junk } from "./support/totality.js";

const scenarios = Number(process.env.POSTLIFE_SCENARIOS ?? 5000);
const seed = Number(process.env.POSTLIFE_SEED ?? 20261206);

/** The report as an assertion message: the broken promise, how to replay it, and its trace. */
const explain = (report: SimulationReport): string =>
  report.failure === undefined
    ? "ok"
    : [
        `${report.failure.invariant}: ${report.failure.message}`,
        `seed ${report.failure.seed}, replay with ${report.failure.replay}`,
        ...report.failure.trace,
      ].join("\n");

const holds = (options: SimulationOptions): SimulationReport => {
  const report = simulate(options);
  expect(report.ok, explain(report)).toBe(true);
  return report;
};

describe("postlife in a simulated service", () => {
  it(`keeps both promises in ${scenarios.toLocaleString("en")} scenarios`, () => {
    const started = performance.now();
    const report = holds({ seed, runs: scenarios });
    const seconds = (performance.now() - started) / 1000;
    expect(report.runs).toBe(scenarios);
    // Every ending happens, so the scenarios are not all alike.
    for (const status of [
      "published",
      "partially_published",
      "failed",
      "cancelled",
      "deleted",
    ] as const) {
      expect(report.statuses[status], status).toBeGreaterThan(0);
    }
    expect(report.platformDuplicates).toBeGreaterThan(0);
    expect(report.boundUsed).toBeGreaterThan(0);
    expect(report.boundUsed).toBeLessThanOrEqual(1);
    console.log(
      `simulate: ${report.runs} scenarios, ${report.steps} steps in ${seconds.toFixed(1)} s (${Math.round(report.runs / seconds)} scenarios/s); bound used at most ${(report.boundUsed * 100).toFixed(0)}%; ${report.platformDuplicates} double posts the platforms made, all surfaced`,
    );
  });

  it("postiz #1724, #818 and mixpost #150: nothing stays in publishing when workers crash, jobs and look-ups get lost", () => {
    holds({
      seed: seed + 1,
      runs: 500,
      faults: { workerCrash: 0.3, jobLost: 0.2, lookupLost: 0.5, relayRepeats: 0.3 },
    });
  });

  it("postiz #1321, #1172 and PR #1813: no double publish after a retry, automatic or by hand", () => {
    holds({
      seed: seed + 2,
      runs: 500,
      faults: {
        platformFails: 0.7,
        peopleAct: 0.4,
        lookupLags: 0,
        platformLies: 0,
        latePolls: 0.6,
      },
    });
  });

  it("postiz PR #1681: a post live on the platform is never left marked failed", () => {
    holds({ seed: seed + 3, runs: 500, faults: { platformLies: 0.3, webhookCopies: 0.9 } });
  });

  it("postiz #1213: a deleted or edited post never publishes, and nothing stays armed for it", () => {
    holds({
      seed: seed + 4,
      runs: 500,
      faults: { peopleAct: 0.6, timerEarly: 0.2, timerTwice: 0.2 },
    });
  });

  it("postiz #1144 and #1040: contradictory reports converge on the platform's truth", () => {
    holds({
      seed: seed + 5,
      runs: 500,
      faults: { webhookCopies: 0.9, latePolls: 0.8, lookupLags: 0.5, platformLies: 0.1 },
    });
  });

  it("postiz #1525: threads go out item by item, resume at the item that failed, and never post an item twice", () => {
    holds({
      seed: seed + 7,
      runs: 500,
      threads: 1,
      faults: { platformFails: 0.4, workerCrash: 0.1, lookupLags: 0.3 },
    });
  });

  it("postiz #1562 and PR #1813: media processed by Instagram, Threads and TikTok is waited on and published once", () => {
    holds({
      seed: seed + 8,
      runs: 500,
      media: 1,
      faults: { platformFails: 0.3, lookupLost: 0.2, timerEarly: 0.3 },
    });
  });

  it("serves posts with 5 to 20 destinations and approvals", () => {
    holds({ seed: seed + 6, runs: 100, posts: [1, 2], destinations: [5, 20] });
  });

  it("the same seed runs the same scenarios", () => {
    expect(simulate({ seed: 99, runs: 30 })).toEqual(simulate({ seed: 99, runs: 30 }));
  });
});

describe("the simulator finds what breaks the promises", () => {
  /** A handler that changes one thing about postlife's decisions. */
  const mutant =
    (change: (post: Post, event: PostEvent) => Decision | undefined) =>
    (post: Post, event: PostEvent): Decision =>
      change(post, event) ?? apply(post, event);

  const ignoreIt = (post: Post): Decision => ({
    ok: true,
    post,
    outbox: [],
    ignored: "stale",
    message: "mutant",
  });

  /** It fails, names the promise broken, and the same seed and path replay the same failure. */
  const fails = (
    apply: SimulationOptions["apply"],
    invariant: RegExp,
    faults: SimulationOptions["faults"] = {},
    more: Partial<SimulationOptions> = {},
  ) => {
    const options: SimulationOptions = {
      seed: 3,
      runs: 2000,
      faults,
      ...more,
      ...(apply === undefined ? {} : { apply }),
    };
    const report = simulate(options);
    expect(report.ok).toBe(false);
    const failure = report.failure;
    if (failure === undefined) throw new Error("no failure");
    expect(failure.invariant, failure.message).toMatch(invariant);
    expect(failure.trace.length).toBeGreaterThan(0);
    expect(failure.replay).toContain(`seed: ${failure.seed}`);
    const again = simulate({ ...options, seed: failure.seed, path: failure.path, runs: 1 });
    expect(again.failure?.invariant).toBe(failure.invariant);
    expect(again.failure?.message).toBe(failure.message);
    return failure;
  };

  it("a handler that ignores deadlines leaves posts stuck in publishing", () => {
    fails(
      mutant((post, e) => (e.type === "DEADLINE_PASSED" ? ignoreIt(post) : undefined)),
      /every post is final/,
    );
  });

  it("a handler that retries a timeout after sending blindly publishes twice", () => {
    fails(
      mutant((post, e) =>
        e.type === "DELIVERY_FAILED" && e.failure !== undefined && e.failure.requestSent === true
          ? apply(post, { ...e, error: undefined, failure: { ...e.failure, requestSent: false } })
          : undefined,
      ),
      /at most one live platform post/,
    );
  });

  /** postlife's decision, with its thread deliveries rewritten by `change`. */
  const rewritingDeliveries = (change: (job: EnqueueDelivery, post: Post) => EnqueueDelivery) =>
    mutant((post, e) => {
      const decision = apply(post, e);
      if (!decision.ok) return decision;
      return {
        ...decision,
        outbox: decision.outbox.map((i) =>
          i.type === "enqueue_delivery" && i.item !== undefined ? change(i, decision.post) : i,
        ),
      };
    });

  it("a handler that retries a broken thread from its first item posts it twice", () => {
    // The thread "posted again from the start": a retry rewinds it to item 0 under a fresh key.
    const rewound = (post: Post, e: PostEvent): Decision | undefined => {
      if (e.type !== "RETRY_DUE") return undefined;
      const decision = apply(post, e);
      const d = decision.ok
        ? decision.post.destinations.find((x) => x.id === e.destinationId)
        : undefined;
      if (
        !decision.ok ||
        decision.ignored !== undefined ||
        d?.items === undefined ||
        d.items[0]?.status !== "published"
      )
        return decision;
      const key = `${d.idempotencyKey}:again`;
      const items = d.items.map((_, k) =>
        k === 0
          ? { status: "queued" as const, idempotencyKey: key }
          : { status: "pending" as const },
      );
      const { platformPostId, platformUrl, publishedAt, ...rest } = d;
      const again = { ...rest, items, idempotencyKey: key };
      const rewoundPost: Post = {
        ...decision.post,
        destinations: decision.post.destinations.map((x) => (x.id === d.id ? again : x)),
      };
      return {
        ...decision,
        post: { ...rewoundPost, status: statusOf(rewoundPost) as Post["status"] },
        outbox: decision.outbox.map((i) =>
          i.type === "enqueue_delivery" && i.destinationId === d.id
            ? {
                type: "enqueue_delivery",
                postId: i.postId,
                destinationId: i.destinationId,
                platform: i.platform,
                accountId: i.accountId,
                idempotencyKey: key,
                attempt: i.attempt,
                item: 0,
              }
            : i,
        ),
      };
    };
    // Caught as soon as the rewind forgets the live first item, or when it goes out again.
    fails(
      mutant(rewound),
      /a live post the service heard of is recorded|per item of a thread/,
      { platformFails: 0.4 },
      { threads: 1 },
    );
  });

  it("a handler that posts a reply under the wrong item breaks the thread", () => {
    fails(
      rewritingDeliveries((job, post) => {
        const head = post.destinations.find((x) => x.id === job.destinationId)?.items?.[0];
        return job.item !== undefined && job.item >= 2 && head?.platformPostId !== undefined
          ? { ...job, replyTo: head.platformPostId }
          : job;
      }),
      /each reply of a thread is posted under/,
      {},
      { threads: 1 },
    );
  });

  it("a handler that turns away a late success leaves a live post marked failed", () => {
    fails(
      mutant((post, e) =>
        e.type === "DELIVERY_SUCCEEDED" &&
        post.destinations.some((d) => d.id === e.destinationId && d.status === "failed")
          ? ignoreIt(post)
          : undefined,
      ),
      /a live post the service heard of is recorded/,
    );
  });

  it("a handler that keeps handing out a delivery no worker starts breaks the liveness bound", () => {
    fails(
      mutant((post, e) => {
        if (e.type !== "DEADLINE_PASSED") return undefined;
        const patient = apply({ ...post, retry: { ...post.retry, maxHandOuts: 50 } }, e);
        return patient.ok && patient.ignored === undefined
          ? { ...patient, post: { ...patient.post, retry: post.retry } }
          : apply(post, e);
      }),
      /within its policy's bound/,
      { jobLost: 0.9 }, // deliveries nobody starts: each deadline hands one out again
    );
  });

  it("a handler that forgets to disarm a deadline leaves a timer armed for a final post", () => {
    fails(
      mutant((post, e) => {
        const decision = apply(post, e);
        return decision.ok
          ? { ...decision, outbox: decision.outbox.filter((i) => i.type !== "disarm_deadline") }
          : decision;
      }),
      /nothing stays armed/,
    );
  });

  it("a handler that stores a status its destinations do not give is caught", () => {
    fails(
      mutant((post, e) => {
        const decision = apply(post, e);
        return decision.ok && decision.post.status === "partially_published"
          ? { ...decision, post: { ...decision.post, status: "published" } }
          : decision;
      }),
      /its status the one its destinations give/,
    );
  });

  it("a handler that refuses without saying why is caught", () => {
    fails(
      mutant((post, e) => {
        const decision = apply(post, e);
        return decision.ok
          ? decision
          : { ok: false, rejection: { ...decision.rejection, message: "" } };
      }),
      /every rejection has a reason and a message/,
    );
  });

  it("a handler that ignores a fact but changes the post is caught", () => {
    fails(
      mutant((post, e) => {
        const decision = apply(post, e);
        return decision.ok && decision.ignored !== undefined
          ? { ...decision, post: { ...post, revision: post.revision } }
          : decision;
      }),
      /an ignored fact changes nothing/,
    );
  });

  it("a handler that answers what is not a Decision is caught", () => {
    fails(
      mutant(() => ({ ok: true }) as unknown as Decision),
      /apply answers a Decision/,
    );
    fails(
      mutant(() => 5 as unknown as Decision),
      /apply answers a Decision/,
    );
  });

  it("a handler whose answer the simulation cannot read fails the run, never passes it", () => {
    // An instruction whose time is an object without a toString: a scenario throws reading it.
    const unreadable = { type: "arm_deadline", jobKey: "k", at: { toString: 1 } };
    const report = simulate({
      runs: 5,
      apply: (post, e) => {
        const decision = apply(post, e);
        return decision.ok && decision.ignored === undefined
          ? ({ ...decision, outbox: [unreadable] } as unknown as Decision)
          : decision;
      },
    });
    expect(report.ok).toBe(false);
    expect(report.failure?.invariant).toBe("every scenario runs to its end");
    expect(report.failure?.message).toMatch(/primitive/);
  });

  it("a handler that changes the post it is given is caught", () => {
    fails((post, e) => {
      (post as { revision: number }).revision = post.revision;
      return apply(post, e);
    }, /apply never throws/);
  });

  it("faults can be turned off, one by one", () => {
    const calm = Object.fromEntries(Object.keys(defaultSimulationFaults).map((k) => [k, 0]));
    const report = holds({ seed: 5, runs: 200, faults: calm });
    // No platform misleads, so none makes a second post; time alone still passes deadlines.
    expect(report.platformDuplicates).toBe(0);
    expect(report.statuses.published).toBeGreaterThan(0);
  });
});

describe("simulate takes any options", () => {
  const options = [
    "seed",
    "runs",
    "posts",
    "destinations",
    "maxSteps",
    "faults",
    "retry",
    "apply",
    "path",
    "shrinks",
  ] as const;

  it("reads a value that is not an options object as no options", () => {
    fc.assert(
      fc.property(junk, (value) => {
        fc.pre(typeof value !== "object" || value === null || Array.isArray(value));
        expect(configOf(value)).toEqual(configOf({}));
      }),
    );
  });

  it("answers options with anything in any field, at the cost of the few runs asked for", () => {
    const anyOptions = fc.record(Object.fromEntries(options.map((name) => [name, junk])), {
      requiredKeys: [],
    });
    const started = performance.now();
    fc.assert(
      fc.property(anyOptions, fc.integer({ min: 1, max: 3 }), (given, runs) => {
        const report = simulate({ ...given, runs } as SimulationOptions);
        expect(report.runs).toBeLessThanOrEqual(runs);
      }),
      { numRuns: 100 },
    );
    expect(performance.now() - started).toBeLessThan(60_000);
  });

  it("ignores what is not usable and caps every count at its limit", () => {
    const config = configOf({
      seed: "7",
      runs: 1e12,
      posts: [1e9, 2],
      destinations: [0, 1e9],
      maxSteps: 5,
      shrinks: Number.POSITIVE_INFINITY,
      faults: { peopleAct: 7, timerEarly: -1, jobLost: "often", nope: 1 },
      retry: { maxAttempts: 0, baseDelayMs: 5000, callTimeoutMsByPlatform: { x: -1, y: 60_000 } },
      apply: "apply",
      path: "3:0:1",
    } as never);
    expect(config).toEqual({
      ...configOf({}),
      runs: simulationLimits.runs,
      posts: [simulationLimits.posts, simulationLimits.posts],
      destinations: [1, simulationLimits.destinations],
      faults: { ...defaultSimulationFaults, peopleAct: 1, timerEarly: 0 },
      retry: { baseDelayMs: 5000, callTimeoutMsByPlatform: { y: 60_000 } },
    });
    expect(configOf({ path: "12" }).path).toBe("12");
  });
});
