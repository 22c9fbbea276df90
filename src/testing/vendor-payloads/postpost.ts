/** PostPost's answers: GET /api/v1/get-post/:postGroupId. */
import fc from "fast-check";
import { groupStatus } from "../../wire/internal/group-status.js";
import {
  encodePostPostGroup,
  type PostPostGetPostResponse,
  type PostPostPlatformPost,
} from "../../wire/postpost.schema.js";
import type { DestinationReport, PostReport } from "../../wire/report.js";
import { publishErrorArbitrary, publishErrorWireArbitrary } from "./internal/errors.js";
import { contentArbitrary, orNull, platformPostIdArbitrary, written } from "./internal/fields.js";
import { statusWordArbitrary, wordedArbitrary } from "./internal/words.js";

const hexArbitrary = (length: number, digits: string): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...digits), minLength: length, maxLength: length });

/** A MongoDB ObjectId, as PostPost names groups and platform posts (upper case now and then). */
const objectIdArbitrary = fc.oneof(
  { weight: 4, arbitrary: hexArbitrary(24, "0123456789abcdef") },
  { weight: 1, arbitrary: hexArbitrary(24, "0123456789ABCDEF") },
);

const postPostPlatforms = ["twitter", "linkedin", "threads", "instagram", "facebook"] as const;
const platformIdArbitrary = fc.constantFrom("123456789", "17841412345678", "2414183");

const rawPlatformPostArbitrary: fc.Arbitrary<PostPostPlatformPost> = fc.record(
  {
    _id: objectIdArbitrary,
    platform: fc.constantFrom(...postPostPlatforms),
    platformId: platformIdArbitrary,
    content: contentArbitrary,
    status: statusWordArbitrary("postpost", ["destination"]),
    postedId: orNull(platformPostIdArbitrary),
    error: orNull(publishErrorWireArbitrary),
  },
  { requiredKeys: ["_id", "platform", "platformId", "content", "status"], noNullPrototype: true },
);

const rawPostPostArbitrary: fc.Arbitrary<PostPostGetPostResponse> = fc.record(
  {
    success: fc.constant(true),
    postGroupId: objectIdArbitrary,
    status: orNull(statusWordArbitrary("postpost", ["post"])),
    posts: fc.uniqueArray(rawPlatformPostArbitrary, { maxLength: 4, selector: (p) => p._id }),
  },
  { requiredKeys: ["success", "postGroupId", "posts"], noNullPrototype: true },
);

const postPostReportArbitrary: fc.Arbitrary<PostReport> = fc
  .record({
    id: objectIdArbitrary,
    group: fc.option(wordedArbitrary("postpost", "post"), { nil: undefined }),
    destinations: fc.uniqueArray(
      fc.record(
        {
          id: objectIdArbitrary,
          platform: fc.constantFrom(...postPostPlatforms),
          accountId: platformIdArbitrary,
          content: contentArbitrary,
          worded: wordedArbitrary("postpost", "destination"),
          platformPostId: platformPostIdArbitrary,
          error: publishErrorArbitrary,
        },
        {
          requiredKeys: ["id", "platform", "accountId", "content", "worded"],
          noNullPrototype: true,
        },
      ),
      { maxLength: 4, selector: (d) => d.id },
    ),
  })
  .map(({ id, group, destinations }) => {
    const reports = destinations.map(
      ({ worded, ...d }): DestinationReport => ({ ...d, ...worded }),
    );
    // The group is what its posts add up to (the reader's rule), its own word kept beside.
    return group === undefined
      ? { id, ...groupStatus(undefined, reports), destinations: reports }
      : {
          id,
          vendorStatus: group.vendorStatus,
          ...groupStatus(group.status, reports),
          destinations: reports,
        };
  });

/**
 * PostPost's get-post response (`PostPostGetPostResponse`), as
 * `PostPostGroupJson` reads it: a group with zero to four platform posts,
 * its own status or none (`null` too), every status word of PostPost's
 * vocabulary at both levels plus respellings, words PostPost never writes
 * (`success`, `retrying`) and unknown ones; `postedId` and PostPost `error`
 * objects present, absent or `null`. Some are canonical reports written by
 * `encodePostPostGroup`.
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import fc from "fast-check";
 * import { postPostResponseArbitrary } from "postlife/testing";
 * import { decodePostPostGroup } from "postlife/wire";
 * fc.assert(
 *   fc.property(postPostResponseArbitrary, (response) => Result.isSuccess(decodePostPostGroup(response))),
 * );
 * ```
 * @since 0.1.0
 */
export const postPostResponseArbitrary: fc.Arbitrary<PostPostGetPostResponse> = fc.oneof(
  { weight: 2, arbitrary: rawPostPostArbitrary },
  {
    weight: 1,
    arbitrary: postPostReportArbitrary.map((report) =>
      written(encodePostPostGroup(report), "PostPost group"),
    ),
  },
);
