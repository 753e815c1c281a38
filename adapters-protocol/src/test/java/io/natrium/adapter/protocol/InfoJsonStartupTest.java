package io.natrium.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * Writing the first INFO must not load Jackson: that is why INFO JSON is written by hand (start-up time is measured
 * to the first INFO). Each test loads the protocol classes afresh in a class loader of its own, so what they load is
 * not hidden by what other tests in this JVM already loaded.
 */
class InfoJsonStartupTest {

    private static final String OBJECT_MAPPER = "com.fasterxml.jackson.databind.ObjectMapper";
    private static final String PACKAGE = "io.natrium.adapter.protocol.";

    @Test
    void theConnectionClassesAndTheFirstInfoLoadNoObjectMapper() throws Exception {
        try (FreshClassLoader loader = new FreshClassLoader()) {
            for (String name : new String[] {"ClientConnectionHandler", "ClientProtocolDecoder",
                    "NettyClientOutbound", "WireFormat", "InfoJson"}) {
                Class.forName(PACKAGE + name, true, loader);
            }

            Object info = emptyServerInfo(loader);
            byte[] json = (byte[]) infoJson(loader, "encode", info.getClass()).invoke(null, info);

            assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("{\"server_id\":\"\"");
            assertThat(loader.loaded(OBJECT_MAPPER)).as("ObjectMapper loaded by the INFO writer").isFalse();
        }
    }

    @Test
    void anInfoFromAClientLoadsTheReader() throws Exception {
        try (FreshClassLoader loader = new FreshClassLoader()) {
            boolean readable = (boolean) infoJson(loader, "isReadable", byte[].class)
                    .invoke(null, (Object) "{}".getBytes(StandardCharsets.UTF_8));

            assertThat(readable).isTrue();
            assertThat(loader.loaded(OBJECT_MAPPER)).as("this check sees a loaded ObjectMapper").isTrue();
        }
    }

    private static Method infoJson(ClassLoader loader, String name, Class<?> parameter) throws Exception {
        Method method = Class.forName(PACKAGE + "InfoJson", true, loader).getDeclaredMethod(name, parameter);
        method.setAccessible(true);
        return method;
    }

    /** A {@code ServerInfo} of empty values, built through its canonical constructor whatever its components. */
    private static Object emptyServerInfo(ClassLoader loader) throws Exception {
        Class<?> type = loader.loadClass("io.natrium.application.port.out.ServerInfo");
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = types[i] == boolean.class ? Boolean.FALSE
                    : types[i] == int.class ? Integer.valueOf(0)
                    : types[i] == long.class ? Long.valueOf(0)
                    : types[i] == String.class ? "" : null;
        }
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        return constructor.newInstance(values);
    }
}
