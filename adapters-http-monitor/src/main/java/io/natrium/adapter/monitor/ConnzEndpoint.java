package io.natrium.adapter.monitor;

import io.natrium.application.port.TlsState;
import io.natrium.application.port.in.ConnectionQueryUseCase;
import io.natrium.application.port.in.monitoring.ConnectionInfo;
import io.natrium.domain.auth.ConnectionType;
import io.natrium.application.port.in.monitoring.ConnectionPage;
import io.natrium.application.port.in.monitoring.ConnectionQuery;
import io.natrium.application.port.in.monitoring.ConnectionState;
import io.natrium.application.port.in.monitoring.QueryResult;
import io.natrium.application.port.in.monitoring.SubscriptionListing;
import io.natrium.domain.text.GoDurations;

import java.util.List;

/** /connz: client connections, with nats-server's query parameters and their order of decoding. */
final class ConnzEndpoint implements Endpoint {

    /** Every connection is a client (nats-server's kind string); its type says how it came. */
    private static final String KIND = "Client";

    private final ConnectionQueryUseCase connections;
    private final HttpRequestStats requests;

    ConnzEndpoint(ConnectionQueryUseCase connections, HttpRequestStats requests) {
        this.connections = connections;
        this.requests = requests;
    }

    @Override
    public MonitorResponse respond(MonitorRequest request) throws BadParameterException {
        String sort = request.parameter("sort");
        boolean auth = QueryParameters.bool(request, "auth");
        SubscriptionListing subscriptions = QueryParameters.subscriptions(request);
        int offset = QueryParameters.integer(request, "offset");
        int limit = QueryParameters.integer(request, "limit");
        long cid = QueryParameters.unsigned(request, "cid");
        ConnectionState state = QueryParameters.state(request);
        ConnectionQuery query = new ConnectionQuery(sort, auth, subscriptions, offset, limit, cid, state,
                request.parameter("user"), request.parameter("acc"), request.parameter("mqtt_client"));
        requests.count(MonitorPaths.CONNZ);
        QueryResult<ConnectionPage> result = connections.connections(query);
        if (result instanceof QueryResult.Rejected<ConnectionPage> rejected) {
            return MonitorResponse.badRequest(rejected.reason());
        }
        return MonitorResponse.json(GoJson.indented(connz(((QueryResult.Answer<ConnectionPage>) result).value())));
    }

    static ConnzJson connz(ConnectionPage page) {
        List<ConnzJson.ConnInfo> infos = page.connections() == null ? null
                : page.connections().stream().map(ConnzEndpoint::connInfo).toList();
        return new ConnzJson(page.serverId(), page.now(), infos == null ? 0 : infos.size(), page.total(),
                page.offset(), page.limit(), infos);
    }

    private static ConnzJson.ConnInfo connInfo(ConnectionInfo info) {
        TlsState tls = info.tls();
        List<SubDetail> detail = info.subscriptions() == null ? null
                : info.subscriptions().stream().map(SubDetail::of).toList();
        // An MQTT client's id is the name its session was given; nats-server shows it as mqtt_client.
        boolean mqtt = info.type() == ConnectionType.MQTT || info.type() == ConnectionType.MQTT_WS;
        return new ConnzJson.ConnInfo(info.cid(), KIND, typeOf(info.type()), info.ip(), info.port(), info.start(),
                info.lastActivity(), info.stop(), info.reason() == null ? null : info.reason().text(),
                GoDurations.format(info.rtt()), GoDurations.uptime(info.uptime()), GoDurations.uptime(info.idle()),
                info.pendingBytes(), info.inMessages(), info.outMessages(), info.inBytes(), info.outBytes(),
                info.stalls(), info.subscriptionCount(), mqtt ? "" : info.name(), info.lang(), info.version(),
                tls == null ? "" : tls.version(), tls == null ? "" : tls.cipherSuite(), peerCertificates(tls),
                tls != null && tls.first(), info.authorizedUser(), info.account(), info.subscriptionSubjects(),
                detail, info.identity().jwt(), info.identity().issuerKey(), info.identity().nameTag(),
                info.identity().tags(), mqtt ? info.name() : "", ConnzJson.ProxyInfo.of(info.proxyKey()));
    }

    private static List<ConnzJson.TlsPeerCert> peerCertificates(TlsState tls) {
        if (tls == null) {
            return List.of();
        }
        return tls.peerCertificates().stream()
                .map(peer -> new ConnzJson.TlsPeerCert(peer.subject(), peer.spkiSha256(), peer.certSha256()))
                .toList();
    }

    /** nats-server's {@code clientTypeString}. */
    private static String typeOf(ConnectionType type) {
        return switch (type) {
            case WEBSOCKET -> "websocket";
            case MQTT, MQTT_WS -> "mqtt";
            default -> "nats";
        };
    }
}
