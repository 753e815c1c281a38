package io.natrium.adapter.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.settings.TlsCipherSettings;
import io.natrium.application.settings.TlsSettings;
import io.natrium.testkit.tls.TlsFiles;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code curve_preferences} on BoringSSL, which takes them per listener (JSSE on Java 17 only process-wide, which a
 * test cannot change without changing every other test's): a client offering none of them is refused in Go's words.
 */
class CurvePreferencesTest {

    @TempDir
    Path directory;

    @Test
    void onlyThePreferredCurvesAreAgreed() throws Exception {
        assertThat(BoringSsl.serves()).as("BoringSSL serves on this platform").isTrue();
        TlsFiles files = TlsFiles.create(directory);
        TlsSettings plain = TlsSettings.ofFiles(files.serverCert().toString(), files.serverKey().toString(), null,
                false);
        ServerTls tls = ServerTlsFactory.build(new TlsSettings(plain.certificates(), plain.verify(),
                new TlsCipherSettings(List.of(), List.of("CurveP384"), false, null), plain.handshake(),
                plain.certStore(), null));

        Handshake refused = new Handshake(tls.newHandler(ByteBufAllocator.DEFAULT), client(files, "X25519")).run();
        assertThat(refused.server().isSuccess()).isFalse();
        assertThat(GoTlsErrors.describe(refused.server().cause(), null, null))
                .isEqualTo("tls: no ECDHE curve supported by both client and server");
        refused.close();

        Handshake agreed = new Handshake(tls.newHandler(ByteBufAllocator.DEFAULT), client(files, "X25519", "P-384"))
                .run();
        assertThat(agreed.server().isSuccess()).isTrue();
        agreed.close();
    }

    private static SslHandler client(TlsFiles files, String... groups) throws Exception {
        return SslContextBuilder.forClient().sslProvider(SslProvider.OPENSSL)
                .option(OpenSslContextOption.GROUPS, groups).trustManager(files.authority().certificate())
                .endpointIdentificationAlgorithm(null).build().newHandler(ByteBufAllocator.DEFAULT);
    }
}
