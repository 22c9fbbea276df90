/**
 * Posts postlife made itself, deeply frozen, so that they need no judging
 * when they come back: `apply` judges a post it did not make in full
 * (`checkPost`), and one it made in one look-up. Freezing is what makes the
 * vouching sound: a post postlife made cannot be changed afterwards, so it is
 * still the post postlife judged. Only objects postlife created are frozen; a
 * caller's own objects (the media and threads an input or an EDIT names) are
 * copied first.
 */

const vouched = new WeakSet<object>();

/** Whether postlife made this post and vouches for it. */
export const isVouched = (value: unknown): boolean =>
  typeof value === "object" && value !== null && vouched.has(value);

/**
 * Freezes `value` and everything it holds that is not frozen yet. A frozen
 * object is taken as frozen all through: postlife freezes nothing partly.
 */
export const freezeData = (value: unknown): void => {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) freezeData(value[i]);
  } else {
    for (const key of Object.keys(value)) freezeData((value as Record<string, unknown>)[key]);
  }
};

/** A copy of plain data (objects, arrays, primitives), sharing nothing with `value`. */
export const copyData = <T>(value: T): T => structuredClone(value);

/**
 * Vouches for `post`, all of whose parts are postlife's own (made by postlife,
 * or copied with `copyData`). `fresh` names the destinations a step made;
 * the rest of the post is its vouched predecessor's, frozen already, but for
 * its counts and its array of destinations. Without `fresh`, every part is
 * frozen that is not already (a post made from an input or an EDIT, copied).
 */
export const vouch = <
  T extends { readonly destinations: readonly object[]; readonly counts: object },
>(
  post: T,
  fresh?: readonly object[],
): T => {
  if (fresh === undefined) {
    freezeData(post);
  } else {
    for (const d of fresh) freezeData(d);
    Object.freeze(post.destinations);
    Object.freeze(post.counts);
    Object.freeze(post);
  }
  vouched.add(post);
  return post;
};
