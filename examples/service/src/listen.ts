import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";

/** Serves the API on `port` of localhost (0: any free one); gives its URL and how to stop it. */
export const listen = (app: Hono, port = 0): Promise<{ url: string; close(): Promise<void> }> =>
  new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, (info: AddressInfo) =>
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
