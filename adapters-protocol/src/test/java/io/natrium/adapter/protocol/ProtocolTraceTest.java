package io.natrium.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The secrets nats-server keeps out of a traced CONNECT: its own examples, with the same results. */
class ProtocolTraceTest {

    static Stream<Arguments> connects() {
        return Stream.of(
                Arguments.of("{\"user\":\"derek\",\"pass\":\"s3cr3t\"}", "{\"user\":\"derek\",\"pass\":\"[REDACTED]\"}"),
                Arguments.of("{\"user\":\"derek\",\"pass\":  \"s3cr3t\"}",
                        "{\"user\":\"derek\",\"pass\":  \"[REDACTED]\"}"),
                Arguments.of("{\"user\":\"derek\",\"pass\":\"\"}", "{\"user\":\"derek\",\"pass\":\"[REDACTED]\"}"),
                Arguments.of("{\"pass\":\"secret password which is very long\",}", "{\"pass\":\"[REDACTED]\",}"),
                Arguments.of("{pass:s3cr3t ,   password =  s3cr3t}", "{pass:[REDACTED],   password =  [REDACTED]}"),
                Arguments.of("{\"pass\":\"A\",\"pass\":\"B\",\"password\":\"C\"}",
                        "{\"pass\":\"[REDACTED]\",\"pass\":\"[REDACTED]\",\"password\":\"[REDACTED]\"}"),
                Arguments.of("{\"user\":\"s3cr3t\",\"pass\":\"s3cr3t\",\"name\":\"s3cr3t\"}",
                        "{\"user\":\"s3cr3t\",\"pass\":\"[REDACTED]\",\"name\":\"s3cr3t\"}"),
                Arguments.of("{\"user\":\"derek\",\"auth_token\":\"s3cr3t\"}",
                        "{\"user\":\"derek\",\"auth_token\":\"[REDACTED]\"}"),
                Arguments.of("{\"sig\":\"signature\",\"user\":\"foo\"}", "{\"sig\":\"[REDACTED]\",\"user\":\"foo\"}"),
                Arguments.of("{\"nkey\":\"UABC\",\"user\":\"foo\"}", "{\"nkey\":\"[REDACTED]\",\"user\":\"foo\"}"),
                Arguments.of("{\"sig\":\"sig\",\"proxy_sig\":\"p\",\"user\":\"foo\"}",
                        "{\"sig\":\"[REDACTED]\",\"proxy_sig\":\"[REDACTED]\",\"user\":\"foo\"}"),
                Arguments.of("{\"name\":\"foo sig:bar\",\"sig\":\"REAL\"}",
                        "{\"name\":\"foo sig:[REDACTED]\",\"sig\":\"[REDACTED]\"}"),
                Arguments.of("sig=abc", "sig=[REDACTED]"),
                // The server reads keys in any case and unescaped, so the trace redacts them that way too.
                Arguments.of("{\"user\":\"u\",\"PASS\":\"s3cr3t\"}", "{\"user\":\"u\",\"PASS\":\"[REDACTED]\"}"),
                Arguments.of("{\"Auth_Token\":\"t\",\"SIG\":\"s\",\"NKey\":\"n\"}",
                        "{\"Auth_Token\":\"[REDACTED]\",\"SIG\":\"[REDACTED]\",\"NKey\":\"[REDACTED]\"}"),
                Arguments.of("{\"p\\u0061ss\":\"s3cr3t\"}", "{\"p\\u0061ss\":\"[REDACTED]\"}"),
                // Quotes, commas and braces inside a password do not end what is redacted.
                Arguments.of("{\"pass\":\"ab,cd}ef\\\"gh\",\"name\":\"x\"}",
                        "{\"pass\":\"[REDACTED]\",\"name\":\"x\"}"),
                Arguments.of("{\"auth_token\":\"a,b\"", "{\"auth_token\":\"[REDACTED]\""),
                Arguments.of("{\"pass\":{\"a\":\"b\"},\"user\":\"u\"}", "{\"pass\":[REDACTED],\"user\":\"u\"}"),
                Arguments.of("{\"verbose\":false,\"name\":\"app\",\"lang\":\"java\"}",
                        "{\"verbose\":false,\"name\":\"app\",\"lang\":\"java\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connects")
    void redactsPasswordsTokensSignaturesAndNkeys(String connect, String traced) {
        assertThat(ProtocolTrace.redactSecrets(connect)).isEqualTo(traced);
    }
}
