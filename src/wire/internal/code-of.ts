import { wireCode } from "../../errors/publish-error.js";

/**
 * The code an error object on the wire stands for: its `postlifeCode` where
 * that refines `code` (`wireCode(postlifeCode) === code`), else `code`, which
 * is authoritative. How `PublishErrorJson` and `ReportedErrorJson` read it.
 * Private to `postlife/wire`; not in its barrel.
 *
 * @example
 * ```ts
 * import { codeOf } from "./internal/code-of.js";
 * codeOf({ code: "INVALID_CONTENT", postlifeCode: "DUPLICATE_CONTENT" }); // "DUPLICATE_CONTENT"
 * codeOf({ code: "RATE_LIMITED", postlifeCode: "DUPLICATE_CONTENT" }); // "RATE_LIMITED"
 * ```
 * @since 0.1.0
 */
export const codeOf = (wire: {
  readonly code: string;
  readonly postlifeCode?: string | undefined;
}): string =>
  wire.postlifeCode !== undefined && wireCode(wire.postlifeCode) === wire.code
    ? wire.postlifeCode
    : wire.code;
