package io.natrium.bootstrap.wiring;

import io.natrium.adapter.mqtt.MqttClientListener;
import io.natrium.adapter.mqtt.MqttState;
import io.natrium.adapter.mqtt.MqttStore;
import io.natrium.adapter.protocol.CarriedProtocol;
import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.adapter.tls.OcspPeerVerifier;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.MqttStatistics;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.server.ServerContext;
import io.natrium.application.settings.MqttOcspPeer;
import io.natrium.application.settings.MqttSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.TlsSettings;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT listener of the {@code mqtt} block, when it has a port: TLS when the block has {@code tls}, built as the
 * client port's TLS is (its own {@link ClientTls}, so a reload's certificates serve the connections after it, as
 * nats-server reads {@code MQTT.TLSConfig} for each new connection), else plain TCP.
 */
public final class MqttModule extends AbstractModule {

    private static final Logger LOG = LoggerFactory.getLogger(MqttModule.class);

    @Provides
    @Singleton
    MqttListener mqttListener(ServerSettings settings, OutboundLimits limits, ConnectClientUseCase connectClient,
            ProtocolTracer tracer, ServerContext context, OcspPeerVerifier peers) {
        MqttSettings mqtt = settings.mqtt();
        if (!mqtt.enabled()) {
            return MqttListener.NONE;
        }
        ClientTls tls = mqtt.tls() == null ? null
                : ClientTls.of(MqttOcspPeer.effective(mqtt.tls(), settings.tls()), peers);
        // ack_wait and max_ack_pending may change on reload: each new connection takes the values in force.
        return new Mqtt(new MqttClientListener(mqtt, () -> context.settings().mqtt().delivery(), limits,
                connectClient, tracer, tls, settings.allowNonTls(), new MqttState(store(settings.processFiles().storeDir()))),
                tls);
    }

    /** Under store_dir, where nats-server keeps MQTT's JetStream streams; in memory without one, as is said. */
    private static MqttStore store(String storeDir) {
        if (storeDir == null || storeDir.isEmpty()) {
            LOG.warn("MQTT sessions and retained messages are kept in memory: set store_dir to keep them across "
                    + "restarts");
            return MqttStore.inMemory();
        }
        return MqttStore.open(Path.of(storeDir));
    }

    private record Mqtt(MqttClientListener listener, ClientTls tls) implements MqttListener {

        @Override
        public InetSocketAddress start() throws InterruptedException {
            return listener.start();
        }

        @Override
        public CarriedProtocol overWebsocket() {
            return listener.overWebsocket();
        }

        @Override
        public MqttStatistics statistics() {
            return listener.statistics();
        }

        @Override
        public void tlsReloaded(TlsSettings settings) {
            // A listener started without TLS stays so until a restart, as the websocket one.
            if (tls != null && settings != null) {
                tls.reload(settings);
            }
        }

        @Override
        public void stopAccepting() {
            listener.stopAccepting();
        }

        @Override
        public void shutdown(long timeoutMillis) {
            listener.shutdown(timeoutMillis);
        }
    }
}
