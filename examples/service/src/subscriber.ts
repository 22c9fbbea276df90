/**
 * A webhook subscriber on localhost: it checks each signature, keeps what
 * it took by event id (a repeat is taken once), and can be told to fail some
 * deliveries, as subscribers do, to prove the retries.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { WebhookPayload } from "postlife/wire";
import { isSigned } from "./webhooks.js";

export interface Subscriber {
  readonly url: string;
  readonly secret: string;
  /** What it took, by event id, in the order it first took each. */
  readonly received: Map<string, WebhookPayload>;
  /** Deliveries it was sent, repeats and refusals included. */
  deliveries: number;
  /** Bodies whose signature did not hold (always 0 for this service). */
  forged: number;
  close(): Promise<void>;
}

export const startSubscriber = async (
  options: {
    readonly secret?: string;
    readonly refuse?: (eventId: string, delivery: number) => boolean;
    readonly took?: (payload: WebhookPayload, eventId: string) => void;
  } = {},
): Promise<Subscriber> => {
  const secret = options.secret ?? "whsec_launch";
  const subscriber = { received: new Map<string, WebhookPayload>(), deliveries: 0, forged: 0 };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      subscriber.deliveries++;
      const id = String(req.headers["webhook-id"]);
      const headers = {
        id,
        timestamp: String(req.headers["webhook-timestamp"]),
        signature: String(req.headers["webhook-signature"]),
      };
      if (!isSigned(secret, headers, body)) {
        subscriber.forged++;
        res.writeHead(401).end();
        return;
      }
      if (options.refuse?.(id, subscriber.deliveries) === true) {
        res.writeHead(503).end();
        return;
      }
      if (!subscriber.received.has(id)) {
        const payload = JSON.parse(body) as WebhookPayload;
        subscriber.received.set(id, payload);
        options.took?.(payload, id);
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(subscriber, {
    url: `http://127.0.0.1:${port}/hooks`,
    secret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
};
