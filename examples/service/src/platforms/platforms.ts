/**
 * The social platforms, behind one interface: the worker publishes and looks
 * up through it, and never learns which platform model answers. The service
 * ships the simulated one (`simulated.ts`); a real adapter calls X, LinkedIn
 * or Threads here and reports what it saw, as postlife's `RawFailure` reads it.
 */
import type { EnqueueDelivery, FoundPost, RawFailure } from "postlife";

/** One publish call: the delivery postlife handed out (its key and attempt), and what to post. */
export interface PublishCall extends Omit<EnqueueDelivery, "type"> {
  readonly content: string;
  /**
   * Aborted when the call must end: well before postlife's deadline for it
   * (the policy's `callTimeoutMs`), so that a call never outlives the wait
   * that decides it may have been lost. A real adapter gives it to `fetch`.
   */
  readonly signal?: AbortSignal;
}

/** What a publish call came to, as the worker saw it. */
export type PublishAnswer =
  | { readonly kind: "published"; readonly post: FoundPost }
  | { readonly kind: "failed"; readonly failure: RawFailure };

export interface Platforms {
  publish(call: PublishCall): Promise<PublishAnswer>;
  /** The post a delivery made, if the platform has it: how an unknown outcome is settled. */
  lookUp(call: Omit<PublishCall, "attempt" | "content" | "signal">): Promise<FoundPost | null>;
  /** The account's owner connected it again (a fresh token). */
  reconnect(platform: string, accountId: string): Promise<void>;
}
