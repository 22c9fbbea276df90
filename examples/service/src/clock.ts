/**
 * The service owns the clock; postlife never reads one. Every event carries
 * the time the service read here, and every delayed job is due at a time
 * postlife chose, converted here into a wall-clock moment for pg-boss.
 *
 * A clock may run faster than the wall: the launch scenario and the tests
 * run a day of retries and deadlines in seconds. Processes that share one
 * database share one clock by sharing its `origin` and `speed`.
 */
export interface Clock {
  /** Milliseconds since the epoch, as the service's time runs. */
  now(): number;
  /** The wall-clock moment at which the service's time reaches `at`. */
  wallAt(at: number): Date;
  /** How many wall-clock milliseconds `ms` of the service's time take. */
  wallMs(ms: number): number;
}

export interface ClockSettings {
  /** How many service milliseconds pass per wall-clock millisecond (1 in production). */
  readonly speed: number;
  /** The service time at `wallOrigin`. */
  readonly origin: number;
  /** The wall-clock time at which the service's time was `origin`. */
  readonly wallOrigin: number;
}

export const clockOf = ({ speed, origin, wallOrigin }: ClockSettings): Clock => ({
  now: () => origin + (Date.now() - wallOrigin) * speed,
  // Rounded up: a job due a fraction of a millisecond early would only be refused as too early.
  wallAt: (at) => new Date(Math.ceil(wallOrigin + (at - origin) / speed)),
  wallMs: (ms) => ms / speed,
});

/** The wall clock itself. */
export const wallClock: Clock = clockOf({ speed: 1, origin: 0, wallOrigin: 0 });

/** The service time as postlife takes it: ISO 8601 in UTC. */
export const isoNow = (clock: Clock): string => new Date(Math.floor(clock.now())).toISOString();
