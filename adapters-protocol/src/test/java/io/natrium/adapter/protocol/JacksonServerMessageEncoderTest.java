package io.natrium.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.out.ClientInfo;
import io.natrium.application.port.out.EventServer;
import io.natrium.application.port.out.OcspPeerEvent;
import io.natrium.application.port.out.ServiceLatencyReport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The request info and latency reports byte for byte: nats-server's {@code ClientInfo} and {@code ServiceLatency}
 * through Go's {@code encoding/json}, as the hand-written JSON this encoder replaced wrote them.
 */
class JacksonServerMessageEncoderTest {

    private static final Instant CONNECTED = Instant.parse("2026-12-01T10:15:30.123456789Z");
    private static final ClientInfo REQUESTER = new ClientInfo(CONNECTED, "127.0.0.1", 7, "A", "alice", "svc-client",
            "java", "2.24.1", 1_250_000, "NSERVER", "Client", "nats");

    private final JacksonServerMessageEncoder encoder = new JacksonServerMessageEncoder();

    @Test
    void ocspPeerEventsAreWrittenAsNatsServersStructs() {
        EventServer server = new EventServer("n", "0.0.0.0", "NSERVER", "2.9.10", 4, false,
                Instant.parse("2026-12-01T10:15:31Z"));
        OcspPeerEvent.Certificate peer = new OcspPeerEvent.Certificate("CN=alice", "CN=CA", "ZmluZ2Vy",
                new byte[] {1, 2});
        OcspPeerEvent reject = new OcspPeerEvent("ID22", Instant.parse("2026-12-01T10:15:30Z"), "Client", null, peer,
                server, "client not OCSP valid");

        assertThat(text(encoder.ocspPeerEvent(reject))).isEqualTo("{\"type\":"
                + "\"io.nats.server.advisory.v1.ocsp_peer_reject\",\"id\":\"ID22\","
                + "\"timestamp\":\"2026-12-01T10:15:30Z\",\"kind\":\"Client\",\"peer\":{\"subject\":\"CN=alice\","
                + "\"issuer\":\"CN=CA\",\"fingerprint\":\"ZmluZ2Vy\",\"raw\":\"AQI=\"},\"server\":{\"name\":\"n\","
                + "\"host\":\"0.0.0.0\",\"id\":\"NSERVER\",\"ver\":\"2.9.10\",\"seq\":4,\"jetstream\":false,"
                + "\"time\":\"2026-12-01T10:15:31Z\"},\"reason\":\"client not OCSP valid\"}");
        OcspPeerEvent link = new OcspPeerEvent("ID23", Instant.parse("2026-12-01T10:15:30Z"), null,
                new OcspPeerEvent.Certificate("CN=alice", "", "", null), peer, server, "Failed OCSP response fetch");
        assertThat(text(encoder.ocspPeerEvent(link))).startsWith("{\"type\":"
                + "\"io.nats.server.advisory.v1.ocsp_peer_link_invalid\",\"id\":\"ID23\","
                + "\"timestamp\":\"2026-12-01T10:15:30Z\",\"link\":{\"subject\":\"CN=alice\"},\"peer\":{")
                .endsWith(",\"reason\":\"Failed OCSP response fetch\"}");
    }

    @Test
    void aBriefClientInfoHasTheAccountAndRoundTripOnly() {
        assertThat(encoder.clientInfo(ClientInfo.brief("IMPORTER", 351_000)))
                .isEqualTo("{\"acc\":\"IMPORTER\",\"rtt\":351000}");
    }

    @Test
    void aSharedClientInfoHasEveryFieldInTheOrderOfGosStruct() {
        assertThat(encoder.clientInfo(REQUESTER)).isEqualTo("{\"start\":\"2026-12-01T10:15:30.123456789Z\","
                + "\"host\":\"127.0.0.1\",\"id\":7,\"acc\":\"A\",\"user\":\"alice\",\"name\":\"svc-client\","
                + "\"lang\":\"java\",\"ver\":\"2.24.1\",\"rtt\":1250000,\"server\":\"NSERVER\",\"kind\":\"Client\","
                + "\"client_type\":\"nats\"}");
    }

    @Test
    void emptyFieldsAreLeftOutAsOmitemptyDoes() {
        ClientInfo anonymous = new ClientInfo(Instant.parse("2026-12-01T10:15:30Z"), "::1", 3, "$G", "", "", "", "",
                0, "NSERVER", "Client", "nats");

        assertThat(encoder.clientInfo(anonymous)).isEqualTo("{\"start\":\"2026-12-01T10:15:30Z\",\"host\":\"::1\","
                + "\"id\":3,\"acc\":\"$G\",\"server\":\"NSERVER\",\"kind\":\"Client\",\"client_type\":\"nats\"}");
        assertThat(encoder.clientInfo(ClientInfo.brief("", 0))).as("the account is always written")
                .isEqualTo("{\"acc\":\"\"}");
    }

    @Test
    void stringsAreEscapedAsGosEncoderEscapesThem() {
        ClientInfo odd = ClientInfo.brief("a<b>&\"c\\\n\t\b\f\u0001\u2028é日", 1);

        assertThat(encoder.clientInfo(odd)).isEqualTo("{\"acc\":\"a\\u003cb\\u003e\\u0026\\\"c\\\\\\n\\t"
                + "\\u0008\\u000c\\u0001\\u2028é日\",\"rtt\":1}");
    }

    @Test
    void aReportOfAnsweredRequestHasRequestorResponderAndTimes() {
        ClientInfo responder = new ClientInfo(CONNECTED, "127.0.0.1", 9, "B", "", "", "go", "1.30.0", 2_000,
                "NSERVER", "Client", "nats");
        ServiceLatencyReport report = new ServiceLatencyReport("ID22", Instant.parse("2026-12-01T10:15:31.5Z"), 200,
                null, ClientInfo.brief("A", 1_250_000), responder, null,
                Instant.parse("2026-12-01T10:15:31.000100Z"), 4_000_000, 150_000, 5_400_000);

        assertThat(text(encoder.serviceLatency(report))).isEqualTo("{\"type\":"
                + "\"io.nats.server.metric.v1.service_latency\",\"id\":\"ID22\","
                + "\"timestamp\":\"2026-12-01T10:15:31.5Z\",\"status\":200,\"requestor\":{\"acc\":\"A\","
                + "\"rtt\":1250000},\"responder\":{\"start\":\"2026-12-01T10:15:30.123456789Z\","
                + "\"host\":\"127.0.0.1\",\"id\":9,\"acc\":\"B\",\"lang\":\"go\",\"ver\":\"1.30.0\",\"rtt\":2000,"
                + "\"server\":\"NSERVER\",\"kind\":\"Client\",\"client_type\":\"nats\"},"
                + "\"start\":\"2026-12-01T10:15:31.0001Z\",\"service\":4000000,\"system\":150000,"
                + "\"total\":5400000}");
    }

    @Test
    void aReportWithoutResponseHasTheStatusTextAndTheDecidingHeadersSortedByKey() {
        ServiceLatencyReport report = new ServiceLatencyReport("ID22", Instant.parse("2026-12-01T10:15:31Z"), 504,
                "Service Timeout", REQUESTER, null,
                Map.of("X-B3-Sampled", List.of("1"), "X-B3-Parentspanid", List.of("p", "q<")),
                Instant.parse("2026-12-01T10:15:30Z"), 0, 0, 0);

        assertThat(text(encoder.serviceLatency(report))).isEqualTo("{\"type\":"
                + "\"io.nats.server.metric.v1.service_latency\",\"id\":\"ID22\","
                + "\"timestamp\":\"2026-12-01T10:15:31Z\",\"status\":504,\"description\":\"Service Timeout\","
                + "\"requestor\":" + encoder.clientInfo(REQUESTER) + ","
                + "\"header\":{\"X-B3-Parentspanid\":[\"p\",\"q\\u003c\"],\"X-B3-Sampled\":[\"1\"]},"
                + "\"start\":\"2026-12-01T10:15:30Z\",\"service\":0,\"system\":0,\"total\":0}");
    }

    @Test
    void aReportIsUtf8() {
        ServiceLatencyReport report = new ServiceLatencyReport("é", Instant.EPOCH, 400, "Bad Request",
                ClientInfo.brief("日", 1), null, Map.of(), Instant.EPOCH, 0, 0, 0);

        assertThat(encoder.serviceLatency(report)).startsWith(
                "{\"type\":\"io.nats.server.metric.v1.service_latency\",\"id\":\"é\"".getBytes(StandardCharsets.UTF_8));
        assertThat(text(encoder.serviceLatency(report))).as("an empty header is left out")
                .contains("\"requestor\":{\"acc\":\"日\",\"rtt\":1},\"start\":\"1970-01-01T00:00:00Z\"");
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
