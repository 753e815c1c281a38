package io.natrium.bootstrap.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.in.ReloadResult;
import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.tls.CertificateAuthority;
import io.natrium.testkit.tls.CertificateSpec;
import io.natrium.testkit.tls.IssuedCertificate;
import io.natrium.testkit.tls.OcspResponder;
import io.natrium.testkit.tls.TlsFiles;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLSocket;

import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGHUP with new certificate files: connections accepted afterwards get the new certificate, those already open
 * stay up; a reload naming a missing file is refused with nats-server's words and changes nothing; a stapled
 * certificate renewed by a reload is stapled with its own status.
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

    @Test
    void aStapledCertificateRenewedByAReloadIsStapledWithItsOwnStatus() throws Exception {
        CertificateAuthority authority = CertificateAuthority.root("OCSP Reload CA");
        try (OcspResponder responder = OcspResponder.start(authority)) {
            IssuedCertificate first = authority.issueServer(CertificateSpec.subject("CN=localhost")
                    .withDnsNames("localhost").withOcspUrls(responder.url()));
            Path cert = directory.resolve("cert.pem");
            Path key = directory.resolve("key.pem");
            Path ca = directory.resolve("ca.pem");
            first.writeCertificate(cert);
            first.writeKey(key);
            authority.asIssued().writeCertificate(ca);
            String config = "tls { cert_file: \"" + cert + "\", key_file: \"" + key + "\", ca_file: \"" + ca
                    + "\" }\nocsp { mode: always }\n";
            try (ConfiguredServer server = ConfiguredServer.start(config)) {
                assertThat(stapledSerial(server, authority)).isEqualTo(first.certificate().getSerialNumber());

                IssuedCertificate renewed = authority.issueServer(CertificateSpec.subject("CN=localhost")
                        .withDnsNames("localhost").withOcspUrls(responder.url()));
                renewed.writeCertificate(cert);
                renewed.writeKey(key);
                assertThat(server.reload(config)).isInstanceOf(ReloadResult.Reloaded.class);

                // As nats-server's reloadOCSP: the status of the new certificate asked for and stapled.
                assertThat(stapledSerial(server, authority)).isEqualTo(renewed.certificate().getSerialNumber());
            }
        }
    }

    /** The serial number of the certificate whose status the server staples. */
    private static BigInteger stapledSerial(ConfiguredServer server, CertificateAuthority authority)
            throws Exception {
        try (TlsWire wire = TlsWire.connect(server.port())) {
            SSLSocket tls = wire.upgrade(TlsFiles.clientContext(authority.certificate(), null));
            List<byte[]> staples = ((ExtendedSSLSession) tls.getSession()).getStatusResponses();
            assertThat(staples).isNotEmpty();
            BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(staples.get(0)).getResponseObject();
            return basic.getResponses()[0].getCertID().getSerialNumber();
        }
    }

    private static Certificate presented(ConfiguredServer server, TlsFiles files) throws Exception {
        try (TlsWire wire = TlsWire.connect(server.port())) {
            SSLSocket tls = wire.upgrade(files.clientContext());
            return tls.getSession().getPeerCertificates()[0];
        }
    }
}
