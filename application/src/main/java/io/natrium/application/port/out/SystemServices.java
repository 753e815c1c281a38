package io.natrium.application.port.out;

import java.util.function.Predicate;

/**
 * The JSON side of the system account's request services: their request bodies decoded as nats-server decodes
 * them, and their monitoring data written by the same code, from the same query services, as the HTTP endpoints
 * (nats-server's {@code zReq}). A body carries the endpoint's options ({@code ConnzEventOptions} and the like) and
 * the servers it is meant for ({@link EventFilter}). The application decides what to do and wraps and sends the
 * reply; decoding and writing JSON are the adapter's.
 */
public interface SystemServices {

    /** For servers built without the monitoring adapter: every request fails, nothing decodes. */
    SystemServices NONE = new None();

    /**
     * Answers one monitoring request.
     *
     * @param account       the account named in the subject of an account service, else null
     * @param options       the request's payload (headers removed), empty for the defaults
     * @param forThisServer whether a decoded filter names this server; a request that is not for it is
     *                      {@link MonitoringReply.Skipped}
     */
    MonitoringReply answer(MonitoringReport service, String account, byte[] options,
            Predicate<EventFilter> forThisServer);

    /**
     * A request whose only options are the filter (STATSZ, RELOAD, KICK, LDM): {@link MonitoringReply.Data} with no
     * JSON when it is for this server, {@link MonitoringReply.Skipped} when not, {@link MonitoringReply.Failed}
     * (400) when the body cannot be decoded.
     */
    MonitoringReply filterOnly(byte[] options, Predicate<EventFilter> forThisServer);

    /** The {@code cid} of a KICK or LDM request ({@code {"cid":5}}); -1 when the body does not decode. */
    long clientId(byte[] body);

    /** An NSUBS request ({@code accNumSubsReq}); null when the body is empty or does not decode. */
    SubscriberCountRequest subscriberCount(byte[] body);

    /** The {@code account} of a CONNS request's body; null when it does not decode, empty when absent. */
    String connectionsAccount(byte[] body);

    /** {@code $SYS.REQ.ACCOUNT.NSUBS}: how many subscribers an account has on a subject, in a queue or not. */
    record SubscriberCountRequest(String account, String subject, String queue) {
    }

    /** The services of a server built without them. */
    record None() implements SystemServices {

        @Override
        public MonitoringReply answer(MonitoringReport service, String account, byte[] options,
                Predicate<EventFilter> forThisServer) {
            return new MonitoringReply.Failed(500, "monitoring is not available");
        }

        @Override
        public MonitoringReply filterOnly(byte[] options, Predicate<EventFilter> forThisServer) {
            return new MonitoringReply.Data(null);
        }

        @Override
        public long clientId(byte[] body) {
            return -1;
        }

        @Override
        public SubscriberCountRequest subscriberCount(byte[] body) {
            return null;
        }

        @Override
        public String connectionsAccount(byte[] body) {
            return null;
        }
    }
}
