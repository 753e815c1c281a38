package io.natrium.adapter.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.application.port.out.EventFilter;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class EventOptionsTest {

    @Test
    void anEmptyBodyIsTheDefaults() throws Exception {
        EventOptions options = EventOptions.decode("ConnzEventOptions", new byte[0]);

        assertThat(options.bool("auth")).isFalse();
        assertThat(options.integer("limit")).isZero();
        assertThat(options.text("sort")).isEmpty();
        assertThat(options.filter()).isEqualTo(EventFilter.NONE);
    }

    @Test
    void namesMatchInAnyCaseAndNullKeepsTheDefault() throws Exception {
        EventOptions options = decode("{\"AUTH\":true,\"Limit\":5,\"sort\":null,\"unknown\":[1]}");

        assertThat(options.bool("auth")).isTrue();
        assertThat(options.integer("limit")).isEqualTo(5);
        assertThat(options.text("sort")).isEmpty();
    }

    @Test
    void theFilterIsReadFromTheEmbeddedEventFilterOptions() throws Exception {
        EventOptions options = decode("{\"server_name\":\"a\",\"host\":\"h\",\"tags\":[\"x\",\"y\"],\"domain\":\"d\"}");

        assertThat(options.filter()).isEqualTo(new EventFilter("a", "", "h", List.of("x", "y"), "d"));
    }

    @Test
    void aValueOfTheWrongTypeFailsWithGosText() throws Exception {
        EventOptions options = decode("{\"offset\":\"x\",\"cid\":-1,\"auth\":1}");

        assertThatThrownBy(() -> options.integer("offset")).isInstanceOf(BadParameterException.class)
                .hasMessage("json: cannot unmarshal string into Go struct field ConnzEventOptions.offset of type int");
        assertThatThrownBy(() -> options.unsigned("cid")).hasMessageEndingWith("cid of type uint64");
        assertThatThrownBy(() -> options.bool("auth"))
                .hasMessage("json: cannot unmarshal number 1 into Go struct field ConnzEventOptions.auth of type bool");
    }

    @Test
    void aBodyThatIsNotAnObjectFails() {
        assertThatThrownBy(() -> decode("[1]")).isInstanceOf(BadParameterException.class)
                .hasMessage("json: cannot unmarshal array into Go value of type server.ConnzEventOptions");
        assertThatThrownBy(() -> decode("{")).isInstanceOf(BadParameterException.class);
    }

    @Test
    void bytesAreBase64AsGoEncodesThem() throws Exception {
        assertThat(decode("{\"queue\":\"cQ==\"}").bytes("queue")).isEqualTo("q");
        assertThat(decode("{}").bytes("queue")).isEmpty();
    }

    private static EventOptions decode(String json) throws BadParameterException {
        return EventOptions.decode("ConnzEventOptions", json.getBytes(StandardCharsets.UTF_8));
    }
}
