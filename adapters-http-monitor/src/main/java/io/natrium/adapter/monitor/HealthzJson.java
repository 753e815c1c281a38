package io.natrium.adapter.monitor;

import java.util.List;

/** nats-server's {@code HealthStatus}; over HTTP the status code is the response's, not a field. */
record HealthzJson(String status, @OmitEmpty int statusCode, @OmitEmpty String error,
        @OmitEmpty List<Issue> errors) {

    /** nats-server's {@code HealthzError}. */
    record Issue(String type, @OmitEmpty String account, @OmitEmpty String stream, @OmitEmpty String consumer,
            @OmitEmpty String error) {
    }
}
