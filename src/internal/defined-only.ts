/** Drops keys whose value is undefined, so that they do not override defaults in a spread. */
export const definedOnly = <T extends object>(options: T | undefined): Partial<T> =>
  options === undefined || options === null
    ? {}
    : (Object.fromEntries(
        Object.entries(options).filter(([, v]) => v !== undefined),
      ) as Partial<T>);
