package io.natrium.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;

/** The server builds its message encoder at start; Jackson must wait for the first message it writes. */
class JacksonServerMessageEncoderStartupTest {

    private static final String JSON_FACTORY = "com.fasterxml.jackson.core.JsonFactory";

    @Test
    void buildingTheEncoderLoadsNoJacksonAndTheFirstMessageDoes() throws Exception {
        try (FreshClassLoader loader = new FreshClassLoader()) {
            Class<?> encoderType = Class.forName("io.natrium.adapter.protocol.JacksonServerMessageEncoder", true,
                    loader);
            Object encoder = encoderType.getConstructor().newInstance();

            assertThat(loader.loaded(JSON_FACTORY)).as("Jackson loaded by building the encoder").isFalse();

            Class<?> clientInfo = Class.forName("io.natrium.application.port.out.ClientInfo", true, loader);
            Method brief = clientInfo.getMethod("brief", String.class, long.class);
            Method write = encoderType.getMethod("clientInfo", clientInfo);
            Object json = write.invoke(encoder, brief.invoke(null, "A", 1L));

            assertThat(json).isEqualTo("{\"acc\":\"A\",\"rtt\":1}");
            assertThat(loader.loaded(JSON_FACTORY)).as("this check sees a loaded JsonFactory").isTrue();
        }
    }
}
