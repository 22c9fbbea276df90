/**
 * A `key: value` entry when the value is there (not undefined, not null),
 * nothing otherwise: how the codecs leave absent fields out (never
 * `undefined`, never `null`). Private to `postlife/wire`; not in its barrel.
 *
 * @example
 * ```ts
 * import { present } from "./internal/present.js";
 * ({ id: "p", ...present("platformUrl", null) }); // { id: "p" }
 * ({ id: "p", ...present("platformUrl", "https://x.com/i/status/1") }); // { id: "p", platformUrl: "https://x.com/i/status/1" }
 * ```
 * @since 0.1.0
 */
export const present = <K extends string, V>(
  key: K,
  value: V | null | undefined,
): { readonly [P in K]?: V } =>
  (value === undefined || value === null ? {} : { [key]: value }) as { readonly [P in K]?: V };
