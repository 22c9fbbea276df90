/**
 * One scenario: a world of posts, a service, workers, platforms and people,
 * driven step by step by a list of choices, with the invariants checked after
 * every step and at the end.
 */
import { stoppedByFailure } from "../../destination/rules.js";
import type { DestinationInput } from "../../domain/destination.js";
import { formatInstant } from "../../domain/instant.js";
import type { Media } from "../../domain/media.js";
import { newPost, type Post } from "../../domain/post.js";
import type { PostStatus } from "../../domain/status.js";
import type { RetryPolicy } from "../../errors/retry-policy.js";
import { Actors } from "./actors.js";
import { Choices } from "./choices.js";
import {
  boundUse,
  checkDisarmed,
  checkSettled,
  checkStored,
  checkTruth,
  invariants,
  type Violation,
} from "./invariants.js";
import type { SimulationConfig } from "./options.js";
import { Platform } from "./platform.js";
import { deepFreeze, Service, type Txn } from "./service.js";
import { Trace } from "./trace.js";

/** What one scenario came to. */
export interface ScenarioResult {
  readonly violation?: Violation;
  readonly steps: number;
  readonly statuses: readonly PostStatus[];
  readonly trace: readonly string[];
  /** The platform's own double posts, surfaced (excused) and none of postlife's making. */
  readonly platformDuplicates: number;
  /** The largest share of its bound a destination used (1 is the bound itself). */
  readonly boundUsed: number;
  /** The choices the scenario read: a shorter list replays it as well. */
  readonly choicesUsed: number;
}

const START = Date.parse("2026-04-20T12:00:00.000Z");
const platforms = ["x", "linkedin", "threads", "bluesky", "mastodon", "facebook"] as const;
const threaded: ReadonlySet<string> = new Set(["x", "threads", "bluesky", "mastodon"]);
/** A post with a video also goes where media is processed in a step of its own. */
const videoPlatforms = ["instagram", "threads", "tiktok", "x", "linkedin"] as const;
const video: Media = {
  kind: "video",
  url: "https://cdn.example.com/launch.mp4",
  durationMs: 30_000,
};

/** A post as a person writes it: text every platform takes, a few destinations, a small policy. */
const writePost = (choices: Choices, config: SimulationConfig, n: number): Post => {
  const count = choices.between(config.destinations[0], config.destinations[1]);
  const withVideo = choices.chance(config.media);
  const destinations: DestinationInput[] = Array.from({ length: count }, (_, i) => {
    const platform = choices.pick(withVideo ? videoPlatforms : platforms);
    const d = { id: `d${i + 1}`, platform, accountId: `${platform}-acct-${choices.below(3)}` };
    // Where the platform has threads, some posts are threads of up to three replies.
    return threaded.has(platform) && choices.chance(config.threads)
      ? { ...d, thread: Array.from({ length: choices.between(1, 3) }, (_, k) => `${k + 2}/ More`) }
      : d;
  });
  // Small limits reach every boundary (the last hand-out, the last look-up) within a scenario.
  const retry: Partial<RetryPolicy> = {
    maxAttempts: choices.between(1, 4),
    baseDelayMs: choices.between(5, 60) * 1000,
    maxDelayMs: 10 * 60_000,
    maxHandOuts: choices.between(1, 3),
    maxLookups: choices.between(1, 3),
    startWithinMs: choices.between(5, 20) * 60_000,
    callTimeoutMs: choices.between(2, 10) * 60_000,
    lookupTimeoutMs: choices.between(1, 3) * 60_000,
    ...config.retry,
  };
  return newPost({
    id: `post-${n}`,
    content: "We launched today",
    ...(withVideo ? { media: [video] } : {}),
    destinations,
    requiresApproval: choices.chance(0.2),
    retry,
  });
};

/** Runs one scenario from `values`. `keepTrace` keeps the step-by-step account (for a report). */
export const runScenario = (
  values: readonly number[],
  config: SimulationConfig,
  keepTrace = false,
): ScenarioResult => {
  const choices = new Choices(values);
  let violation: Violation | undefined;
  const broken = (invariant: string, message: string) => {
    violation ??= { invariant, message };
  };
  let service: Service | undefined;
  const trace = new Trace(keepTrace, () => {
    const t = service === undefined ? 0 : service.now - START;
    return `+${Math.floor(t / 60_000)}m${String(Math.floor((t % 60_000) / 1000)).padStart(2, "0")}s`;
  });
  service = new Service(config, trace, START, broken);
  const s = service;
  const platform = new Platform(config.faults, choices.chance(0.3));
  s.mediaAnswer = (poll, at) => {
    const container = platform.containers.get(poll.containerId);
    return container === undefined ? undefined : platform.wordOf(container, at);
  };
  const actors = new Actors(s, platform);

  // The posts, each written and then published, scheduled or sent for review by a person.
  const posts = choices.between(config.posts[0], config.posts[1]);
  for (let n = 1; n <= posts; n++) {
    const post = deepFreeze(writePost(choices, config, n));
    s.rows.set(post.id, { post, version: 0 });
    trace.add(
      () =>
        `${post.id}: ${post.destinations.map((d) => `${d.id}=${d.platform}`).join(" ")}, policy ${JSON.stringify(post.retry)}`,
    );
    const first = choices.below(3);
    s.handle(
      post.id,
      post.requiresApproval
        ? { type: "SUBMIT_FOR_APPROVAL", now: s.iso() }
        : first === 0
          ? {
              type: "SCHEDULE",
              at: formatInstant(START + choices.between(1, 60) * 60_000),
              now: s.iso(),
            }
          : { type: "PUBLISH", now: s.iso() },
      "person",
    );
  }

  // People act freely for a while, then only finish what waits on them.
  const activeSteps = choices.between(0, 300);
  let active = true;
  let steps = 0;
  let quiet = false;
  let reconnected = 0;
  while (violation === undefined && !quiet) {
    if (++steps > config.maxSteps) {
      broken(invariants.settles, `still busy after ${config.maxSteps} steps`);
      break;
    }
    if (steps > activeSteps) active = false;
    const actions: (() => void)[] = [];
    if (s.pending.length > 0) {
      actions.push(() => s.commit(choices.pick(s.pending) as Txn));
    }
    if (s.outbox.size > 0) actions.push(() => s.relay(choices, choices.pick([...s.outbox.keys()])));
    const busy = actors.workers.filter((w) => w.stage !== "waiting");
    if (busy.length > 0) actions.push(() => actors.step(choices, choices.pick(busy)));
    const ready = [...s.jobs.values()].filter(
      (j) => j.state === "ready" && !j.cancelled && j.visibleAt <= s.now,
    );
    if (ready.length > 0) actions.push(() => actors.pickUp(choices, choices.pick(ready)));
    if (s.lookups.size > 0)
      actions.push(() => actors.lookUp(choices, choices.pick([...s.lookups.keys()])));
    const arrived = s.arrivals.filter((a) => a.at <= s.now);
    if (arrived.length > 0) {
      actions.push(() => {
        const a = choices.pick(arrived);
        s.arrivals.splice(s.arrivals.indexOf(a), 1);
        s.handle(a.postId, a.fact, a.from);
      });
    }
    const due = [...s.timers.values()].filter((t) => t.at <= s.now);
    if (due.length > 0) actions.push(() => s.fire(choices, choices.pick(due)));
    if (s.timers.size > 0 && choices.chance(config.faults.timerEarly)) {
      actions.push(() => s.fire(choices, choices.pick([...s.timers.values()])));
    }
    const owed = s.ledger.reconnects.slice(reconnected);
    if (owed.length > 0) {
      actions.push(() => {
        // The owner reconnects the account, then retries what failed for it.
        const r = s.ledger.reconnects[reconnected++];
        if (r === undefined) return;
        platform.expired.delete(r.accountId);
        trace.add(() => `owner reconnects ${r.accountId}`);
        if (!active) return;
        for (const { post } of s.rows.values()) {
          if (post.destinations.some((d) => d.accountId === r.accountId && stoppedByFailure(d))) {
            s.handle(post.id, { type: "RETRY_FAILED", now: s.iso() }, "person");
          }
        }
      });
    }
    const rows = [...s.rows.values()];
    if (active && choices.chance(config.faults.peopleAct)) {
      actions.push(() => actors.personActs(choices, choices.pick(rows).post));
    }
    if (!active) {
      const waiting = rows.filter(
        (r) =>
          !s.pending.some((t) => t.postId === r.post.id) && actors.finishing(r.post) !== undefined,
      );
      if (waiting.length > 0) {
        actions.push(() => {
          const post = choices.pick(waiting).post;
          const event = actors.finishing(post);
          if (event !== undefined) s.handle(post.id, event, "person");
        });
      }
    }
    // Time passes: a little, or (when nothing else can happen) up to the next thing due.
    if (actions.length === 0) {
      const next = s.nextEventAt();
      if (active) {
        active = false; // Nothing moves while people wait: their free time is over.
        continue;
      }
      if (next === undefined) {
        quiet = true;
        break;
      }
      s.now = next;
      s.expireLeases();
      continue;
    }
    actions.push(() => {
      s.now += choices.between(1, 600) * 1000;
      s.expireLeases();
    });
    const changes = s.changes + platform.live.length;
    (choices.pick(actions) as () => void)();

    // After every step that changed something: a post stored, a row carried out, a post made.
    if (s.changes + platform.live.length !== changes) {
      for (const postId of s.touched) {
        const problem = checkStored((s.rows.get(postId) as { post: Post }).post);
        if (problem !== undefined) broken(problem.invariant, problem.message);
      }
      s.touched.clear();
      const truth = checkTruth(s, platform);
      if (truth !== undefined) broken(truth.invariant, truth.message);
      const armed = checkDisarmed(s);
      if (armed !== undefined) broken(armed.invariant, armed.message);
    }
  }
  if (violation === undefined) {
    const settled = checkSettled(s, platform);
    if (settled !== undefined) broken(settled.invariant, settled.message);
  }
  return {
    ...(violation === undefined ? {} : { violation }),
    steps,
    statuses: [...s.rows.values()].map((r) => r.post.status),
    trace: trace.lines,
    platformDuplicates: platform.live.filter((p) => p.excused).length,
    boundUsed: boundUse(s, platform).used,
    choicesUsed: choices.used,
  };
};
