/**
 * The service's clients: HTTP requests through the API (Hono's `request`,
 * the same routing and handlers a socket would reach), as many at once as
 * a client pool of `size` allows, so that latencies are decisions', not a
 * queue's.
 */
import type { Hono } from "hono";

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown> & { readonly error?: { readonly reason?: string } };
}

export type Call = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<Answer>;

const parsed = (text: string): Answer["body"] => {
  try {
    return JSON.parse(text) as Answer["body"];
  } catch {
    return { unreadable: text };
  }
};

export const clientPool = (
  app: Hono,
  size: number,
  answered?: (method: string, path: string, answer: Answer) => void,
): Call => {
  let free = size;
  const waiting: (() => void)[] = [];
  const request: Call = async (method, path, body, headers = {}) => {
    const response = await app.request(path, {
      method,
      headers: { "content-type": "application/json", ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    // Parsed as text first: an answer that is not JSON is a finding, not a crash of the client.
    const text = await response.text();
    const answer: Answer = { status: response.status, body: parsed(text) };
    answered?.(method, path, answer);
    return answer;
  };
  return async (...args) => {
    if (free === 0) await new Promise<void>((resolve) => waiting.push(resolve));
    else free--;
    try {
      return await request(...args);
    } finally {
      const next = waiting.shift();
      if (next === undefined) free++;
      else next();
    }
  };
};
