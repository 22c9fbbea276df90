/** Postato's MCP tools (publish_post, get_post_status): the `get_post_status` result. */
import fc from "fast-check";
import {
  encodeMcpPostStatus,
  type McpPostReport,
  type McpPostStatusWire,
} from "../../wire/mcp-post-status.schema.js";
import { publishErrorArbitrary, reportedErrorArbitrary } from "./internal/errors.js";
import {
  contentArbitrary,
  instantArbitrary,
  orNull,
  platformPostIdArbitrary,
  platformUrlArbitrary,
  written,
} from "./internal/fields.js";
import { readAs, statusWordArbitrary } from "./internal/words.js";

const mcpPostIdArbitrary = fc.constantFrom("pst_01HZX3K8Q4W7", "pst_01H");
const mcpBothLevels = ["post", "destination"] as const;

const rawMcpStatusArbitrary: fc.Arbitrary<McpPostStatusWire> = fc.record(
  {
    postId: mcpPostIdArbitrary,
    status: statusWordArbitrary("postato", mcpBothLevels),
    externalId: orNull(platformPostIdArbitrary),
    externalUrl: orNull(platformUrlArbitrary),
    // The names the API's prose uses for the same two values.
    platformPostId: orNull(platformPostIdArbitrary),
    platformUrl: orNull(platformUrlArbitrary),
    platform: orNull(fc.constantFrom("x", "linkedin", "instagram")),
    accountId: orNull(fc.constantFrom("acc_01H", "1587354420")),
    content: orNull(contentArbitrary),
    publishedAt: orNull(instantArbitrary),
    scheduledAt: orNull(instantArbitrary),
    error: orNull(reportedErrorArbitrary),
  },
  { requiredKeys: ["postId", "status"], noNullPrototype: true },
);

const mcpReportArbitrary: fc.Arbitrary<McpPostReport> = fc
  .record(
    {
      id: mcpPostIdArbitrary,
      word: statusWordArbitrary("postato", mcpBothLevels),
      platform: fc.constantFrom("x", "linkedin"),
      accountId: fc.constant("acc_01H"),
      content: contentArbitrary,
      platformPostId: platformPostIdArbitrary,
      platformUrl: platformUrlArbitrary,
      publishedAt: instantArbitrary,
      error: publishErrorArbitrary,
      scheduledAt: instantArbitrary,
    },
    { requiredKeys: ["id", "word"], noNullPrototype: true },
  )
  .map(({ id, word, scheduledAt, platformUrl, ...fields }) => {
    const status = readAs(word, "postato", "destination");
    return {
      id,
      status: readAs(word, "postato", "post"),
      vendorStatus: word,
      destinations: [
        {
          id,
          ...fields,
          // The post's URL exists only once it is published.
          ...(status === "published" && platformUrl !== undefined ? { platformUrl } : {}),
          status,
          vendorStatus: word,
        },
      ],
      ...(scheduledAt === undefined ? {} : { scheduledAt }),
    };
  });

/**
 * Postato's MCP `get_post_status` result (`McpPostStatusWire`), as
 * `McpPostStatusJson` reads it: one word for the post and its one
 * destination, every word of the `postato` vocabulary plus respellings,
 * words it never writes and unknown ones; `externalId` / `externalUrl` and
 * their prose names `platformPostId` / `platformUrl`, platform, account,
 * content, times and the error (a message or a PostPost error object)
 * present, absent or `null`. Some are canonical reports written by
 * `encodeMcpPostStatus` (with `externalUrl` only once published); the raw
 * ones carry a URL beside any status now and then, which the reader drops.
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import fc from "fast-check";
 * import { mcpPostStatusArbitrary } from "postlife/testing";
 * import { decodeMcpPostStatus } from "postlife/wire";
 * fc.assert(
 *   fc.property(mcpPostStatusArbitrary, (status) => Result.isSuccess(decodeMcpPostStatus(status))),
 * );
 * ```
 * @since 0.1.0
 */
export const mcpPostStatusArbitrary: fc.Arbitrary<McpPostStatusWire> = fc.oneof(
  { weight: 2, arbitrary: rawMcpStatusArbitrary },
  {
    weight: 1,
    arbitrary: mcpReportArbitrary.map((report) =>
      written(encodeMcpPostStatus(report), "get_post_status result"),
    ),
  },
);
