/** A wait in words a person reads in a message: "3 days", "15 minutes", "1.5 s". */
export const inWords = (ms: number): string => {
  if (!Number.isFinite(ms)) return `${ms} ms`;
  const units: readonly [number, string][] = [
    [86_400_000, "day"],
    [3_600_000, "hour"],
    [60_000, "minute"],
  ];
  for (const [size, name] of units) {
    if (ms >= size) {
      const n = Math.round((ms / size) * 10) / 10;
      return `${n} ${name}${n === 1 ? "" : "s"}`;
    }
  }
  return `${Math.round(ms / 100) / 10} s`;
};
