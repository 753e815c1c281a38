package io.natrium.application.system;

import io.natrium.application.port.out.MonitoringReply;
import io.natrium.application.port.out.MonitoringReport;
import io.natrium.application.port.out.SystemServices;
import io.natrium.application.session.SystemClient;
import io.natrium.domain.subject.Subject;

/**
 * The monitoring request services ({@code $SYS.REQ.SERVER.<id|PING>.<X>}, {@code $SYS.REQ.ACCOUNT.<acc>.<Y>}):
 * the adapter decodes the options and writes the data from the monitoring query services, this class picks the
 * account out of the subject and sends the reply. On the system thread.
 */
final class MonitoringRequests {

    /** nats-server's {@code accReqTokens} and {@code accReqAccIndex}. */
    private static final int ACCOUNT_REQUEST_TOKENS = 5;
    private static final int ACCOUNT_INDEX = 3;

    private final SystemServices services;
    private final SystemReplies replies;
    private final SystemAccountRuntime runtime;

    MonitoringRequests(SystemServices services, SystemReplies replies, SystemAccountRuntime runtime) {
        this.services = services;
        this.replies = replies;
        this.runtime = runtime;
    }

    /**
     * nats-server's {@code statszReq}: STATSZ to the reply subject, or broadcast when there is none; a body that
     * does not decode is answered with the error (to the broadcast subject when there is no reply).
     */
    void statsz(SystemClient.Received request) {
        MonitoringReply accepted = services.filterOnly(request.payload(), replies::forThisServer);
        String reply = request.reply().isEmpty() ? runtime.statszSubject() : request.reply();
        if (accepted instanceof MonitoringReply.Data) {
            runtime.sendStatsz(reply);
        } else {
            replies.send(reply, accepted);
        }
    }

    void server(MonitoringReport service, SystemClient.Received request) {
        if (request.reply().isEmpty()) {
            return;
        }
        replies.send(request.reply(), services.answer(service, null, request.payload(), replies::forThisServer));
    }

    void account(MonitoringReport service, SystemClient.Received request) {
        if (request.reply().isEmpty()) {
            return;
        }
        String[] tokens = Subject.tokens(request.subject());
        if (tokens.length != ACCOUNT_REQUEST_TOKENS) {
            replies.send(request.reply(), new MonitoringReply.Failed(500,
                    "subject \"" + request.subject() + "\" is malformed"));
            return;
        }
        replies.send(request.reply(), services.answer(service, tokens[ACCOUNT_INDEX], request.payload(),
                replies::forThisServer));
    }
}
