package io.natrium.application.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.InboundMessage;
import io.natrium.domain.subject.SubjectView;
import io.natrium.testkit.memory.BytesMessage;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The header a request gets when it crosses a service import. */
class RequestInfoMessageTest {

    private static final SubjectView SUBJECT = new SubjectView().wrap(bytes("svc.x"));
    private static final SubjectView REPLY = new SubjectView().wrap(bytes("_R_.abc.def"));

    @Test
    void aRequestWithoutHeadersGetsAHeaderBlockOfItsOwn() {
        InboundMessage request = RequestInfoMessage.of(new BytesMessage("local.x", "inbox", null, "hello"),
                SUBJECT, REPLY, "I", 313_663);

        String header = "NATS/1.0\r\nNats-Request-Info: {\"acc\":\"I\",\"rtt\":313663}\r\n\r\n";
        assertThat(body(request)).isEqualTo(header + "hello");
        assertThat(request.headerLength()).isEqualTo(header.length());
        assertThat(request.subject()).isSameAs(SUBJECT);
        assertThat(request.reply()).isSameAs(REPLY);
    }

    @Test
    void theFieldJoinsExistingHeadersBeforeTheirBlankLine() {
        String headers = "NATS/1.0\r\nTrace: 1\r\n\r\n";
        InboundMessage request = RequestInfoMessage.of(new BytesMessage("local.x", "", headers, "hi"),
                SUBJECT, REPLY, "I", 5);

        String header = "NATS/1.0\r\nTrace: 1\r\nNats-Request-Info: {\"acc\":\"I\",\"rtt\":5}\r\n\r\n";
        assertThat(body(request)).isEqualTo(header + "hi");
        assertThat(request.headerLength()).isEqualTo(header.length());
    }

    @Test
    void theAccountNameIsEscapedAsGoEscapesJson() {
        InboundMessage request = RequestInfoMessage.of(new BytesMessage("s", "", null, ""), SUBJECT, REPLY,
                "a\"b<c>", 1);

        assertThat(body(request)).contains("{\"acc\":\"a\\\"b\\u003cc\\u003e\",\"rtt\":1}");
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
