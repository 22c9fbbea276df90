/**
 * `npm start`: the reference service on PGlite (no server to install), the
 * launch scenario run through its HTTP API, and its timeline printed.
 */
import { type Moment, runLaunchScenario } from "./scenario.js";

const clockTime = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `+${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}.${String(Math.floor(ms % 1000)).padStart(3, "0")}`;
};

const row = (m: Moment) =>
  [
    clockTime(m.at),
    m.http.padEnd(4),
    m.post.slice(0, 8).padEnd(8),
    m.destination.padEnd(10),
    m.what.padEnd(44),
    m.status.padEnd(30),
    m.outbox,
  ]
    .join(" ")
    .trimEnd();

const story = await runLaunchScenario();
console.log("postlife reference service: the launch scenario, on PGlite, through the HTTP API\n");
console.log(
  [
    "time      ",
    "HTTP",
    "post    ",
    "dest.     ",
    "what".padEnd(44),
    "post / destination status".padEnd(30),
    "outbox",
  ].join(" "),
);
for (const m of story.timeline) console.log(row(m));
console.log(`\npost ${story.post.id}: ${story.post.status}`);
for (const d of story.post.destinations) {
  console.log(
    `  ${d.id.padEnd(10)} ${d.platform.padEnd(9)} ${d.status.padEnd(10)} ${d.platformPostId ?? d.error?.code ?? ""}`,
  );
}
console.log(
  `\nplatform posts made: ${story.platformPosts} (one per destination published); notices: ${story.notices.map((n) => n.kind).join(", ") || "none"}`,
);
console.log(
  `webhooks: ${story.subscriber.received.size} events taken in ${story.subscriber.deliveries} deliveries, ${story.subscriber.forged} with a bad signature`,
);
console.log(`decisions: ${story.metrics.decisions}, conflicts retried: ${story.metrics.conflicts}`);
