package io.natrium.adapter.monitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One file of the dashboard (its script or style sheet), read from the jar once, when the server starts, so a
 * missing file fails the start rather than a page load. Not counted in {@code http_req_stats}: nats-server's
 * statistics are per endpoint, and these files belong to {@code /}.
 */
final class DashboardAsset implements Endpoint {

    /** Where the dashboard's files sit on the class path, relative to this package. */
    private static final String FOLDER = "dashboard/";

    private final MonitorResponse response;

    DashboardAsset(String fileName, MonitorResponse.Kind kind) {
        this.response = MonitorResponse.ok(kind, read(fileName));
    }

    @Override
    public MonitorResponse respond(MonitorRequest request) {
        return response;
    }

    /** The bytes of a file of the dashboard folder. */
    static byte[] read(String fileName) {
        try (InputStream in = DashboardAsset.class.getResourceAsStream(FOLDER + fileName)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard file " + fileName + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
