/**
 * Shrinking a failing scenario: the shortest, plainest list of choices that
 * still breaks the same promise, found within a budget of runs. Hypothesis'
 * way (shrink the choices, not the world): drop chunks, latest first, then
 * lower each choice toward 0, the plainest. Deterministic: the same failure
 * shrinks to the same scenario.
 */
import type { SimulationConfig } from "./options.js";
import { runScenario, type ScenarioResult } from "./scenario.js";

export const shrink = (
  values: readonly number[],
  config: SimulationConfig,
  failed: ScenarioResult,
): { readonly values: readonly number[]; readonly result: ScenarioResult } => {
  const invariant = failed.violation?.invariant;
  let best = values.slice(0, failed.choicesUsed);
  let result = failed;
  let budget = config.shrinks;
  /** Keeps `candidate` when it breaks the same promise. */
  const tryWith = (candidate: readonly number[]): boolean => {
    if (budget <= 0) return false;
    budget--;
    const attempt = runScenario(candidate, config);
    if (attempt.violation?.invariant !== invariant) return false;
    best = candidate.slice(0, attempt.choicesUsed);
    result = attempt;
    return true;
  };
  for (let size = Math.max(1, best.length >> 1); size >= 1 && budget > 0; size >>= 1) {
    for (let start = best.length - size; start >= 0 && budget > 0; start -= size) {
      tryWith([...best.slice(0, start), ...best.slice(start + size)]);
    }
  }
  for (let i = 0; i < best.length && budget > 0; i++) {
    const value = best[i] as number;
    if (value === 0) continue;
    if (!tryWith(best.with(i, 0))) {
      for (let lower = value >> 1; lower > 0 && budget > 0; lower >>= 1) {
        if (!tryWith(best.with(i, lower))) break;
      }
    }
  }
  return { values: best, result };
};
