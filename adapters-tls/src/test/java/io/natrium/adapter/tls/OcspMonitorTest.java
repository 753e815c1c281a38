package io.natrium.adapter.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.settings.OcspMode;
import io.natrium.application.settings.OcspSettings;
import io.natrium.application.settings.TlsSettings;
import io.natrium.testkit.tls.CertificateAuthority;
import io.natrium.testkit.tls.CertificateSpec;
import io.natrium.testkit.tls.IssuedCertificate;
import io.natrium.testkit.tls.OcspResponder;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staple in the handshake and its refresh, as nats-server 2.9.10's {@code OCSPMonitor}, against a responder
 * started by the test: good, revoked, unknown and unreachable.
 */
class OcspMonitorTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path directory;
    private CertificateAuthority authority;
    private OcspResponder responder;
    private IssuedCertificate certificate;
    private OcspMonitor monitor;

    @BeforeEach
    void responder() throws Exception {
        authority = CertificateAuthority.root("OCSP Monitor CA");
        responder = OcspResponder.start(authority);
        certificate = authority.issueServer(CertificateSpec.subject("CN=localhost").withDnsNames("localhost")
                .withMustStaple().withOcspUrls(responder.url()));
    }

    @AfterEach
    void stop() {
        if (monitor != null) {
            monitor.stop();
        }
        responder.close();
    }

    @Test
    void theHandshakeCarriesTheStatusInHand() throws Exception {
        monitor = OcspStapling.monitor(files(), null);
        ServerTls tls = ServerTlsFactory.build(files(), monitor);
        Handshake handshake = new Handshake(tls.newHandler(ByteBufAllocator.DEFAULT),
                SslContextBuilder.forClient().sslProvider(SslProvider.OPENSSL).enableOcsp(true)
                        .trustManager(authority.certificate()).build().newHandler(ByteBufAllocator.DEFAULT,
                                "localhost", 4222));
        try {
            handshake.run();

            assertThat(handshake.client().isSuccess()).isTrue();
            assertThat(((ReferenceCountedOpenSslEngine) handshake.clientEngine()).getOcspResponse())
                    .isEqualTo(monitor.staple());
        } finally {
            handshake.close();
        }
    }

    @Test
    void theStatusIsAskedAgainAtHalfTheTimeToItsNextUpdate() throws Exception {
        responder.validFor(Duration.ofSeconds(4));
        monitor = OcspStapling.monitor(files(), null);
        byte[] first = monitor.staple();

        monitor.start(() -> { });

        await(() -> responder.requests() >= 3 && !Arrays.equals(first, monitor.staple()));
        assertThat(monitor.status()).isEqualTo(OcspResponse.Status.GOOD);
    }

    @Test
    void nextRunIsHalfTheTimeLeftADayWithoutNextUpdateAndTwoMinutesOncePast() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);

        assertThat(monitorAt(clock, now.plus(Duration.ofMinutes(30))).nextRun()).isEqualTo(Duration.ofMinutes(15));
        assertThat(monitorAt(clock, null).nextRun()).isEqualTo(Duration.ofHours(24));
        assertThat(monitorAt(clock, now.minusSeconds(1)).nextRun()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aRevocationStopsTheServerInAlwaysMode() throws Exception {
        CountDownLatch shutdown = startedWithShortResponses(new OcspSettings(OcspMode.ALWAYS, List.of()));

        responder.revoke(certificate);

        assertThat(shutdown.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(monitor.status()).isEqualTo(OcspResponse.Status.REVOKED);
    }

    @Test
    void anUnknownStatusInAutoModeIsStapledAndTheServerStaysUp() throws Exception {
        CountDownLatch shutdown = startedWithShortResponses(null);

        responder.unknown(certificate);

        await(() -> monitor.status() == OcspResponse.Status.UNKNOWN);
        assertThat(monitor.staple()).as("stapled while valid, as nats-server staples it").isNotNull();
        int asked = responder.requests();
        // The refresh came every two seconds; nats-server stops asking at a status that is not good.
        assertThat(shutdown.await(5, TimeUnit.SECONDS)).isFalse();
        assertThat(responder.requests()).isEqualTo(asked);
    }

    @Test
    void anUnreachableResponderLeavesTheStapleUntilItExpires() throws Exception {
        CountDownLatch shutdown = startedWithShortResponses(new OcspSettings(OcspMode.ALWAYS, List.of()));

        responder.close();

        await(() -> monitor.staple() == null);
        assertThat(monitor.status()).isEqualTo(OcspResponse.Status.GOOD);
        assertThat(shutdown.getCount()).as("no status is no revocation").isOne();
    }

    /** Starts a monitor on responses valid for four seconds (asked again every two); counts down at a shutdown. */
    private CountDownLatch startedWithShortResponses(OcspSettings ocsp) throws Exception {
        responder.validFor(Duration.ofSeconds(4));
        monitor = OcspStapling.monitor(files(), ocsp);
        CountDownLatch shutdown = new CountDownLatch(1);
        monitor.start(shutdown::countDown);
        return shutdown;
    }

    private OcspMonitor monitorAt(Clock clock, Instant nextUpdate) {
        OcspStapling.Target target = new OcspStapling.Target(certificate.certificate(), authority.certificate(),
                List.of(), "c.pem", false);
        return new OcspMonitor(target, OcspFetcher.create(), clock, new OcspResponse(new byte[0],
                OcspResponse.Status.GOOD, clock.instant().minusSeconds(60), nextUpdate));
    }

    private TlsSettings files() {
        certificate.writeCertificate(directory.resolve("cert.pem"));
        certificate.writeKey(directory.resolve("key.pem"));
        authority.asIssued().writeCertificate(directory.resolve("ca.pem"));
        return TlsSettings.ofFiles(directory.resolve("cert.pem").toString(), directory.resolve("key.pem").toString(),
                directory.resolve("ca.pem").toString(), false);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within %s", WAIT).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
