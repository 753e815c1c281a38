package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigInteger;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigString;
import io.natrium.application.settings.WebsocketCookieSettings;
import io.natrium.application.settings.WebsocketSettings;
import io.natrium.domain.text.GoDurations;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code websocket} block (18 keys). */
final class WebsocketMapper {

    private static final KeyTable<Draft> WEBSOCKET = ListenerDraft.register(KeyTable.<Draft>strict())
            .on((draft, entry, reader) -> reader.string(entry, advertise -> draft.advertise = advertise), "advertise")
            .on((draft, entry, reader) -> reader.bool(entry, noTls -> draft.noTls = noTls), "no_tls")
            .on((draft, entry, reader) -> reader.bool(entry, same -> draft.sameOrigin = same), "same_origin")
            .on((draft, entry, reader) -> {
                List<String> origins = reader.stringArray("allowed origins", entry);
                draft.allowedOrigins = origins == null ? List.of() : origins;
            }, "allowed_origins", "allowed_origin", "allow_origins", "allow_origin", "origins", "origin")
            .on(WebsocketMapper::handshakeTimeout, "handshake_timeout")
            .on((draft, entry, reader) -> reader.bool(entry, on -> draft.compression = on), "compress", "compression")
            .on((draft, entry, reader) -> reader.string(entry, name -> draft.jwtCookie = name), "jwt_cookie")
            .on((draft, entry, reader) -> reader.string(entry, name -> draft.userCookie = name), "user_cookie")
            .on((draft, entry, reader) -> reader.string(entry, name -> draft.passCookie = name), "pass_cookie")
            .on((draft, entry, reader) -> reader.string(entry, name -> draft.tokenCookie = name), "token_cookie")
            .on(WebsocketMapper::headers, "headers")
            .on((draft, entry, reader) -> reader.duration("ping_interval", entry, ping -> draft.pingInterval = ping),
                    "ping_interval");

    private static final class Draft extends ListenerDraft {
        String advertise;
        boolean noTls;
        boolean sameOrigin;
        List<String> allowedOrigins = List.of();
        Duration handshakeTimeout = Duration.ZERO;
        boolean compression;
        String jwtCookie;
        String userCookie;
        String passCookie;
        String tokenCookie;
        Map<String, String> headers = Map.of();
        Duration pingInterval = Duration.ZERO;
    }

    private WebsocketMapper() {
    }

    static void register(KeyTable<FileDraft> table) {
        table.on((file, entry, reader) -> {
            WebsocketSettings websocket = map(entry, reader);
            if (websocket != null) {
                file.settings.websocket(websocket);
            }
        }, "websocket", "ws");
    }

    private static WebsocketSettings map(ConfigEntry entry, ConfigReader reader) {
        if (!(entry.value() instanceof ConfigMap block)) {
            reader.error(entry, "Expected websocket to be a map, got " + ConfigReader.goType(entry.value()));
            return null;
        }
        Draft d = new Draft();
        WEBSOCKET.apply(block, d, reader);
        return new WebsocketSettings(d.host, d.port, d.advertise, d.noTls, d.tls, d.sameOrigin, d.allowedOrigins,
                d.handshakeTimeout, d.compression, d.authorization,
                new WebsocketCookieSettings(d.jwtCookie, d.userCookie, d.passCookie, d.tokenCookie), d.noAuthUser,
                d.headers, d.pingInterval);
    }

    private static void handshakeTimeout(Draft draft, ConfigEntry entry, ConfigReader reader) {
        if (entry.value() instanceof ConfigInteger seconds) {
            draft.handshakeTimeout = GoDurations.ofWholeSeconds(seconds.value());
        } else if (entry.value() instanceof ConfigString text) {
            try {
                draft.handshakeTimeout = GoDurations.parse(text.value());
            } catch (IllegalArgumentException e) {
                reader.error(entry, e.getMessage());
            }
        } else {
            reader.error(entry, "error parsing handshake timeout: unsupported type "
                    + ConfigReader.goType(entry.value()));
        }
    }

    private static void headers(Draft draft, ConfigEntry entry, ConfigReader reader) {
        if (!(entry.value() instanceof ConfigMap block)) {
            reader.error(entry, "error parsing headers: unsupported type " + ConfigReader.goType(entry.value()));
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (ConfigEntry header : block.all()) {
            if (header.value() instanceof ConfigString value) {
                headers.put(header.key(), value.value());
            } else {
                reader.error(header, "error parsing header key " + header.key() + ": unsupported type "
                        + ConfigReader.goType(header.value()));
            }
        }
        draft.headers = headers;
    }
}
