import { canonicalInstant, parseInstant } from "../domain/instant.js";
import type { ErrorSignals, Platform, ResetFormat } from "../platforms/platform.js";
import { platformOf } from "../platforms/registry.js";
import { isRecord } from "../rules/checks.js";
import {
  errorCodeRow,
  errorCodeTable,
  type KnownErrorCode,
  type PublishError,
  type RawFailure,
} from "./publish-error.js";
import { nextMidnight, waitFrom } from "./retry-after.js";
import { httpStatuses, transportErrors } from "./transport.js";

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value : undefined;

const whole = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isInteger(value) ? value : undefined;

/** The platform's code, as the lookup keys write it. */
const codeKey = (code: unknown): string | undefined =>
  typeof code === "number" && Number.isFinite(code) ? String(code) : text(code);

/** A lookup that forgives the case of a platform's words (quotaExceeded, QuotaExceeded). */
const lookup = (
  table: Readonly<Record<string, KnownErrorCode>> | undefined,
  key: string | undefined,
): KnownErrorCode | undefined => {
  if (table === undefined || key === undefined) return undefined;
  if (Object.hasOwn(table, key)) return table[key];
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(table)) if (k.toLowerCase() === lower) return v;
  return undefined;
};

/** What the platform's own signals say, most precise first: sub-code, code, prefix, message. */
const fromSignals = (
  signals: ErrorSignals,
  raw: { code?: string; subcode?: string; message?: string },
): KnownErrorCode | undefined => {
  const bySubcode = lookup(signals.subcodes, raw.subcode);
  if (bySubcode !== undefined) return bySubcode;
  const byCode = lookup(signals.codes, raw.code);
  if (byCode !== undefined) return byCode;
  const code = raw.code?.toLowerCase();
  const byPrefix = signals.codePrefixes?.find(([prefix]) => code?.startsWith(prefix) === true)?.[1];
  if (byPrefix !== undefined) return byPrefix;
  const message = raw.message?.toLowerCase();
  return message === undefined
    ? undefined
    : signals.messages?.find(([phrase]) => message.includes(phrase))?.[1];
};

const header = (headers: unknown, name: string): string | undefined => {
  if (!isRecord(headers)) return undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && typeof value === "string") return value;
  }
  return undefined;
};

const genericResets: readonly (readonly [string, ResetFormat, string?])[] = [
  ["retry-after", "seconds"],
  ["retry-after", "http-date"],
];

/** The wait the platform asked for, in whole ms, from its headers (or its quota's reset). */
const retryAfter = (
  platform: Platform | undefined,
  code: KnownErrorCode,
  headers: unknown,
  at: number | undefined,
): number | undefined => {
  for (const [name, format, onlyWhenZero] of [
    ...(platform?.errors.resetHeaders ?? []),
    ...genericResets,
  ]) {
    if (onlyWhenZero !== undefined && header(headers, onlyWhenZero)?.trim() !== "0") continue;
    const value = header(headers, name);
    const wait = value === undefined ? undefined : waitFrom(value, format, at);
    if (wait !== undefined && Number.isFinite(wait) && wait > 0) return Math.ceil(wait);
  }
  const zone = platform?.errors.dailyQuotaResetZone;
  if (code === "QUOTA_EXHAUSTED" && zone !== undefined && at !== undefined) {
    return nextMidnight(at, zone) - at;
  }
  return undefined;
};

/**
 * Turns what a worker saw when a publish call failed into a `PublishError`:
 * which of postlife's codes it is, whether a retry may help, how long the
 * platform asked to wait, and whether the request may have reached the
 * platform (then a blind retry could publish twice). Total and pure: any
 * input gives an answer, an unrecognised one `UNKNOWN_ERROR` with the raw
 * code kept.
 *
 * It reads, in order: a transport error (no HTTP answer), the platform's own
 * signals (`src/platforms/<platform>.ts`), then the HTTP status.
 *
 * @example
 * ```ts
 * import { classifyFailure } from "postlife";
 * classifyFailure({
 *   platform: "x",
 *   httpStatus: 429,
 *   code: 88,
 *   message: "Rate limit exceeded",
 *   headers: { "x-rate-limit-reset": "1776693900" },
 *   at: "2026-04-20T14:00:00Z",
 * });
 * // { code: "RATE_LIMITED", retryable: true, retryAfterMs: 300000, platformStatusCode: 429, ... }
 *
 * classifyFailure({ platform: "threads", transportError: "ETIMEDOUT", requestSent: true });
 * // { code: "TIMEOUT_ERROR", retryable: true, outcomeUnknown: true, ... }: reconcile, do not retry blindly
 * ```
 * @since 0.1.0
 */
export const classifyFailure = (raw: RawFailure): PublishError => {
  const input: Partial<Record<keyof RawFailure, unknown>> = isRecord(raw) ? raw : {};
  const platform = typeof input.platform === "string" ? platformOf(input.platform) : undefined;
  const status = whole(input.httpStatus);
  const message = text(input.message);
  const rawCode = codeKey(input.code);
  const subcode = whole(input.subcode);
  const atMs = typeof input.at === "string" ? parseInstant(input.at) : undefined;
  const at = typeof atMs === "number" ? atMs : undefined;

  const transport = text(input.transportError);
  const meaning =
    status === undefined && transport !== undefined
      ? transportErrors[transport.toUpperCase()]
      : undefined;
  const signalled =
    platform === undefined
      ? undefined
      : fromSignals(platform.errors, {
          ...(rawCode === undefined ? {} : { code: rawCode }),
          ...(subcode === undefined ? {} : { subcode: String(subcode) }),
          ...(message === undefined ? {} : { message }),
        });
  const code: KnownErrorCode =
    meaning?.code ??
    signalled ??
    lookup(platform?.errors.statuses, status === undefined ? undefined : String(status)) ??
    lookup(httpStatuses, status === undefined ? undefined : String(status)) ??
    (status !== undefined && status >= 500 ? "PLATFORM_SERVER_ERROR" : "UNKNOWN_ERROR");

  // Conservative: unless the worker knows the request was not sent, a timeout or reset
  // while waiting for the answer may come after the platform acted. So may a bare 504 (a
  // gateway gave up); one that carries the platform's own refusal shows the platform answered.
  const outcomeUnknown =
    (meaning?.mayHaveBeenSent === true && input.requestSent !== false) ||
    (status === 504 && meaning === undefined && signalled === undefined);
  const wait = retryAfter(platform, code, input.headers, at);
  const row = errorCodeRow(code) ?? errorCodeTable.UNKNOWN_ERROR;
  const described = message ?? transport ?? row.description;
  return {
    code,
    message: described,
    retryable: row.retryable,
    ...(status === undefined ? {} : { platformStatusCode: status }),
    platformError: message ?? transport ?? null,
    ...(at === undefined ? {} : { failedAt: canonicalInstant(input.at as string) }),
    ...(wait === undefined ? {} : { retryAfterMs: wait }),
    ...(outcomeUnknown ? { outcomeUnknown: true } : {}),
    ...(rawCode === undefined
      ? {}
      : { platformCode: typeof input.code === "number" ? input.code : rawCode }),
    ...(subcode === undefined ? {} : { platformSubcode: subcode }),
  };
};
