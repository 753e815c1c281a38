package io.natrium.adapter.tls;

import io.natrium.application.settings.OcspPeerSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * nats-server's {@code certOCSPGood} for one certificate of a client's chain: a current cached response, else the
 * responder's (checked, then cached); the reason it is not good, or null when it is (or when a policy lets it pass).
 */
final class LinkCheck {

    private static final Logger LOG = LoggerFactory.getLogger(LinkCheck.class);
    private static final Duration DEFAULT_TTL = Duration.ofHours(1);

    private final OcspPeerVerifier.ChainLink link;
    private final OcspPeerSettings settings;
    private final OcspPeerCache cache;
    private final Clock clock;
    private final String subject;
    private final String fingerprint;

    LinkCheck(OcspPeerVerifier.ChainLink link, OcspPeerSettings settings, OcspPeerCache cache, Clock clock) {
        this.link = link;
        this.settings = settings;
        this.cache = cache;
        this.clock = clock;
        this.subject = OcspPeerVerifier.subject(link.leaf());
        this.fingerprint = OcspPeerVerifier.fingerprint(link.leaf());
    }

    String badReason() {
        LOG.debug("Checking OCSP peer cache for [{}], key [{}]", subject, fingerprint);
        OcspResponse response = null;
        boolean cachedRevocation = false;
        byte[] cached = cache.get(fingerprint);
        if (cached != null && cached.length > 0) {
            try {
                OcspResponse held = OcspResponses.parseSigned(cached, link.leaf(), link.issuer());
                if (!OcspResponses.delegationValid(cached, link.issuer())) {
                    LOG.debug("Invalid cached OCSP response for [{}] with fingerprint [{}]", subject, fingerprint);
                    cache.delete(fingerprint, true);
                } else {
                    if (current(held)) {
                        LOG.debug("Cached OCSP response is current, status [{}]", held.status());
                        response = held;
                    } else {
                        LOG.debug("Cached OCSP response is expired, status [{}]", held.status());
                        cache.delete(fingerprint, true);
                    }
                    cachedRevocation = held.status() == OcspResponse.Status.REVOKED;
                }
            } catch (OcspException e) {
                LOG.debug("Invalid cached OCSP response for [{}] with fingerprint [{}]", subject, fingerprint);
                cache.delete(fingerprint, true);
            }
        }
        if (response == null) {
            Fetched fetched = fetch(cachedRevocation);
            if (fetched.response == null) {
                return fetched.badReason;
            }
            response = fetched.response;
        }
        if (response.status() == OcspResponse.Status.REVOKED
                || (response.status() == OcspResponse.Status.UNKNOWN && !settings.unknownIsGood())) {
            LOG.warn("OCSP verify fail for [{}] with CA status [{}]", subject, response.status());
            return warnOnly("Invalid OCSP response status: " + response.status());
        }
        LOG.debug("OCSP verify pass for [{}]", subject);
        return null;
    }

    /** A response, or why there is none (null: a policy lets the certificate pass). */
    private record Fetched(OcspResponse response, String badReason) {
    }

    private Fetched fetch(boolean cachedRevocation) {
        byte[] raw;
        try {
            raw = OcspPeerFetch.fetch(link, settings.caTimeout());
        } catch (OcspException e) {
            return unreachable(e.getMessage(), cachedRevocation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable("interrupted", cachedRevocation);
        }
        if (raw.length == 0) {
            return unreachable("empty response", cachedRevocation);
        }
        OcspResponse fresh;
        try {
            fresh = OcspResponses.parseSigned(raw, link.leaf(), link.issuer());
        } catch (OcspException e) {
            LOG.error("Could not parse OCSP CA response for [{}]: {}", subject, e.getMessage());
            return new Fetched(null, warnOnly("Failed OCSP response parse"));
        }
        if (!OcspResponses.delegationValid(raw, link.issuer())) {
            String invalid = "Invalid OCSP response delegation: " + subject;
            LOG.warn(invalid);
            return new Fetched(null, warnOnly(invalid));
        }
        if (!current(fresh)) {
            LOG.warn("New OCSP CA response obtained for [{}] but not current", subject);
            return new Fetched(null, warnOnly("OCSP response not in effectivity window"));
        }
        cache.put(fingerprint, fresh, subject);
        return new Fetched(fresh, null);
    }

    private Fetched unreachable(String error, boolean cachedRevocation) {
        LOG.warn("Attempt to obtain OCSP response from CA responder for [{}] failed: {}", subject, error);
        if (settings.warnOnly()) {
            LOG.warn("OCSP verify fail for [{}] but WarnOnly is true so allowing", subject);
            return new Fetched(null, null);
        }
        if (settings.allowWhenCaUnreachable() && !cachedRevocation) {
            LOG.warn("Failed to obtain OCSP CA response for [{}] but AllowWhenCAUnreachable set; no cached "
                    + "revocation so allowing", subject);
            return new Fetched(null, null);
        }
        if (settings.allowWhenCaUnreachable()) {
            LOG.warn("Failed to obtain OCSP CA response for [{}] but AllowWhenCAUnreachable set; cached revocation "
                    + "exists so rejecting", subject);
        }
        return new Fetched(null, "Failed OCSP response fetch");
    }

    /** With {@code warn_only} a bad status only warns. */
    private String warnOnly(String reason) {
        if (settings.warnOnly()) {
            LOG.warn("OCSP verify fail for [{}] but WarnOnly is true so allowing", subject);
            return null;
        }
        return reason;
    }

    /** nats-server's {@code OCSPResponseCurrent}: within the response's window, widened by the clock skew. */
    private boolean current(OcspResponse response) {
        Duration skew = settings.allowedClockSkew().isNegative() ? Duration.ofSeconds(30)
                : settings.allowedClockSkew();
        Instant now = clock.instant();
        if (response.nextUpdate() != null && response.nextUpdate().isBefore(now.minus(skew))) {
            LOG.debug("OCSP response NextUpdate [{}] is before now [{}] with clockskew [{}]", response.nextUpdate(),
                    now, skew);
            return false;
        }
        if (response.nextUpdate() == null) {
            Duration ttl = settings.ttlUnsetNextUpdate().isNegative() ? DEFAULT_TTL : settings.ttlUnsetNextUpdate();
            Instant expiry = response.thisUpdate().plus(ttl);
            if (expiry.isBefore(now.minus(skew))) {
                LOG.debug("OCSP response cache expiry [{}] is before now [{}] with clockskew [{}]", expiry, now,
                        skew);
                return false;
            }
        }
        if (response.thisUpdate().isAfter(now.plus(skew))) {
            LOG.debug("OCSP response ThisUpdate [{}] is before now [{}] with clockskew [{}]", response.thisUpdate(),
                    now, skew);
            return false;
        }
        return true;
    }
}
