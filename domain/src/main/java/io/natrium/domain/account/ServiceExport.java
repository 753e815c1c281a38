package io.natrium.domain.account;

import java.time.Duration;
import java.util.Objects;

/**
 * A service an account exports: importers' requests on subjects the filter matches are delivered in the exporting
 * account, and its responses travel back.
 *
 * @param subject           the exported subject filter
 * @param authorization     who may import it
 * @param responseType      how many responses a request gets
 * @param responseThreshold how long the exporter may take to respond before the reply mapping is dropped;
 *                          {@link #DEFAULT_RESPONSE_THRESHOLD} when given null or zero
 * @param latency           latency tracking; null for none
 * @param allowTrace        true to let message traces continue into the exporting account
 */
public record ServiceExport(String subject, ExportAuthorization authorization, ResponseType responseType,
        Duration responseThreshold, ServiceLatency latency, boolean allowTrace) {

    /** nats-server's {@code DEFAULT_SERVICE_EXPORT_RESPONSE_THRESHOLD}. */
    public static final Duration DEFAULT_RESPONSE_THRESHOLD = Duration.ofMinutes(2);

    public ServiceExport {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(responseType, "responseType");
        if (responseThreshold == null || responseThreshold.isZero()) {
            responseThreshold = DEFAULT_RESPONSE_THRESHOLD;
        }
    }

    /** A public singleton service with the default threshold and no latency tracking. */
    public static ServiceExport open(String subject) {
        return new ServiceExport(subject, ExportAuthorization.PUBLIC, ResponseType.SINGLETON, null, null, false);
    }

    /**
     * This export after the same subject is exported again with {@code later}, as nats-server updates its one entry
     * per subject: the authorizations merge, a non-singleton response type, a latency and an allowed trace are taken
     * over, and the threshold is the later one's.
     */
    ServiceExport mergedWith(ServiceExport later) {
        return new ServiceExport(subject, authorization.mergedWith(later.authorization),
                later.responseType != ResponseType.SINGLETON ? later.responseType : responseType,
                later.responseThreshold, later.latency != null ? later.latency : latency,
                allowTrace || later.allowTrace);
    }
}
