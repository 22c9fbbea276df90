import * as SchemaIssue from "effect/SchemaIssue";

/**
 * A schema issue at `path`, with a sentence a person reads: how an encoder
 * refuses a value its shape cannot carry. Private to `postlife/wire`; not in
 * its barrel.
 *
 * @example
 * ```ts
 * import { issueAt } from "./internal/issue-at.js";
 * issueAt(["accountId"], "accountId is missing"); // formats as 'accountId is missing\n  at ["accountId"]'
 * ```
 * @since 0.1.0
 */
export const issueAt = (path: readonly PropertyKey[], message: string): SchemaIssue.Issue =>
  new SchemaIssue.Pointer(path, new SchemaIssue.InvalidValue({ message }));
