package io.natrium.adapter.mqtt.archfixture;

import io.natrium.adapter.protocol.archfixture.SlowHotPath;

/** Allowed: the MQTT transport building on the shared outbound. */
public class MqttUsingProtocol {
    SlowHotPath outbound;
}
