import type { DestinationStatus, PostStatus } from "../../domain/status.js";
import { normalizeStatus, type Vendor } from "../vocabulary.js";

/**
 * The canonical status a vendor's word reads as (`normalizeStatus`), or
 * `"unknown"` when nobody knows it: how every decoder of `postlife/wire`
 * fills a report's `status`, the word itself being kept in `vendorStatus`.
 * Private to `postlife/wire`; not in its barrel.
 *
 * @example
 * ```ts
 * import { statusOf } from "./internal/status-of.js";
 * statusOf("pending", { vendor: "postpost", level: "destination" }); // "queued"
 * statusOf("Archived", { vendor: "wahdx", level: "destination" }); // "unknown"
 * ```
 * @since 0.1.0
 */
export const statusOf = <L extends "post" | "destination">(
  word: string,
  options: { readonly vendor: Vendor; readonly level: L },
): (L extends "post" ? PostStatus : DestinationStatus) | "unknown" => {
  const read = normalizeStatus(word, options);
  return read.ok ? read.status : "unknown";
};
