package io.natrium.adapter.tls;

import io.natrium.application.settings.OcspPeerSettings;
import io.natrium.application.settings.TlsCertificatePair;
import io.natrium.application.settings.TlsCertificateSettings;
import io.natrium.application.settings.TlsSettings;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLException;

/**
 * Builds a listener's {@link ServerTls} from its {@code tls} block as nats-server's {@code GenTLSConfig} builds a
 * {@code tls.Config}: the certificate and key (or the {@code certs} list, chosen by SNI), client certificates
 * required and checked against {@code ca_file} with {@code verify}, TLS 1.2 or later ({@code min_version}), Go's
 * default suites unless {@code cipher_suites} names others, {@code curve_preferences}. Every error reads as
 * nats-server's. BoringSSL ({@link BoringSsl}) is the provider where it loads, for its handshake costs a fraction
 * of JSSE's; JSSE where it does not, unless a certificate is to be stapled (only BoringSSL staples).
 */
public final class ServerTlsFactory {

    /** nats-server's {@code certidp.ErrMTLSRequired}. */
    static final String MTLS_REQUIRED = "OCSP peer verification for client connections requires TLS verify (mTLS) "
            + "to be enabled";

    private ServerTlsFactory() {
    }

    /**
     * The configuration's check of a block: what {@link #build} refuses (the files, {@code ocsp_peer} without
     * {@code verify}, a curve this runtime lacks), without making a TLS context. The listener makes the one it
     * serves with; BoringSSL's first context costs a start ~0.4 s of CPU (its native library, Netty's probes of it
     * and of the JDK's TLS), which {@link BoringSsl#prepareInBackground()} takes off the start's path.
     *
     * @throws TlsSetupException with nats-server's message
     */
    public static void check(TlsSettings settings) throws TlsSetupException {
        if (settings.ocspPeer() != null && settings.ocspPeer().verify() && !settings.verify().verify()) {
            throw new TlsSetupException(MTLS_REQUIRED);
        }
        certificates(settings.certificates());
        authorities(settings.certificates().caFile());
        NamedGroups.of(settings.ciphers().curvePreferences(), false);
    }

    /** @throws TlsSetupException with nats-server's message when a file is missing or wrong */
    public static ServerTls build(TlsSettings settings) throws TlsSetupException {
        return build(settings, null);
    }

    /**
     * A listener's TLS that staples what {@code stapling} holds, when it is not null.
     *
     * @throws TlsSetupException with nats-server's message when a file is missing or wrong, or Natrium's when a
     *                           staple is asked for and BoringSSL cannot load
     */
    public static ServerTls build(TlsSettings settings, OcspMonitor stapling) throws TlsSetupException {
        return build(settings, stapling, OcspPeerVerifier.standalone());
    }

    /**
     * As {@link #build(TlsSettings, OcspMonitor)}, client certificates checked by {@code peers} when the block has
     * {@code ocsp_peer} (which, as in nats-server, needs {@code verify}).
     *
     * @throws TlsSetupException also with nats-server's words when {@code ocsp_peer} comes without {@code verify}
     */
    public static ServerTls build(TlsSettings settings, OcspMonitor stapling, OcspPeerVerifier peers)
            throws TlsSetupException {
        OcspPeerSettings ocspPeer = settings.ocspPeer() != null && settings.ocspPeer().verify()
                ? settings.ocspPeer() : null;
        if (ocspPeer != null && !settings.verify().verify()) {
            throw new TlsSetupException(MTLS_REQUIRED);
        }
        List<CertifiedKey> certificates = certificates(settings.certificates());
        List<X509Certificate> authorities = authorities(settings.certificates().caFile());
        boolean boring = stapling != null || BoringSsl.serves();
        List<String> groups = NamedGroups.of(settings.ciphers().curvePreferences(), !boring);
        // A stapling nats-server serves its first certificate to every client, SNI or not: its staple is for it.
        SniKeyManager keys = new SniKeyManager(stapling == null ? certificates : certificates.subList(0, 1));
        SslContextBuilder builder = boring ? SslContextBuilder.forServer(SniKeyManagerFactory.caching(keys))
                : SslContextBuilder.forServer(keys);
        if (boring) {
            String unavailable = stapling == null ? null : BoringSsl.unavailability();
            if (unavailable != null) {
                throw new TlsSetupException(OcspStapling.refusal(stapling.certFile(), unavailable));
            }
            builder.sslProvider(SslProvider.OPENSSL).enableOcsp(stapling != null);
            if (!groups.isEmpty()) {
                builder.option(OpenSslContextOption.GROUPS, NamedGroups.openSslNames(groups));
            }
        } else {
            builder.sslProvider(SslProvider.JDK);
        }
        builder.protocols(protocols(settings.ciphers().minVersion()))
                .ciphers(GoCipherSuites.enabled(settings.ciphers().cipherSuites()),
                        SupportedCipherSuiteFilter.INSTANCE);
        if (settings.verify().verify()) {
            builder.clientAuth(ClientAuth.REQUIRE);
            if (ocspPeer != null) {
                builder.trustManager(peerTrust(authorities, peers, ocspPeer));
                if (boring) {
                    // BoringSSL then runs the trust decision as a task too, off the event loop.
                    builder.option(OpenSslContextOption.USE_TASKS, true);
                }
            } else if (!authorities.isEmpty()) {
                builder.trustManager(authorities);
            }
        }
        try {
            return new ServerTls(settings, builder.build(), boring ? List.of() : groups,
                    settings.verify().verify() ? authorities : List.of(), stapling,
                    ocspPeer == null ? null : peers.handshakeTasks());
        } catch (SSLException | IllegalArgumentException e) {
            throw new TlsSetupException("error creating TLS context: " + e.getMessage(), e);
        }
    }

    private static OcspPeerTrustManager peerTrust(List<X509Certificate> authorities, OcspPeerVerifier peers,
            OcspPeerSettings settings) throws TlsSetupException {
        try {
            return OcspPeerTrustManager.of(authorities, peers, settings);
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("error creating TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * The server's certificates: {@code cert_file}/{@code key_file}, or each pair of {@code certs}. nats-server
     * starts without any and fails every handshake; Natrium refuses to start instead, so a TLS port is never one
     * no client can use.
     */
    private static List<CertifiedKey> certificates(TlsCertificateSettings files) throws TlsSetupException {
        boolean cert = files.certFile() != null && !files.certFile().isEmpty();
        boolean key = files.keyFile() != null && !files.keyFile().isEmpty();
        if (cert && !key) {
            throw new TlsSetupException("missing 'key_file' in TLS configuration");
        }
        if (!cert && key) {
            throw new TlsSetupException("missing 'cert_file' in TLS configuration");
        }
        if (cert) {
            return List.of(CertifiedKey.load(files.certFile(), files.keyFile()));
        }
        List<TlsCertificatePair> pairs = files.pairs();
        if (pairs.isEmpty()) {
            throw new TlsSetupException("missing 'cert_file' in TLS configuration");
        }
        List<CertifiedKey> loaded = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            try {
                loaded.add(CertifiedKey.load(pairs.get(i).certFile(), pairs.get(i).keyFile()));
            } catch (TlsSetupException e) {
                String cause = e.getCause() instanceof TlsSetupException inner ? inner.getMessage() : e.getMessage();
                throw new TlsSetupException("error parsing X509 certificate/key pair " + (i + 1) + "/" + pairs.size()
                        + ": " + cause, e);
            }
        }
        return loaded;
    }

    /** {@code ca_file}: Go's bare read error, or {@code failed to parse root ca certificate} without one. */
    static List<X509Certificate> authorities(String caFile) throws TlsSetupException {
        if (caFile == null || caFile.isEmpty()) {
            return List.of();
        }
        List<X509Certificate> authorities = CertifiedKey.parseAll(GoFiles.read(caFile));
        if (authorities.isEmpty()) {
            throw new TlsSetupException("failed to parse root ca certificate");
        }
        return authorities;
    }

    private static String[] protocols(String minVersion) {
        return "1.3".equals(minVersion) ? new String[] {"TLSv1.3"} : new String[] {"TLSv1.3", "TLSv1.2"};
    }
}
