/**
 * What a scenario did, step by step, for the report of a failure. Lines are
 * built only when the trace is kept (the replay of a failing scenario), so
 * the thousands of passing runs pay nothing for it.
 */
export class Trace {
  readonly lines: string[] = [];

  constructor(
    private readonly keep: boolean,
    private readonly clock: () => string,
  ) {}

  add(line: () => string): void {
    if (this.keep) this.lines.push(`${this.clock()}  ${line()}`);
  }
}
