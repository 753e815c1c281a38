package io.natrium.adapter.config.syntax;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A realistic server configuration (authorization users with permissions, accounts with exports and imports in an
 * included file which itself includes another, mappings, TLS, WebSocket and MQTT blocks, variables in several
 * scopes, a bcrypt hash, an environment variable, size suffixes, comments of both kinds) read into the tree written
 * in {@code config/server.tree}: every value with its kind and the positions of key and value.
 */
class ConfigParserGoldenTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("WS_TOKEN", "ws-token");

    @Test
    void serverConfigurationReadsIntoTheExpectedTree() throws Exception {
        Path config = resource("config/server.conf");

        ParseResult result = ConfigParser.parseFile(config, ENVIRONMENT::get);

        assertThat(result.errors()).isEmpty();
        String base = config.getParent().toString() + "/";
        List<String> expected = Files.readAllLines(resource("config/server.tree"), UTF_8);
        assertThat(TreeDump.lines(result.root(), base)).containsExactlyElementsOf(expected);
    }

    @Test
    void digestIsSha256OfTheTreeAsGoWritesJson() throws Exception {
        ParseResult result = ConfigParser.parseFile(resource("config/server.conf"), ENVIRONMENT::get);

        byte[] json = Files.readAllBytes(resource("config/server.json"));
        assertThat(ConfigDigest.json(result.root())).isEqualTo(new String(json, UTF_8));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        assertThat(result.digest()).isEqualTo("sha256:" + sha256);
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ConfigParserGoldenTest.class.getClassLoader().getResource(name).toURI());
    }
}
