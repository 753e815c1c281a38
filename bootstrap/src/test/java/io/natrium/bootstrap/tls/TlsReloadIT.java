package io.natrium.bootstrap.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.in.ReloadResult;
import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.tls.IssuedCertificate;
import io.natrium.testkit.tls.TlsFiles;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.time.Duration;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGHUP with new certificate files: connections accepted afterwards get the new certificate, those already open
 * stay up; a reload naming a missing file is refused with nats-server's words and changes nothing.
 */
class TlsReloadIT {

    @TempDir
    Path directory;

    @Test
    void newCertificatesApplyToNewConnectionsAndOpenOnesStay() throws Exception {
        TlsFiles files = TlsFiles.create(directory);
        String config = "tls { cert_file: \"" + files.serverCert() + "\", key_file: \"" + files.serverKey() + "\" }\n";
        try (ConfiguredServer server = ConfiguredServer.start(config);
                Connection open = Nats.connect(Options.builder().server("tls://127.0.0.1:" + server.port())
                        .sslContext(files.clientContext()).maxReconnects(0).connectionTimeout(Duration.ofSeconds(5))
                        .build())) {
            assertThat(presented(server, files)).isEqualTo(files.server().certificate());

            IssuedCertificate renewed = files.authority().server("renewed", "localhost");
            renewed.writeCertificate(files.serverCert());
            renewed.writeKey(files.serverKey());
            assertThat(server.reload(config)).isInstanceOf(ReloadResult.Reloaded.class);

            assertThat(presented(server, files)).isEqualTo(renewed.certificate());
            assertThat(open.getStatus()).isEqualTo(Connection.Status.CONNECTED);
            Subscription subscription = open.subscribe("still");
            open.publish("still", "up".getBytes(StandardCharsets.UTF_8));
            Message message = subscription.nextMessage(Duration.ofSeconds(5));
            assertThat(message).isNotNull();
        }
    }

    @Test
    void aReloadNamingAMissingFileIsRefusedAndTheOldCertificateStays() throws Exception {
        TlsFiles files = TlsFiles.create(directory);
        String config = "tls { cert_file: \"" + files.serverCert() + "\", key_file: \"" + files.serverKey() + "\" }\n";
        try (ConfiguredServer server = ConfiguredServer.start(config)) {
            ReloadResult result = server.reload("port: -1\ntls { cert_file: \"" + directory + "/nope.pem\", key_file: \""
                    + files.serverKey() + "\" }\n");

            assertThat(result).isInstanceOfSatisfying(ReloadResult.Failed.class, failed -> assertThat(failed.errors())
                    .singleElement().asString().endsWith(":2:1: error parsing X509 certificate/key pair: open "
                            + directory + "/nope.pem: no such file or directory"));
            assertThat(presented(server, files)).isEqualTo(files.server().certificate());
        }
    }

    private static Certificate presented(ConfiguredServer server, TlsFiles files) throws Exception {
        try (TlsWire wire = TlsWire.connect(server.port())) {
            SSLSocket tls = wire.upgrade(files.clientContext());
            return tls.getSession().getPeerCertificates()[0];
        }
    }
}
