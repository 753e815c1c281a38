package io.natrium.application.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.InboundMessage;
import io.natrium.domain.subject.SubjectView;
import io.natrium.testkit.memory.BytesMessage;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Messages the server copies: requests with the header a service import adds, and its own reports. */
class CopiedMessageTest {

    private static final SubjectView SUBJECT = new SubjectView().wrap(bytes("svc.x"));
    private static final SubjectView REPLY = new SubjectView().wrap(bytes("_R_.abc.def"));

    @Test
    void aRequestWithoutHeadersGetsAHeaderBlockOfItsOwn() {
        InboundMessage request = CopiedMessage.withHeader(new BytesMessage("local.x", "inbox", null, "hello"),
                SUBJECT, REPLY, "Nats-Request-Info: {\"acc\":\"I\",\"rtt\":313663}");

        String header = "NATS/1.0\r\nNats-Request-Info: {\"acc\":\"I\",\"rtt\":313663}\r\n\r\n";
        assertThat(body(request)).isEqualTo(header + "hello");
        assertThat(request.headerLength()).isEqualTo(header.length());
        assertThat(request.subject()).isSameAs(SUBJECT);
        assertThat(request.reply()).isSameAs(REPLY);
    }

    @Test
    void theFieldJoinsExistingHeadersBeforeTheirBlankLine() {
        String headers = "NATS/1.0\r\nTrace: 1\r\n\r\n";
        InboundMessage request = CopiedMessage.withHeader(new BytesMessage("local.x", "", headers, "hi"),
                SUBJECT, REPLY, "Nats-Request-Info: {\"acc\":\"I\",\"rtt\":5}");

        String header = "NATS/1.0\r\nTrace: 1\r\nNats-Request-Info: {\"acc\":\"I\",\"rtt\":5}\r\n\r\n";
        assertThat(body(request)).isEqualTo(header + "hi");
        assertThat(request.headerLength()).isEqualTo(header.length());
    }

    @Test
    void aReportIsAPayloadWithoutHeadersOrReply() {
        InboundMessage report = CopiedMessage.payload(SUBJECT, bytes("{}"));

        assertThat(body(report)).isEqualTo("{}");
        assertThat(report.headerLength()).isZero();
        assertThat(report.reply().length()).isZero();
    }

    private static String body(InboundMessage message) {
        byte[] body = new byte[message.bodyLength()];
        message.copyBody(0, body, 0, body.length);
        return new String(body, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
