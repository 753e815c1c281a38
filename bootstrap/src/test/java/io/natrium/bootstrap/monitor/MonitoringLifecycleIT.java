package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.adapter.monitor.MonitoringServer;
import io.natrium.adapter.tcp.TcpClientListener;
import io.natrium.application.settings.ServerSettings;
import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.bootstrap.NatriumServer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** When the monitoring server runs: only when asked, before the client listener, until shutdown. */
class MonitoringLifecycleIT {

    @Test
    void startsBeforeTheClientListenerWithNatsServersBannerLine() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger monitor = (Logger) LoggerFactory.getLogger(MonitoringServer.class);
        Logger clients = (Logger) LoggerFactory.getLogger(TcpClientListener.class);
        Level monitorLevel = monitor.getLevel();
        Level clientsLevel = clients.getLevel();
        try {
            for (Logger logger : new Logger[] {monitor, clients}) {
                logger.setLevel(Level.INFO);
                logger.addAppender(log);
            }
            try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
                assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                        "Starting http monitor on 127.0.0.1:" + server.monitorPort(),
                        "Listening for client connections on 127.0.0.1:" + server.port());
            }
        } finally {
            monitor.detachAppender(log);
            clients.detachAppender(log);
            monitor.setLevel(monitorLevel);
            clients.setLevel(clientsLevel);
        }
    }

    @Test
    void isOffUnlessAskedFor() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start()) {
            assertThat(server.server().monitorAddress()).isNull();
            assertThatIllegalStateException().isThrownBy(server::monitorPort);
        }
    }

    @Test
    void stopsWithTheServer() throws Exception {
        EmbeddedServer server = EmbeddedServer.startWithMonitoring();
        String url = server.monitorUrl("/healthz");
        assertThat(MonitorHttp.get(url).statusCode()).isEqualTo(200);

        server.close();

        assertThatThrownBy(() -> MonitorHttp.get(url)).isInstanceOf(IOException.class);
    }

    @Test
    void aTakenPortFailsTheStartAsNatsServerDoes() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            NatriumServer server = NatriumServer.create(ServerSettings.builder().host("127.0.0.1").port(-1)
                    .monitoring(monitoring -> monitoring.withHost("127.0.0.1").withHttpPort(taken.getLocalPort()))
                    .build());
            try {
                assertThatIllegalStateException().isThrownBy(server::start)
                        .withMessageStartingWith("Can't start monitoring: can't listen to the monitor port: ");
                assertThat(server.clientAddress()).as("clients are not let in").isNull();
            } finally {
                server.shutdown();
            }
        }
    }
}
