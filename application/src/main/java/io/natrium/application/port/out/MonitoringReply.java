package io.natrium.application.port.out;

/** What a monitoring request service answers, before the system account wraps it with the server. */
public sealed interface MonitoringReply {

    /** The data: the endpoint's JSON, compact; null for a reply without data (RELOAD, KICK, LDM). */
    record Data(String json) implements MonitoringReply {
    }

    /**
     * An error in place of the data: 400 when the options could not be decoded, 500 when the query failed, with
     * nats-server's description. nats-server writes {@code "data":null} beside the error of a failed query (its
     * typed nil), and no data beside others.
     */
    record Failed(int code, String description, boolean nullData) implements MonitoringReply {

        /** A failure without data. */
        public Failed(int code, String description) {
            this(code, description, false);
        }
    }

    /** No reply at all: the request's filter names other servers, or there is nothing to report. */
    record Skipped() implements MonitoringReply {
    }

    MonitoringReply SKIPPED = new Skipped();
}
