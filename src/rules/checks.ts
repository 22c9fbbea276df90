import { isStoredInstant, parseInstant } from "../domain/instant.js";
import { mediaKinds } from "../domain/media.js";
import { type PublishErrorKind, publishErrorShape } from "../errors/publish-error-shape.js";
import { isWellFormed } from "../internal/text-of.js";

/**
 * The longest text postlife takes in any field, in UTF-16 code units (what
 * `string.length` counts). Far above every platform's limit (Facebook's
 * 63,206 characters are up to 126,412 units when each is an emoji), so it
 * only refuses absurd sizes, before anything counts them: the cost of every
 * check is bounded by this, not by what a caller sends.
 *
 * @example
 * ```ts
 * import { maxTextLength } from "postlife";
 * const fits = (text: string) => text.length <= maxTextLength; // 250,000 units
 * ```
 * @since 0.1.0
 */
export const maxTextLength = 250_000;

/**
 * The longest id a caller names (a post, a destination, an account, a
 * platform post, its own idempotency key), in UTF-16 units. Each enters the
 * keys postlife derives, URI-encoded (up to nine units for one), so that
 * every key and job key stays far below `maxTextLength`.
 *
 * @example
 * ```ts
 * import { maxIdLength } from "postlife";
 * const fitsAsId = (id: string) => id.length > 0 && id.length <= maxIdLength; // 1,000 units
 * ```
 * @since 0.1.0
 */
export const maxIdLength = 1_000;

/**
 * A message postlife writes around a caller's text (an error it keeps, a
 * look-up's finding), cut to `maxTextLength` so that what it stores is one it
 * accepts back, however often it writes it.
 */
export const withinCeiling = (message: string): string => {
  if (message.length <= maxTextLength) return message;
  const cut = message.slice(0, maxTextLength - 1);
  // Never end on half of a character.
  const last = cut.charCodeAt(cut.length - 1);
  return `${last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut}…`;
};

/** A problem with an input: where it is and what is wrong. */
export interface ShapeProblem {
  readonly path: string;
  readonly message: string;
}

/** Checks one value at a path: undefined when it holds, else the first problem. */
export type Check = (value: unknown, path: string) => ShapeProblem | undefined;

/** A field's check, or a check the field may skip by being absent. */
export type FieldCheck = Check | readonly [Check, "optional"];

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const problem = (path: string, message: string): ShapeProblem => ({ path, message });

/**
 * The path of a first, quiet pass: no path is built while a value holds, as
 * building one per field cost more than the checks themselves (a stored post
 * is checked on every `apply`). Only a value that fails is checked again, with
 * paths, for the problem to name (`judge`).
 */
const quiet = "\u0000";

/** `path.key`, or nothing built in a quiet pass. */
const under = (path: string, key: string): string =>
  path === quiet ? quiet : path === "" ? key : `${path}.${key}`;

/** Checks `value` quietly, then again with paths if it fails: the first problem, named. */
export const judge = (check: Check, value: unknown): ShapeProblem | undefined =>
  check(value, quiet) === undefined ? undefined : check(value, "");

/** The path a message names: the input itself when the path is empty. */
const named = (path: string) => (path === "" ? "the value" : path);

/** A string of at most `maxTextLength`; a longer one is refused before anything reads it. */
export const text: Check = (v, path) =>
  typeof v !== "string"
    ? problem(path, `${named(path)} must be a string`)
    : v.length > maxTextLength
      ? problem(
          path,
          `${named(path)} is ${v.length} characters long; at most ${maxTextLength} are taken`,
        )
      : undefined;

/**
 * A non-empty, well-formed text: ids, keys, codes. A lone UTF-16 surrogate
 * cannot be encoded into an idempotency key or sent to a platform.
 */
export const id: Check = (v, path) =>
  typeof v !== "string" || v.length === 0
    ? problem(path, `${named(path)} must be a non-empty string`)
    : v.length > maxIdLength
      ? problem(
          path,
          `${named(path)} is ${v.length} characters long; an id takes at most ${maxIdLength}`,
        )
      : !isWellFormed(v)
        ? problem(path, `${named(path)} holds a lone UTF-16 surrogate (half of a character)`)
        : undefined;

/**
 * A key postlife derived (an idempotency key, a job key) and a worker or
 * timer echoes back: non-empty, well-formed text, as long as the ids in it
 * make it.
 */
export const key: Check = (v, path) =>
  typeof v !== "string" || v.length === 0
    ? problem(path, `${named(path)} must be a non-empty string`)
    : !isWellFormed(v)
      ? problem(path, `${named(path)} holds a lone UTF-16 surrogate (half of a character)`)
      : text(v, path);

export const whole =
  (min: number): Check =>
  (v, path) =>
    Number.isInteger(v) && (v as number) >= min
      ? undefined
      : problem(path, `${named(path)} must be a whole number of at least ${min}`);

export const instant: Check = (v, path) => {
  const ms = parseInstant(v);
  return typeof ms === "number" ? undefined : problem(path, `${named(path)} ${ms}`);
};

export const boolean: Check = (v, path) =>
  typeof v === "boolean" ? undefined : problem(path, `${named(path)} must be true or false`);

export const nonNegative: Check = (v, path) =>
  typeof v === "number" && Number.isFinite(v) && v >= 0
    ? undefined
    : problem(path, `${named(path)} must be a number of at least 0`);

/** The schemes a link postlife stores may have: a `javascript:` URL never becomes a link. */
const webSchemes: ReadonlySet<string> = new Set(["http:", "https:"]);

/**
 * The WHATWG URL parser every runtime postlife runs on has (Node 20, Deno,
 * Bun, browsers, workers), typed here so that the package's types need
 * neither the DOM's nor Node's.
 */
declare const URL: {
  canParse(input: string): boolean;
  new (input: string): { readonly protocol: string };
};

/**
 * An absolute http(s) URL: what platforms answer with and what they fetch
 * media from. Anything else (`javascript:`, `data:`, a relative path) would
 * end up as a link in a dashboard or a webhook.
 */
export const webUrl: Check = (v, path) => {
  const found = storedWebUrl(v, path);
  if (found !== undefined) return found;
  const url = URL.canParse(v as string) ? new URL(v as string) : undefined;
  return url !== undefined && webSchemes.has(url.protocol)
    ? undefined
    : problem(path, `${named(path)} must be an absolute http or https URL`);
};

/**
 * A link as postlife stores it: `http://` or `https://` and a host, with no
 * space, control character or backslash anywhere. Every link `webUrl` takes
 * has this shape (it also parses it), so a stored link is checked by its
 * shape alone on every `apply`, and a row edited by hand cannot turn into a
 * `javascript:` link.
 */
export const storedWebUrl: Check = (v, path) =>
  typeof v === "string" && webShape.test(v) && !unsafeInUrl.test(v)
    ? text(v, path)
    : problem(path, `${named(path)} must be an absolute http or https URL`);

const webShape = /^https?:\/\/[^/\\?#]/i;
const unsafeInUrl = /[\s\\\p{Cc}]/u;

/** Milliseconds per platform, as a retry policy's `callTimeoutMsByPlatform` holds them. */
export const millisecondsByPlatform: Check = (v, path) => {
  if (!isRecord(v))
    return problem(path, `${named(path)} must be an object of platform to milliseconds`);
  for (const [platform, ms] of Object.entries(v)) {
    const found = nonNegative(ms, `${path}.${platform}`);
    if (found !== undefined) return found;
  }
  return undefined;
};

export const optional = (check: Check) => [check, "optional"] as const;

/**
 * The field checks of a shape written as data (`{ field: "kind" }`, with a
 * trailing "?" when the field may be absent), each kind checked by its entry
 * in `kinds`: what `object` and `fields` take.
 */
export const checksOf = <K extends string>(
  shape: Readonly<Record<string, K | `${K}?`>>,
  kinds: Readonly<Record<K, Check>>,
): Readonly<Record<string, FieldCheck>> =>
  Object.fromEntries(
    Object.entries(shape).map(([field, kind]) =>
      kind.endsWith("?")
        ? [field, optional(kinds[kind.slice(0, -1) as K])]
        : [field, kinds[kind as K]],
    ),
  );

/** Checks the named fields of an object, in order; an absent optional field is skipped. */
export const fields = (
  value: Record<string, unknown>,
  spec: Readonly<Record<string, FieldCheck>>,
  path: string,
): ShapeProblem | undefined => {
  // Every stored post is checked on every call of apply: the spec is read once, not per value.
  let compiled = compiledSpecs.get(spec);
  if (compiled === undefined) {
    compiled = Object.entries(spec).map(([key, entry]) =>
      Array.isArray(entry)
        ? { key, check: entry[0] as Check, optional: true }
        : { key, check: entry as Check, optional: false },
    );
    compiledSpecs.set(spec, compiled);
  }
  for (const { key, check, optional } of compiled) {
    const v = value[key];
    if (v === undefined) {
      if (optional) continue;
      const at = under(path, key);
      return problem(at, `${at} is required`);
    }
    const found = check(v, under(path, key));
    if (found !== undefined) return found;
  }
  return undefined;
};

/** `fields`, quietly first (see `judge`). */
export const judgeFields = (
  value: Record<string, unknown>,
  spec: Readonly<Record<string, FieldCheck>>,
): ShapeProblem | undefined =>
  fields(value, spec, quiet) === undefined ? undefined : fields(value, spec, "");

/** A spec as a list, made once per spec. */
const compiledSpecs = new WeakMap<
  object,
  readonly { readonly key: string; readonly check: Check; readonly optional: boolean }[]
>();

export const object =
  (spec: Readonly<Record<string, FieldCheck>>): Check =>
  (v, path) =>
    isRecord(v) ? fields(v, spec, path) : problem(path, `${named(path)} must be an object`);

/** Like `object`, and a key the spec does not name is refused: a typo never passes unseen. */
export const exactObject =
  (spec: Readonly<Record<string, FieldCheck>>): Check =>
  (v, path) => {
    if (!isRecord(v)) return problem(path, `${named(path)} must be an object`);
    const unknown = Object.keys(v).find((key) => !Object.hasOwn(spec, key));
    if (unknown !== undefined) {
      const at = path === "" ? unknown : `${path}.${unknown}`;
      return problem(
        at,
        `${at}: no field "${unknown}" is known here (expected ${Object.keys(spec).join(", ")})`,
      );
    }
    return fields(v, spec, path);
  };

export const arrayOf =
  (item: Check): Check =>
  (v, path) => {
    if (!Array.isArray(v)) return problem(path, `${named(path)} must be an array`);
    for (let i = 0; i < v.length; i++) {
      const found = item(v[i], path === quiet ? quiet : `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  };

export const oneOf =
  (values: readonly string[]): Check =>
  (v, path) =>
    typeof v !== "string"
      ? problem(path, `${named(path)} must be one of ${values.join(", ")}`)
      : values.includes(v)
        ? undefined
        : problem(path, `${named(path)} ${quoted(v)} is not one of ${values.join(", ")}`);

/** A word a caller gave, quoted for a message: cut short, so a huge one never floods a log. */
const quoted = (v: string): string => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);

/** A media item: its kind, its URL (checked by `url`), and what a platform's rules read. */
const mediaWith = (url: Check): Check =>
  object({
    kind: oneOf(mediaKinds),
    url,
    sizeBytes: optional(nonNegative),
    mimeType: optional(text),
    altText: optional(text),
    durationMs: optional(nonNegative),
    width: optional(nonNegative),
    height: optional(nonNegative),
  });

/** A media item as a caller gives it: an absolute http(s) URL platforms can fetch. */
export const media = /* @__PURE__ */ mediaWith(webUrl);

/** A media item as a post stores it (its URL judged when it came in). */
export const storedMedia = /* @__PURE__ */ mediaWith(storedWebUrl);

/** The fields a caller names for a destination. */
export const destinationInputFields = /* @__PURE__ */ (() =>
  ({
    id,
    platform: id,
    accountId: id,
    postType: optional(id),
    content: optional(text),
    thread: optional(arrayOf(text)),
  }) as const)();

export const destinationInput = /* @__PURE__ */ object(destinationInputFields);

export const codeOrNumber: Check = (v, path) =>
  typeof v === "number" && Number.isFinite(v)
    ? undefined
    : typeof v === "string"
      ? text(v, path)
      : problem(path, `${named(path)} must be a string or a number`);

/** The check of each kind of field a `PublishError` has (see `publishErrorShape`). */
const publishErrorKinds: Readonly<Record<PublishErrorKind, Check>> = /* @__PURE__ */ (() => ({
  id,
  text,
  textOrNull: (v, path) => (v === null ? undefined : text(v, path)),
  boolean,
  count: whole(0),
  nonNegative,
  instant,
  codeOrNumber,
}))();

/**
 * Why a delivery attempt failed, as a worker reports it and a destination
 * keeps it: every field of `publishErrorShape`, checked by its kind.
 */
export const publishError = /* @__PURE__ */ (() =>
  object(checksOf(publishErrorShape, publishErrorKinds)))();

/** A post a platform has: its id, and its http(s) link when it gave one. */
export const foundPost = /* @__PURE__ */ object({
  platformPostId: id,
  platformUrl: /* @__PURE__ */ optional(webUrl),
});

/**
 * A time postlife stored: always its canonical UTC form, so reading that one
 * form is enough (`isStoredInstant`; the full parse of every form is for what
 * comes in).
 */
export const storedInstant: Check = (v, path) =>
  isStoredInstant(v)
    ? undefined
    : problem(
        path,
        `${named(path)} must be a UTC time as postlife stores it (2026-04-20T14:00:00.000Z)`,
      );
