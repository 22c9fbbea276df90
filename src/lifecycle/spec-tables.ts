/**
 * The transition tables of `spec/`, written from the two lifecycle
 * definitions. A delivery fact's outcomes for a post are those of its
 * destination's lifecycle, in the statuses a post in that status holds.
 */
import { destinationLifecycle } from "../destination/lifecycle.js";
import { postEventTypes } from "../domain/event.js";
import { destinationStatuses, postStatuses } from "../domain/status.js";
import { postLifecycle } from "../post/lifecycle.js";
import { destinationTakes } from "../post/requirements.js";
import { destinationStatusesIn } from "../rules/aggregate.js";
import { destinationEventTypes } from "../rules/transitions.js";
import type { RefusalOutcome } from "./definition.js";
import { tableOf } from "./table.js";

/** `spec/transitions.destination.json`'s cells. */
export const destinationTable = () =>
  tableOf(
    destinationLifecycle,
    destinationStatuses,
    destinationEventTypes,
    (rule) => rule.gives,
    "not_allowed_in_status",
  );

/** `spec/transitions.post.json`'s cells. */
export const postTable = () => {
  const destinations = destinationTable();
  return tableOf(
    postLifecycle,
    postStatuses,
    postEventTypes,
    (rule, status, type) => {
      if (rule !== destinationTakes) return rule.gives;
      const outcomes: RefusalOutcome[] = [];
      for (const d of destinationStatusesIn[status]) {
        const cell = destinations[d][type as keyof (typeof destinations)[typeof d]];
        outcomes.push(...(cell.reject ?? []), ...(cell.ignore ?? []));
      }
      return outcomes;
    },
    "not_allowed_in_status",
  );
};
