/**
 * A copy of `value` without `keys`: how optional fields stop applying (never
 * set to undefined). Built key by key rather than by `delete` on a copy,
 * which would leave V8 a slow dictionary-mode object that every later copy
 * pays for.
 */
export const omit = <T extends object, K extends keyof T>(
  value: T,
  ...keys: readonly K[]
): Omit<T, K> => {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (!keys.includes(key as K)) copy[key] = (value as Record<string, unknown>)[key];
  }
  return copy as Omit<T, K>;
};
