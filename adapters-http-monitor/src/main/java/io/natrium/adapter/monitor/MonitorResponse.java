package io.natrium.adapter.monitor;

import java.nio.charset.StandardCharsets;

/**
 * What a monitoring endpoint answers, before it becomes HTTP.
 *
 * @param status the HTTP status
 * @param kind   how the body is labelled
 */
record MonitorResponse(int status, Kind kind, byte[] body) {

    static final int OK = 200;
    static final int BAD_REQUEST = 400;
    static final int NOT_FOUND = 404;
    static final int INTERNAL_SERVER_ERROR = 500;
    static final int SERVICE_UNAVAILABLE = 503;

    enum Kind {
        /** Through nats-server's {@code ResponseHandler}: JSON with CORS, or JSONP when a callback is named. */
        JSON,
        /** A JSONP answer, {@code callback(json)}, or the dashboard's script. */
        JAVASCRIPT,
        /** The dashboard's style sheet. */
        CSS,
        /** The Prometheus text exposition format, version 0.0.4. */
        PROMETHEUS,
        /** Plain text, as nats-server writes its 400 answers. */
        TEXT,
        HTML,
        /** Go's {@code http.NotFound}. */
        NOT_FOUND
    }

    static MonitorResponse json(byte[] body) {
        return new MonitorResponse(OK, Kind.JSON, body);
    }

    static MonitorResponse json(int status, byte[] body) {
        return new MonitorResponse(status, Kind.JSON, body);
    }

    static MonitorResponse badRequest(String text) {
        return new MonitorResponse(BAD_REQUEST, Kind.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    static MonitorResponse html(String page) {
        return new MonitorResponse(OK, Kind.HTML, page.getBytes(StandardCharsets.UTF_8));
    }

    static MonitorResponse ok(Kind kind, byte[] body) {
        return new MonitorResponse(OK, kind, body);
    }

    static MonitorResponse notFound() {
        return new MonitorResponse(NOT_FOUND, Kind.NOT_FOUND, "404 page not found\n".getBytes(StandardCharsets.UTF_8));
    }

    /** An endpoint failed: the client learns no more than that. */
    static MonitorResponse serverError() {
        return new MonitorResponse(INTERNAL_SERVER_ERROR, Kind.TEXT,
                "500 Internal Server Error".getBytes(StandardCharsets.UTF_8));
    }

    /** Too many requests are waiting for the monitoring worker. */
    static MonitorResponse unavailable() {
        return new MonitorResponse(SERVICE_UNAVAILABLE, Kind.TEXT,
                "503 Service Unavailable".getBytes(StandardCharsets.UTF_8));
    }

    /** This JSON wrapped as a JSONP call of {@code callback}. */
    MonitorResponse asJsonp(String callback) {
        byte[] prefix = (callback + "(").getBytes(StandardCharsets.UTF_8);
        byte[] wrapped = new byte[prefix.length + body.length + 1];
        System.arraycopy(prefix, 0, wrapped, 0, prefix.length);
        System.arraycopy(body, 0, wrapped, prefix.length, body.length);
        wrapped[wrapped.length - 1] = ')';
        return new MonitorResponse(status, Kind.JAVASCRIPT, wrapped);
    }
}
