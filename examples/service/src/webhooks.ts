/**
 * Outgoing webhooks, signed as the Standard Webhooks specification says
 * (standardwebhooks.com, as Svix, Clerk and others sign theirs): the headers
 * `webhook-id` (the event's stable id: the same on every retry, so a
 * subscriber drops what it already took), `webhook-timestamp` and
 * `webhook-signature` (`v1,` and the base64 HMAC-SHA256 of
 * `id.timestamp.body` under the subscriber's secret). Any answer but a 2xx
 * is retried by the job queue: delivered at least once.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { WebhookPayload } from "postlife/wire";

export interface OutgoingWebhook {
  readonly eventId: string;
  readonly subscriptionId: number;
  readonly payload: WebhookPayload;
}

/** The signature of one delivery: `v1,<base64>`. */
export const signatureOf = (secret: string, id: string, timestamp: string, body: string): string =>
  `v1,${createHmac("sha256", secret).update(`${id}.${timestamp}.${body}`).digest("base64")}`;

/** A subscriber's check: is this body signed with `secret`? (Constant-time compare.) */
export const isSigned = (
  secret: string,
  headers: { readonly id: string; readonly timestamp: string; readonly signature: string },
  body: string,
): boolean => {
  const expected = Buffer.from(signatureOf(secret, headers.id, headers.timestamp, body));
  return headers.signature.split(" ").some((given) => {
    const candidate = Buffer.from(given);
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
};

/** Sends one webhook; throws unless the subscriber took it, so that the queue tries again. */
export const sendWebhook = async (
  subscriber: { readonly url: string; readonly secret: string },
  webhook: OutgoingWebhook,
  nowSeconds: number,
  timeoutMs = 10_000,
): Promise<void> => {
  const body = JSON.stringify(webhook.payload);
  const timestamp = String(Math.floor(nowSeconds));
  const response = await fetch(subscriber.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "webhook-id": webhook.eventId,
      "webhook-timestamp": timestamp,
      "webhook-signature": signatureOf(subscriber.secret, webhook.eventId, timestamp, body),
    },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`subscriber ${subscriber.url} answered ${response.status}`);
};
