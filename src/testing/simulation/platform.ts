/**
 * The social platforms of a simulated world, as they behave in production:
 * most calls publish, some fail before anything happens, some time out after
 * the post was made, a few answer a failure for a post they did make, and
 * look-ups lag behind what was published. The model is the truth the
 * invariants judge postlife against: which posts are live, and whether the
 * platform ever misled the service about one.
 */
import type { MediaAnswer } from "../../destination/media-fact.js";
import type { FoundPost, ReportedFailure } from "../../domain/event.js";
import type { Choices } from "./choices.js";
import type { SimulationFaults } from "./options.js";

/** One post live on a platform: a destination's post, or an item of its thread. */
export interface LivePost {
  readonly platformPostId: string;
  readonly postId: string;
  readonly destinationId: string;
  /** The item of a thread it is (0: the first post, or a post without a thread). */
  readonly item: number;
  /** For a reply: the platform post it answers. */
  readonly replyTo?: string;
  /** The idempotency key of the call that made it. */
  readonly key: string;
  readonly createdAt: number;
  /** A second live post for its destination that the platform's own misleading excuses. */
  readonly excused: boolean;
}

/**
 * Media the platform processes: a container (Instagram, Threads) waiting for
 * its publish call, or an upload (TikTok) processed after it.
 */
export interface Container {
  readonly id: string;
  readonly postId: string;
  readonly destinationId: string;
  readonly createdAt: number;
  /** When processing ends. */
  readonly readyAt: number;
  /** Processing ends in an error (ERROR, FAILED) instead. */
  readonly fails: boolean;
  /** An upload processed after its publish call (TikTok), not a container before it. */
  readonly upload: boolean;
  /** The live post it was published as (a container) or became (an upload). */
  published?: LivePost;
}

/** How long an unpublished container lives (Instagram, Threads: 24 hours). */
const containerLifeMs = 24 * 60 * 60_000;

/** What a publish call came to, as the worker sees it and as the platform knows it. */
export type CallOutcome =
  | { readonly kind: "published"; readonly post: LivePost }
  /** A container created (or an upload accepted) and being processed: its first word. */
  | { readonly kind: "processing"; readonly containerId: string; readonly answer: MediaAnswer }
  | {
      readonly kind: "failed";
      readonly failure: ReportedFailure;
      /** The post the platform made although the worker saw a failure. */
      readonly made?: LivePost;
      /** The platform said so in words (not a timeout): its webhooks report the failure too. */
      readonly said: boolean;
    };

/** A publish call as a worker makes it, from its `enqueue_delivery`. */
export interface Call {
  readonly postId: string;
  readonly destinationId: string;
  readonly key: string;
  readonly item?: number;
  readonly replyTo?: string;
  /** Where the post's media is processed, when the platform processes it. */
  readonly media?: "before_publish" | "after_publish";
  /** A ready container: only its publish call is made. */
  readonly containerId?: string;
}

/** How long a look-up may lag behind a new post, when it lags. */
const lagMs = 10 * 60_000;

export class Platform {
  readonly live: LivePost[] = [];
  /** Destinations about which the platform misled the service (a false failure, a lagging look-up). */
  readonly misled = new Set<string>();
  /** Accounts whose token has expired, until their owner reconnects them. */
  readonly expired = new Set<string>();
  /** Replies posted under anything but the live post of the item before them. */
  readonly misplaced: string[] = [];
  readonly containers = new Map<string, Container>();
  /** Publish calls of a container already published, the service not misled about it. */
  readonly republished: string[] = [];
  private made = 0;

  constructor(
    private readonly faults: SimulationFaults,
    /** Platforms that honour idempotency keys give the same post for a repeated key. */
    readonly honoursKeys: boolean,
  ) {}

  livePostsOf(postId: string, destinationId: string, item?: number): LivePost[] {
    return this.live.filter(
      (p) =>
        p.postId === postId &&
        p.destinationId === destinationId &&
        (item === undefined || p.item === item),
    );
  }

  private make(job: Call, at: number): LivePost {
    const post = this.makePost(job, at);
    const container =
      job.containerId === undefined ? undefined : this.containers.get(job.containerId);
    if (container !== undefined) container.published = post;
    return post;
  }

  private makePost(job: Call, at: number): LivePost {
    const { postId, destinationId, key, item = 0, replyTo } = job;
    const earlier = this.livePostsOf(postId, destinationId, item);
    if (item > 0) {
      // A reply answers the live post of the item before it, in the same thread.
      const parents = this.livePostsOf(postId, destinationId, item - 1);
      if (!parents.some((p) => p.platformPostId === replyTo)) {
        this.misplaced.push(`${postId}/${destinationId} item ${item} under ${replyTo}`);
      }
    }
    const post: LivePost = {
      platformPostId: `pp-${++this.made}`,
      postId,
      destinationId,
      item,
      ...(replyTo === undefined ? {} : { replyTo }),
      key,
      createdAt: at,
      excused: earlier.length > 0 && this.misled.has(`${postId}/${destinationId}`),
    };
    this.live.push(post);
    return post;
  }

  /** One publish call, at `at`, for a delivery under `key` (an item of a thread, under `replyTo`). */
  call(choices: Choices, job: Call, accountId: string, at: number): CallOutcome {
    const { postId, destinationId, key } = job;
    if (this.expired.has(accountId)) {
      return { kind: "failed", failure: { httpStatus: 401, message: "Invalid token" }, said: true };
    }
    if (job.media === "before_publish" && job.containerId === undefined) {
      // Creating a container publishes nothing: it fails outright, or starts processing.
      if (choices.chance(this.faults.platformFails / 2)) {
        return { kind: "failed", failure: { httpStatus: 503 }, said: true };
      }
      const container = this.container(choices, job, at);
      return { kind: "processing", containerId: container.id, answer: this.wordOf(container, at) };
    }
    const container =
      job.containerId === undefined ? undefined : this.containers.get(job.containerId);
    if (container?.published !== undefined) {
      // Publishing a published container gives it back; asking twice is the service's doing.
      if (!this.misled.has(`${postId}/${destinationId}`)) {
        this.republished.push(`${postId}/${destinationId} published ${container.id} again`);
      }
      return { kind: "published", post: container.published };
    }
    if (container !== undefined && at - container.createdAt > containerLifeMs) {
      return {
        kind: "failed",
        failure: { httpStatus: 400, code: 24, message: "container expired" },
        said: true,
      };
    }
    if (this.honoursKeys) {
      const same = this.live.find((p) => p.key === key);
      if (same !== undefined) return { kind: "published", post: same };
    }
    if (choices.chance(this.faults.platformLies)) {
      this.misled.add(`${postId}/${destinationId}`);
      const made = this.make(job, at);
      return { kind: "failed", failure: { httpStatus: 500 }, made, said: true };
    }
    if (!choices.chance(this.faults.platformFails)) {
      if (job.media === "after_publish") {
        // TikTok: the call is accepted, the upload processed, the post up when it ends.
        const upload = this.container(choices, job, at);
        if (!upload.fails) upload.published = this.makePost(job, upload.readyAt);
        return { kind: "processing", containerId: upload.id, answer: this.wordOf(upload, at) };
      }
      return { kind: "published", post: this.make(job, at) };
    }
    switch (choices.below(8)) {
      case 0:
        return {
          kind: "failed",
          failure: { httpStatus: 429, headers: { "retry-after": String(choices.between(1, 300)) } },
          said: true,
        };
      case 1: // A platform asking for years: postlife must not wait that long.
        return {
          kind: "failed",
          failure: { httpStatus: 429, headers: { "retry-after": "99999999999" } },
          said: true,
        };
      case 2:
        this.expired.add(accountId);
        return { kind: "failed", failure: { httpStatus: 401 }, said: true };
      case 3:
        return { kind: "failed", failure: { httpStatus: 503 }, said: true };
      case 4: // The gateway gave up after the platform made the post: the outcome is unknown.
        return {
          kind: "failed",
          failure: { httpStatus: 504 },
          made: this.make(job, at),
          said: false,
        };
      case 5:
        return {
          kind: "failed",
          failure: { transportError: "ECONNREFUSED", requestSent: false },
          said: false,
        };
      default: {
        // Timed out after sending: made or not, the worker cannot tell.
        const made = choices.chance(0.5) ? this.make(job, at) : undefined;
        return {
          kind: "failed",
          failure: { transportError: "ETIMEDOUT", requestSent: true },
          ...(made === undefined ? {} : { made }),
          said: false,
        };
      }
    }
  }

  private container(choices: Choices, job: Call, at: number): Container {
    const never = choices.chance(0.05);
    const container: Container = {
      id: `c-${this.containers.size + 1}`,
      postId: job.postId,
      destinationId: job.destinationId,
      createdAt: at,
      // Most are ready within minutes; a few never are before the container's life ends.
      readyAt: at + (never ? 2 * containerLifeMs : choices.between(0, 30) * 60_000),
      // An upload never processed never goes up.
      fails: choices.chance(0.1) || (never && job.media === "after_publish"),
      upload: job.media === "after_publish",
    };
    this.containers.set(container.id, container);
    return container;
  }

  /** What the platform's status endpoint answers about a container or upload at `at`. */
  wordOf(container: Container, at: number): MediaAnswer {
    const now = new Date(at).toISOString();
    if (container.upload) {
      if (at < container.readyAt) return { status: "PROCESSING_UPLOAD", now };
      return container.published === undefined
        ? { status: "FAILED", reason: "internal_error", now }
        : { status: "PUBLISH_COMPLETE", platformPostId: container.published.platformPostId, now };
    }
    if (container.published !== undefined) return { status: "PUBLISHED", now };
    if (at - container.createdAt > containerLifeMs) return { status: "EXPIRED", now };
    if (at < container.readyAt) return { status: "IN_PROGRESS", now };
    return container.fails ? { status: "ERROR", reason: "2", now } : { status: "FINISHED", now };
  }

  /** A look-up of the post made under `key`, at `at`; it may lag behind a post just made. */
  lookUp(
    choices: Choices,
    job: { readonly postId: string; readonly destinationId: string; readonly key: string },
    at: number,
  ): FoundPost | null {
    const found = this.live.find((p) => p.key === job.key);
    if (found === undefined) return null;
    if (at - found.createdAt < lagMs && choices.chance(this.faults.lookupLags)) {
      this.misled.add(`${job.postId}/${job.destinationId}`);
      return null;
    }
    return { platformPostId: found.platformPostId };
  }

  /** What a person checking the platform by hand finds: the truth, no lag. */
  truth(job: { readonly key: string }): FoundPost | null {
    const found = this.live.find((p) => p.key === job.key);
    return found === undefined ? null : { platformPostId: found.platformPostId };
  }
}
