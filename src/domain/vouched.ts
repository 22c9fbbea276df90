/**
 * Posts postlife made itself, deeply frozen, so that they need no judging
 * when they come back: `apply` judges a post it did not make in full
 * (`checkPost`), and one it made in one look-up. Freezing is what makes the
 * vouching sound: a post postlife made cannot be changed afterwards, so it is
 * still the post postlife judged. Only objects postlife created are frozen; a
 * caller's own objects (media, threads an EDIT names) are copied first.
 */

const vouched = new WeakSet<object>();

/** Whether postlife made this post and vouches for it. */
export const isVouched = (value: unknown): boolean =>
  typeof value === "object" && value !== null && vouched.has(value);

/**
 * Freezes `value` and everything it holds that is not frozen yet. A frozen
 * object is taken as frozen all through: postlife freezes nothing partly.
 */
const freezeNew = (value: unknown): void => {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) freezeNew(value[i]);
  } else {
    for (const key in value) freezeNew((value as Record<string, unknown>)[key]);
  }
};

/** A copy of plain data (objects, arrays, primitives), sharing nothing with `value`. */
export const copyData = <T>(value: T): T => {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(copyData) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value))
    copy[key] = copyData((value as Record<string, unknown>)[key]);
  return copy as T;
};

/**
 * Vouches for `post`, freezing what is new in it. Every object it holds must
 * be postlife's own: made by postlife, or copied with `copyData`.
 */
export const vouch = <T extends object>(post: T): T => {
  freezeNew(post);
  vouched.add(post);
  return post;
};
