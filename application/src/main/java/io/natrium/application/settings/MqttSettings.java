package io.natrium.application.settings;

/**
 * The MQTT listener ({@code mqtt}); disabled while the port is 0.
 *
 * @param host          the address to listen on; null for the default
 * @param port          the port; 0 disabled, -1 a free port
 * @param tls           the TLS block; null for none
 * @param authorization the listener's own user or token
 * @param noAuthUser    the user a client without credentials is; null for the server's
 * @param delivery      session and QoS settings
 */
public record MqttSettings(
        String host,
        int port,
        TlsSettings tls,
        SimpleAuthSettings authorization,
        String noAuthUser,
        MqttDeliverySettings delivery) {

    public static MqttSettings disabled() {
        return new MqttSettings(null, 0, null, SimpleAuthSettings.none(), null, MqttDeliverySettings.defaults());
    }

    public boolean enabled() {
        return port != 0;
    }
}
