import { parseInstant } from "../domain/instant.js";
import type { ResetFormat } from "../platforms/platform.js";

/**
 * How long to wait, in ms, by one header value in one format, or undefined
 * when the value says nothing usable. Times need `at` (when the failure
 * happened) to become a wait: the core reads no clock.
 */
export const waitFrom = (
  value: string,
  format: ResetFormat,
  at: number | undefined,
): number | undefined => {
  const text = value.trim();
  switch (format) {
    case "seconds":
      return /^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : undefined;
    case "epoch-seconds":
      return /^\d+(\.\d+)?$/.test(text) && at !== undefined ? Number(text) * 1000 - at : undefined;
    case "iso": {
      const ms = parseInstant(text);
      return typeof ms === "number" && at !== undefined ? ms - at : undefined;
    }
    case "http-date": {
      // An IMF-fixdate ("Wed, 21 Oct 2015 07:28:00 GMT") names its zone, so Date.parse is exact here.
      const ms = /GMT$/.test(text) ? Date.parse(text) : Number.NaN;
      return Number.isNaN(ms) || at === undefined ? undefined : ms - at;
    }
    case "meta-usage":
      return metaUsageWait(text);
  }
};

/** Meta's `{"<id>": [{ "estimated_time_to_regain_access": minutes, ... }]}`: the longest wait. */
const metaUsageWait = (text: string): number | undefined => {
  let usage: unknown;
  try {
    usage = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof usage !== "object" || usage === null) return undefined;
  let minutes: number | undefined;
  for (const entries of Object.values(usage)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      const m = (entry as { estimated_time_to_regain_access?: unknown })
        ?.estimated_time_to_regain_access;
      if (typeof m === "number" && m > (minutes ?? 0)) minutes = m;
    }
  }
  return minutes === undefined ? undefined : minutes * 60_000;
};

/** Epoch ms of the next midnight in `timeZone` after `at` (for quotas that reset daily). */
export const nextMidnight = (at: number, timeZone: string): number => {
  const hourIn = (ms: number): number =>
    Number(
      new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", hourCycle: "h23" }).format(ms),
    );
  const [month, day, year] = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
  })
    .format(at)
    .split("/")
    .map(Number) as [number, number, number];
  // Midnight of the next local day, read first as if the zone were UTC, then moved by the
  // zone's offset at that moment (the local hour it shows), which daylight saving changes.
  const naive = Date.UTC(year, month - 1, day + 1);
  const shown = hourIn(naive);
  const offsetHours = shown > 12 ? shown - 24 : shown;
  return naive - offsetHours * 3_600_000;
};
