import type { Destination } from "../../domain/destination.js";
import { platformOf } from "../../platforms/registry.js";

/** The destination's platform as people name it ("Instagram"), or its id when postlife has no data for it. */
export const platformName = (d: Destination): string => platformOf(d.platform)?.name ?? d.platform;
