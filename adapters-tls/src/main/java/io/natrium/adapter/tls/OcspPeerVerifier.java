package io.natrium.adapter.tls;

import io.natrium.application.port.out.OcspPeerCacheReport;
import io.natrium.application.port.out.OcspPeerEvent;
import io.natrium.application.settings.OcspCacheSettings;
import io.natrium.application.settings.OcspPeerSettings;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * nats-server's OCSP peer check ({@code ocsp_peer}, {@code server/ocsp_peer.go}) of a verified client chain: valid
 * when it is the self-signed certificate alone, when none of its certificates below the root names an http(s) OCSP
 * responder, or when every one that does has a current good status (from the cache, else from its responder, then
 * cached); {@code unknown_is_good}, {@code warn_only} and {@code allow_when_ca_unreachable} as nats-server reads
 * them, in its log lines. One per server: the cache and the events are shared by every listener that checks.
 * The checks block on the responders, so handshakes that need them run on {@link #handshakeTasks()}, not on an
 * event loop.
 */
public final class OcspPeerVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(OcspPeerVerifier.class);
    static final String KIND = "Client";

    /** Replaced whole by a reload, as nats-server's {@code reloadOCSP} builds its cache anew. */
    private volatile OcspPeerCache cache;
    private final OcspPeerEvents events;
    private final Clock clock;
    private final ExecutorService tasks = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ocsp-peer-handshake");
        thread.setDaemon(true);
        return thread;
    });

    public OcspPeerVerifier(OcspPeerCache cache, OcspPeerEvents events, Clock clock) {
        this.cache = cache;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A verifier without cache or events, for a configuration's check and for a listener built without the
     * server's: its checks are made all the same.
     */
    public static OcspPeerVerifier standalone() {
        return Standalone.INSTANCE;
    }

    private static final class Standalone {
        static final OcspPeerVerifier INSTANCE = new OcspPeerVerifier(new NoOcspPeerCache(), OcspPeerEvents.NONE,
                Clock.systemUTC());
    }

    public OcspPeerCache cache() {
        return cache;
    }

    /**
     * A reload's cache, as nats-server's {@code reloadOCSP} makes it whatever changed: the running one saved and
     * stopped, then one built from {@code settings} and started (reading its store) when some listener checks
     * peers ({@code checks}); its counters start again from what its store holds.
     */
    public synchronized void restartCache(OcspCacheSettings settings, boolean checks) {
        if (cache.online()) {
            cache.stop();
        }
        if (checks) {
            OcspPeerCache next = OcspPeerCache.of(settings);
            next.start();
            cache = next;
        }
    }

    /**
     * /varz {@code ocsp_peer_cache}: as nats-server, shown while a cache that keeps responses is online (null
     * otherwise).
     */
    public OcspPeerCacheReport.Counters cacheCounters() {
        if (!cache.online() || "none".equals(cache.type())) {
            return null;
        }
        OcspPeerCacheStats stats = cache.stats();
        return new OcspPeerCacheReport.Counters(cache.type(), stats.hits(), stats.misses(), stats.responses(),
                stats.revokes(), stats.goods(), stats.unknowns());
    }

    /** Where handshakes whose trust decision may ask a responder run their blocking steps. */
    ExecutorService handshakeTasks() {
        return tasks;
    }

    /** Throws nats-server's rejection (and publishes the event) when the chain is not OCSP valid. */
    void check(List<X509Certificate> chain, OcspPeerSettings settings) throws OcspPeerRejection {
        if (!valid(chain, settings)) {
            events.publish(new OcspPeerEvent(null, clock.instant(), KIND, null, describe(chain.get(0)), null,
                    OcspPeerRejection.CLIENT));
            throw new OcspPeerRejection();
        }
    }

    boolean valid(List<X509Certificate> chain, OcspPeerSettings settings) {
        LOG.debug("Peer OCSP enabled: 1 TLS client chain(s) will be evaluated");
        if (chain.isEmpty()) {
            LOG.error("Peer certificate is nil, rejecting OCSP peer");
            return false;
        }
        LOG.debug("Chain [0]: {} total link(s)", chain.size());
        if (chain.size() == 1) {
            LOG.debug("Chain [0] is self-signed, thus peer is valid");
            return true;
        }
        List<ChainLink> eligible = new ArrayList<>();
        for (int at = 0; at < chain.size() - 1; at++) {
            List<String> responders = webResponders(chain.get(at));
            if (!responders.isEmpty()) {
                eligible.add(new ChainLink(chain.get(at), chain.get(at + 1), responders));
            }
        }
        if (eligible.isEmpty()) {
            LOG.debug("Chain [0] has no OCSP eligible links, thus peer is valid");
            return true;
        }
        LOG.debug("Chain [0] has {} OCSP eligible link(s)", eligible.size());
        for (ChainLink link : eligible) {
            String bad = new LinkCheck(link, settings, cache, clock).badReason();
            if (bad != null) {
                LOG.debug(bad);
                events.publish(new OcspPeerEvent(null, clock.instant(), null, describe(link.leaf()),
                        describe(chain.get(0)), null, bad));
                LOG.debug("No OCSP valid chains, thus peer is invalid");
                return false;
            }
        }
        LOG.debug("Chain [0] is OCSP valid for all eligible links, thus peer is valid");
        return true;
    }

    /** The certificate's responders that nats-server would ask: http and https URLs only. */
    private static List<String> webResponders(X509Certificate certificate) {
        return AuthorityInformationAccess.ocspUrls(certificate).stream()
                .filter(url -> url.startsWith("http://") || url.startsWith("https://")).toList();
    }

    /** A certificate of the chain, the one above it, and its responders. */
    record ChainLink(X509Certificate leaf, X509Certificate issuer, List<String> responders) {
    }

    /** nats-server's {@code certidp.CertInfo} of a certificate. */
    static OcspPeerEvent.Certificate describe(X509Certificate certificate) {
        try {
            return new OcspPeerEvent.Certificate(subject(certificate), issuer(certificate),
                    fingerprint(certificate), certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** nats-server's {@code GenerateFingerprint}: the base64 SHA-256 of the certificate, the cache's key. */
    static String fingerprint(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** nats-server's {@code GetSubjectDNForm}, for logs and events only. */
    static String subject(X509Certificate certificate) {
        return GoDistinguishedName.rdnSequence(certificate.getSubjectX500Principal());
    }

    /** nats-server's {@code GetIssuerDNForm}. */
    static String issuer(X509Certificate certificate) {
        return GoDistinguishedName.rdnSequence(certificate.getIssuerX500Principal());
    }
}
