// MQTT.js under Node 20, driven by MqttJsNodeIT: one JSON object a line on standard output. The URL chooses the
// transport: mqtt://host:port for TCP, ws://host:port/mqtt for MQTT over WebSocket.
import mqtt from "mqtt";

const say = (object) => console.log(JSON.stringify(object));
const url = process.argv[2];
const received = [];
let waiting = null;
let pings = 0;

const client = await mqtt.connectAsync(url, {
  protocolVersion: 4,
  clean: true,
  clientId: process.argv[3],
  // One second, so that the client sends PINGREQ while the exchange pauses.
  keepalive: 1,
  reconnectPeriod: 0,
  connectTimeout: 5000,
});
client.on("message", (topic, payload, packet) => {
  received.push({ topic, payload: payload.toString(), qos: packet.qos });
  if (waiting) {
    waiting();
  }
});
client.on("packetreceive", (packet) => {
  if (packet.cmd === "pingresp") {
    pings++;
  }
});
const next = async () => {
  while (received.length === 0) {
    await new Promise((resolve) => { waiting = resolve; });
  }
  return received.shift();
};

const granted = await client.subscribeAsync({ "js/in": { qos: 1 }, "js/loop": { qos: 1 }, "js/zero": { qos: 0 } });
say({ ready: true, granted: granted.map((grant) => `${grant.topic}:${grant.qos}`).sort() });

// From a NATS publisher: QoS 0 whatever the subscription's.
say({ received: await next() });

// To NATS subscribers, at QoS 1 (PUBACK awaited) and QoS 0.
await client.publishAsync("js/out", "one", { qos: 1 });
await client.publishAsync("js/out", "zero", { qos: 0 });

// Back to itself at QoS 1: the server's PUBLISH, then this client's PUBACK.
await client.publishAsync("js/loop", "looped", { qos: 1 });
say({ received: await next() });

// After UNSUBSCRIBE nothing more comes from js/loop: the next message is js/zero's.
await client.unsubscribeAsync("js/loop");
await client.publishAsync("js/loop", "after unsubscribe", { qos: 1 });
await client.publishAsync("js/zero", "still subscribed", { qos: 0 });
say({ received: await next() });

// Quiet for a while: the keep-alive makes the client ping.
while (pings === 0) {
  await new Promise((resolve) => setTimeout(resolve, 100));
}
say({ pinged: true });

await client.endAsync();
say({ closed: true });
