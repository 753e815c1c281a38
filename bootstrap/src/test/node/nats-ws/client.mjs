// nats.ws under Node 20, driven by NatsWsNodeIT through standard input and output, one JSON object a line.
// Node 20 has no WebSocket of its own: the ws package supplies the one nats.ws expects in the browser.
import WebSocket from "ws";

globalThis.WebSocket = WebSocket;
const { connect, StringCodec } = await import("nats.ws");

const sc = StringCodec();
const say = (object) => console.log(JSON.stringify(object));

const nc = await connect({ servers: process.argv[2], timeout: 5000, reconnect: false });
const incoming = nc.subscribe("to.node", { max: 1 });
await nc.flush();
say({ ready: true, server: nc.info.server_id });

for await (const message of incoming) {
  say({ received: sc.decode(message.data) });
}
nc.publish("from.node", sc.encode("hello from node"));
const answer = await nc.request("java.service", sc.encode("question"), { timeout: 5000 });
say({ answer: sc.decode(answer.data) });
await nc.drain();
say({ closed: true });
