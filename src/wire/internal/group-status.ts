import type { DestinationStatus, PostStatus } from "../../domain/status.js";
import { aggregateStatus } from "../../rules/aggregate.js";

/** A post's status as a report holds it: canonical, or `unknown` for a word nobody knows. */
type Reported = PostStatus | "unknown";

/**
 * A group's status, and the vendor's word for it when its destinations
 * overrule it: what `PostReport.status` and `PostReport.overruledStatus`
 * hold.
 */
export interface GroupStatus {
  readonly status: Reported;
  readonly overruledStatus?: Reported;
}

/** What the destinations add up to (`aggregateStatus`); undefined when one of them is unknown. */
const addedUp = (destinations: readonly { readonly status: string }[]): PostStatus | undefined =>
  destinations.some((d) => d.status === "unknown")
    ? undefined
    : aggregateStatus(destinations.map((d) => d.status as DestinationStatus));

/** Statuses of a post that is not done yet: what results that are all still queued allow. */
const notDone: ReadonlySet<Reported> = new Set([
  "draft",
  "pending_approval",
  "scheduled",
  "queued",
  "publishing",
]);

/**
 * Whether the vendor's word can stand beside what its destinations add up
 * to. `deleted` is the one status a post holds on its own (postlife's own
 * posts show it whatever their destinations say). Destinations that are all
 * still queued say only that nothing is done: a results shape with four words
 * has no other word for a destination of a post not yet due, so the vendor's
 * scheduled, draft or publishing stands beside them.
 */
const agrees = (vendor: Reported, derived: PostStatus): boolean =>
  vendor === derived || vendor === "deleted" || (derived === "queued" && notDone.has(vendor));

/**
 * A group's status from its destinations, the vendor's word kept: how the
 * decoders of whole groups (PostPost's get-post, the results API) fill a
 * `PostReport`. A group is what its destinations add up to, so a group the
 * vendor calls published while one of its posts failed is
 * partially_published, with the vendor's reading kept as `overruledStatus`.
 * The vendor's word stands when nothing overrules it: no destinations, one
 * of them unknown, or a word that agrees with them (see `agrees`). Without a
 * word of its own the group is what its destinations add up to, `unknown`
 * when one of them is. Private to `postlife/wire`; not in its barrel.
 *
 * @example
 * ```ts
 * import { groupStatus } from "./internal/group-status.js";
 * const results = [{ status: "published" }, { status: "published" }, { status: "failed" }];
 * groupStatus("published", results); // { status: "partially_published", overruledStatus: "published" }
 * groupStatus("partially_published", results); // { status: "partially_published" }
 * groupStatus(undefined, results); // { status: "partially_published" }
 * ```
 * @since 0.1.0
 */
export const groupStatus = (
  vendor: Reported | undefined,
  destinations: readonly { readonly status: string }[],
): GroupStatus => {
  const derived = addedUp(destinations);
  if (vendor === undefined) return { status: derived ?? "unknown" };
  if (derived === undefined || destinations.length === 0 || agrees(vendor, derived)) {
    return { status: vendor };
  }
  return { status: derived, overruledStatus: vendor };
};

/**
 * Why a report's group status contradicts what a reader of the vendor's JSON
 * would make of it, or undefined when it does not: `claimed` is the status
 * of the word the encoder writes for the group (undefined when it writes
 * none), and the report's `status` and `overruledStatus` must be what
 * `groupStatus` gives for it. How an encoder refuses a report that would not
 * come back as it went, naming the field at fault.
 *
 * @example
 * ```ts
 * import { contradiction } from "./internal/group-status.js";
 * const results = [{ status: "published" }, { status: "failed" }];
 * contradiction("published", { status: "published" }, results);
 * // { path: ["status"], issue: 'status is "published", but its destinations add up to partially_published, …' }
 * contradiction("published", { status: "partially_published", overruledStatus: "published" }, results); // undefined
 * ```
 * @since 0.1.0
 */
export const contradiction = (
  claimed: Reported | undefined,
  report: GroupStatus,
  destinations: readonly { readonly status: string }[],
): { readonly path: readonly PropertyKey[]; readonly issue: string } | undefined => {
  const expected = groupStatus(claimed, destinations);
  if (expected.status !== report.status) {
    return {
      path: ["status"],
      issue:
        expected.overruledStatus === undefined
          ? `status is "${report.status}", but a group whose word reads as ${claimed ?? "nothing"} with these destinations is ${expected.status}`
          : `status is "${report.status}", but its destinations add up to ${expected.status}, overruling the word for ${expected.overruledStatus} (status ${expected.status}, overruledStatus "${expected.overruledStatus}")`,
    };
  }
  if (expected.overruledStatus !== report.overruledStatus) {
    return {
      path: ["overruledStatus"],
      issue:
        expected.overruledStatus === undefined
          ? `overruledStatus is "${String(report.overruledStatus)}", but nothing overrules the group's word: its destinations agree with it, or cannot say`
          : `overruledStatus must be "${expected.overruledStatus}": the word written for the group reads as it, and its destinations overrule it`,
    };
  }
  return undefined;
};
