package io.natrium.adapter.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.application.settings.CertStoreSettings;
import io.natrium.application.settings.TlsCertificatePair;
import io.natrium.application.settings.TlsCertificateSettings;
import io.natrium.application.settings.TlsCipherSettings;
import io.natrium.application.settings.TlsHandshakeSettings;
import io.natrium.application.settings.TlsSettings;
import io.natrium.application.settings.TlsVerifySettings;
import io.natrium.testkit.tls.AlwaysPresentingKeyManager;
import io.natrium.testkit.tls.CertificateAuthority;
import io.natrium.testkit.tls.CertificateSpec;
import io.natrium.testkit.tls.IssuedCertificate;
import io.natrium.testkit.tls.KeyFormat;
import io.natrium.testkit.tls.KeyKind;
import io.natrium.testkit.tls.TlsFiles;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.ReferenceCountUtil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SNIHostName;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The context a {@code tls} block builds: what handshakes it allows, and nats-server's words when it cannot be built.
 * On BoringSSL, which serves wherever it loads; {@link JsseServerTlsFactoryTest} runs the same on the JSSE fallback.
 */
class ServerTlsFactoryTest {

    /** Whether the engines are to be BoringSSL's. */
    boolean onBoringSsl() {
        return true;
    }

    @Test
    void theEnginesAreTheProvidersExpected() throws Exception {
        SslHandler handler = build(files(false)).newHandler(ByteBufAllocator.DEFAULT);

        assertThat(handler.engine() instanceof ReferenceCountedOpenSslEngine).isEqualTo(onBoringSsl());
        ReferenceCountUtil.release(handler.engine());
    }

    @TempDir
    Path directory;
    private TlsFiles files;

    @BeforeEach
    void certificates() {
        files = TlsFiles.create(directory);
    }

    @Test
    void handshakesWithTls13AndTheAes128SuiteGoPrefers() throws Exception {
        Handshake handshake = handshake(build(files(false)), client(null, null)).run();

        assertThat(handshake.server().isSuccess()).isTrue();
        assertThat(TlsStates.of(handshake.serverHandler(), false).version()).isEqualTo("1.3");
        assertThat(TlsStates.of(handshake.serverHandler(), false).cipherSuite()).isEqualTo("TLS_AES_128_GCM_SHA256");
        assertThat(TlsStates.of(handshake.serverHandler(), false).peerCertificates()).isEmpty();
        assertThat(TlsStates.of(handshake.serverHandler(), false).verifiedChains()).isEmpty();
        handshake.close();
    }

    @Test
    void readsRsaKeysInPkcs1AndEcKeysInSec1AsGoDoes() throws Exception {
        CertificateAuthority authority = files.authority();
        IssuedCertificate rsa = authority.issueServer(CertificateSpec.subject("CN=rsa").withKey(KeyKind.RSA_2048));
        IssuedCertificate ec = authority.issueServer(CertificateSpec.subject("CN=ec").withKey(KeyKind.EC_P384));
        for (IssuedCertificate certificate : List.of(rsa, ec)) {
            Path cert = certificate.writeCertificate(directory.resolve("c.pem"));
            Path key = certificate.writeKey(directory.resolve("k.pem"), KeyFormat.TRADITIONAL);
            ServerTls tls = ServerTlsFactory.build(TlsSettings.ofFiles(cert.toString(), key.toString(), null, false));

            Handshake handshake = handshake(tls, client(null, null)).run();
            assertThat(handshake.client().isSuccess()).as(certificate.certificate().getSubjectX500Principal()
                    .getName()).isTrue();
            handshake.close();
        }
    }

    @Test
    void verifyRequiresAClientCertificateFromTheCaFile() throws Exception {
        ServerTls tls = build(files(true));

        Handshake without = handshake(tls, client(null, null)).run();
        assertThat(without.server().isSuccess()).isFalse();
        assertThat(GoTlsErrors.describe(without.server().cause(), null, null))
                .isEqualTo("tls: client didn't provide a certificate");
        without.close();

        IssuedCertificate stranger = CertificateAuthority.root("Stranger").client("CN=stranger");
        Handshake foreign = handshake(tls, client(stranger, null)).run();
        assertThat(foreign.server().isSuccess()).isFalse();
        assertThat(GoTlsErrors.describe(foreign.server().cause(), null, null))
                .isEqualTo("tls: failed to verify client certificate: x509: certificate signed by unknown authority");
        foreign.close();

        Handshake trusted = handshake(tls, client(files.client(), null)).run();
        assertThat(trusted.server().isSuccess()).isTrue();
        assertThat(TlsStates.of(trusted.serverHandler(), false).peerCertificates()).singleElement().satisfies(peer -> {
            assertThat(peer.subject()).isEqualTo("CN=client,O=Natrium");
            assertThat(peer.certSha256()).isEqualTo(files.client().sha256());
            assertThat(peer.spkiSha256()).isEqualTo(files.client().spkiSha256());
        });
        // As Go's VerifiedChains: the client's certificate, then the ca_file authority it did not send.
        assertThat(TlsStates.of(trusted.serverHandler(), false).verifiedChains()).containsExactly(List.of(
                VerifiedChains.pem(files.client().certificate()), VerifiedChains.pem(files.authority().certificate())));
        trusted.close();
    }

    @Test
    void anExpiredClientCertificateIsRefused() throws Exception {
        IssuedCertificate expired = files.authority().issueClient(CertificateSpec.subject("CN=old").expired());

        Handshake handshake = handshake(build(files(true)), client(expired, null)).run();

        assertThat(handshake.server().isSuccess()).isFalse();
        assertThat(GoTlsErrors.describe(handshake.server().cause(), null, null))
                .startsWith("tls: failed to verify client certificate: x509: certificate has expired or is not yet "
                        + "valid");
        handshake.close();
    }

    @Test
    void configuredSuitesApplyToTls12AndGoNamesComeBack() throws Exception {
        TlsSettings settings = withCiphers(files(false), List.of("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"), null);

        Handshake handshake = handshake(build(settings), client(null, "TLSv1.2")).run();

        assertThat(handshake.server().isSuccess()).isTrue();
        assertThat(TlsStates.of(handshake.serverHandler(), false).version()).isEqualTo("1.2");
        assertThat(TlsStates.of(handshake.serverHandler(), false).cipherSuite())
                .isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        handshake.close();
    }

    @Test
    void minVersionThirteenRefusesATls12Client() throws Exception {
        Handshake handshake = handshake(build(withCiphers(files(false), List.of(), "1.3")), client(null, "TLSv1.2"))
                .run();

        assertThat(handshake.server().isSuccess()).isFalse();
        assertThat(GoTlsErrors.describe(handshake.server().cause(), null, null))
                .isEqualTo("tls: client offered only unsupported versions");
        handshake.close();
    }

    @Test
    void certsAreChosenByTheServerNameTheClientAsks() throws Exception {
        IssuedCertificate alpha = files.authority().server("alpha", "alpha.example.com");
        IssuedCertificate beta = files.authority().server("beta", "*.beta.example.com");
        List<TlsCertificatePair> pairs = List.of(
                pair(alpha, "alpha"), pair(beta, "beta"));
        TlsSettings settings = new TlsSettings(new TlsCertificateSettings(null, null, null, pairs),
                new TlsVerifySettings(false, false, false, false, Set.of()),
                new TlsCipherSettings(List.of(), List.of(), false, null), TlsHandshakeSettings.defaults(),
                CertStoreSettings.none(), null);
        ServerTls tls = build(settings);

        assertThat(presented(tls, "x.beta.example.com")).isEqualTo(beta.certificate());
        assertThat(presented(tls, "alpha.example.com")).isEqualTo(alpha.certificate());
        assertThat(presented(tls, "unknown.example.com")).as("the first without a match").isEqualTo(alpha.certificate());
        assertThat(presented(tls, null)).isEqualTo(alpha.certificate());
    }

    @Test
    void missingAndBrokenFilesFailInNatsServersWords() throws Exception {
        String cert = files.serverCert().toString();
        String key = files.serverKey().toString();
        Path garbage = Files.writeString(directory.resolve("garbage.pem"), "garbage\n");

        assertThat(failure(TlsSettings.ofFiles(directory + "/nope.pem", key, null, false)))
                .isEqualTo("error parsing X509 certificate/key pair: open " + directory
                        + "/nope.pem: no such file or directory");
        assertThat(failure(TlsSettings.ofFiles(cert, garbage.toString(), null, false)))
                .isEqualTo("error parsing X509 certificate/key pair: tls: failed to find any PEM data in key input");
        assertThat(failure(TlsSettings.ofFiles(garbage.toString(), key, null, false)))
                .isEqualTo("error parsing X509 certificate/key pair: tls: failed to find any PEM data in certificate "
                        + "input");
        assertThat(failure(TlsSettings.ofFiles(key, cert, null, false)))
                .isEqualTo("error parsing X509 certificate/key pair: tls: failed to find certificate PEM data in "
                        + "certificate input, but did find a private key; PEM inputs may have been switched");
        assertThat(failure(TlsSettings.ofFiles(cert, cert, null, false)))
                .isEqualTo("error parsing X509 certificate/key pair: tls: found a certificate rather than a key in "
                        + "the PEM for the private key");
        assertThat(failure(TlsSettings.ofFiles(cert, files.clientKey().toString(), null, false)))
                .isEqualTo("error parsing X509 certificate/key pair: tls: private key does not match public key");
        assertThat(failure(TlsSettings.ofFiles(cert, directory.toString(), null, false)))
                .isEqualTo("error parsing X509 certificate/key pair: read " + directory + ": is a directory");
        assertThat(failure(TlsSettings.ofFiles(cert, key, "nope.pem", true)))
                .isEqualTo("open nope.pem: no such file or directory");
        assertThat(failure(TlsSettings.ofFiles(cert, key, garbage.toString(), true)))
                .isEqualTo("failed to parse root ca certificate");
        assertThat(failure(TlsSettings.ofFiles(cert, null, null, false)))
                .isEqualTo("missing 'key_file' in TLS configuration");
        assertThat(failure(TlsSettings.ofFiles(null, key, null, false)))
                .isEqualTo("missing 'cert_file' in TLS configuration");
    }

    @Test
    void aBrokenCertificatePairIsNumberedAsCurrentNatsServerNumbersIt() {
        TlsSettings settings = new TlsSettings(new TlsCertificateSettings(null, null, null, List.of(
                new TlsCertificatePair(files.serverCert().toString(), files.serverKey().toString()),
                new TlsCertificatePair(directory + "/nope.pem", files.serverKey().toString()))),
                new TlsVerifySettings(false, false, false, false, Set.of()),
                new TlsCipherSettings(List.of(), List.of(), false, null), TlsHandshakeSettings.defaults(),
                CertStoreSettings.none(), null);

        assertThat(failure(settings)).isEqualTo("error parsing X509 certificate/key pair 2/2: open " + directory
                + "/nope.pem: no such file or directory");
    }

    private TlsCertificatePair pair(IssuedCertificate certificate, String name) {
        return new TlsCertificatePair(certificate.writeCertificate(directory.resolve(name + "-cert.pem")).toString(),
                certificate.writeKey(directory.resolve(name + "-key.pem")).toString());
    }

    private static X509Certificate presented(ServerTls tls, String serverName) throws Exception {
        SslContext context = SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE)
                .endpointIdentificationAlgorithm(null).build();
        SSLEngine engine = context.newEngine(ByteBufAllocator.DEFAULT, serverName == null ? null : serverName, 4222);
        if (serverName != null) {
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(serverName)));
            engine.setSSLParameters(parameters);
        }
        Handshake handshake = handshake(tls, new SslHandler(engine)).run();
        try {
            assertThat(handshake.client().isSuccess()).isTrue();
            return (X509Certificate) engine.getSession().getPeerCertificates()[0];
        } finally {
            handshake.close();
        }
    }

    private TlsSettings files(boolean verify) {
        return TlsSettings.ofFiles(files.serverCert().toString(), files.serverKey().toString(),
                files.caFile().toString(), verify);
    }

    private static TlsSettings withCiphers(TlsSettings settings, List<String> ciphers, String minVersion) {
        return new TlsSettings(settings.certificates(), settings.verify(),
                new TlsCipherSettings(ciphers, List.of(), false, minVersion), settings.handshake(),
                settings.certStore(), null);
    }

    private static ServerTls build(TlsSettings settings) throws TlsSetupException {
        return ServerTlsFactory.build(settings);
    }

    /** Why the block is refused, by the configuration's check and, in the same words, by the listener's build. */
    private static String failure(TlsSettings settings) {
        String checked = null;
        try {
            ServerTlsFactory.check(settings);
        } catch (TlsSetupException e) {
            checked = e.getMessage();
        }
        try {
            ServerTlsFactory.build(settings);
        } catch (TlsSetupException e) {
            assertThat(checked).as("the configuration's check of " + settings).isEqualTo(e.getMessage());
            return e.getMessage();
        }
        throw new AssertionError("built " + settings);
    }

    private static Handshake handshake(ServerTls tls, SslHandler client) {
        return new Handshake(tls.newHandler(ByteBufAllocator.DEFAULT), client);
    }

    private SslHandler client(IssuedCertificate certificate, String protocol) throws Exception {
        SslContextBuilder builder = SslContextBuilder.forClient().trustManager(files.authority().certificate())
                .endpointIdentificationAlgorithm(null);
        if (certificate != null) {
            // Presented whatever CAs the server names, as Go and OpenSSL clients do (JSSE would hold it back).
            builder.keyManager(new AlwaysPresentingKeyManager(certificate));
        }
        if (protocol != null) {
            builder.protocols(protocol);
        }
        return builder.build().newHandler(ByteBufAllocator.DEFAULT);
    }
}
