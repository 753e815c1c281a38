package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigBoolean;
import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigString;
import io.natrium.application.settings.OcspCacheSettings;
import io.natrium.application.settings.OcspMode;
import io.natrium.application.settings.OcspPeerSettings;
import io.natrium.application.settings.OcspSettings;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** OCSP: top-level {@code ocsp} (stapling) and {@code ocsp_cache}, and a TLS block's {@code ocsp_peer}. */
final class OcspMapper {

    private static final String PEER_UNKNOWN = "error parsing tls peer config, unknown field [%s]";
    private static final String CACHE_UNKNOWN = "error parsing OCSP peer cache config, unknown field [%s]";
    private static final Duration MINIMUM_SAVE_INTERVAL = Duration.ofSeconds(1);

    private OcspMapper() {
    }

    /** Stapling: a boolean ({@code true} is mode auto) or {@code {mode, urls | url}}; null when wrong (reported). */
    static OcspSettings stapling(ConfigEntry entry, ConfigReader reader) {
        if (entry.value() instanceof ConfigBoolean on) {
            return new OcspSettings(on.value() ? OcspMode.AUTO : OcspMode.NEVER, List.of());
        }
        if (!(entry.value() instanceof ConfigMap block)) {
            reader.error(entry, "error parsing ocsp config: unsupported type " + ConfigReader.goType(entry.value()));
            return null;
        }
        OcspMode mode = OcspMode.AUTO;
        List<String> urls = List.of();
        for (ConfigEntry field : block.all()) {
            switch (field.key().toLowerCase(Locale.ROOT)) {
                case "mode" -> {
                    String name = reader.string(field);
                    OcspMode parsed = name == null ? null : mode(name);
                    if (name != null && parsed == null) {
                        reader.error(field, "error parsing ocsp config: unsupported ocsp mode " + GoFormat.quote(name));
                    }
                    mode = parsed == null ? mode : parsed;
                }
                case "urls" -> {
                    List<String> list = reader.stringArray("ocsp urls", field);
                    urls = list == null ? urls : list;
                }
                case "url" -> {
                    String url = reader.string(field);
                    urls = url == null ? urls : List.of(url);
                }
                default -> {
                    reader.error(field, "error parsing ocsp config: unsupported field " + GoFormat.quote(field.key()));
                    return null;
                }
            }
        }
        return new OcspSettings(mode, urls);
    }

    private static OcspMode mode(String name) {
        for (OcspMode mode : OcspMode.values()) {
            if (mode.name().equalsIgnoreCase(name)) {
                return mode;
            }
        }
        return null;
    }

    /** The response cache: a boolean (local or none) or {@code {type, local_store, preserve_revoked, save_interval}}. */
    static OcspCacheSettings cache(ConfigEntry entry, ConfigReader reader) {
        if (entry.value() instanceof ConfigBoolean on) {
            return OcspCacheSettings.defaults(on.value() ? "local" : "none");
        }
        if (!(entry.value() instanceof ConfigMap block)) {
            reader.error(entry, "error parsing ocsp_cache: unsupported type " + ConfigReader.goType(entry.value()));
            return null;
        }
        OcspCacheSettings cache = OcspCacheSettings.defaults("local");
        for (ConfigEntry field : block.all()) {
            String key = field.key().toLowerCase(Locale.ROOT);
            if (key.equals("type") && field.value() instanceof ConfigString type) {
                String lower = type.value().toLowerCase(Locale.ROOT);
                if (!lower.equals("local") && !lower.equals("none")) {
                    reader.error(field, "error parsing OCSP peer cache config, unknown type [" + type.value() + "]");
                    return null;
                }
                cache = new OcspCacheSettings(lower, cache.localStore(), cache.preserveRevoked(), cache.saveInterval());
            } else if (key.equals("local_store") && field.value() instanceof ConfigString store) {
                cache = new OcspCacheSettings(cache.type(), store.value(), cache.preserveRevoked(),
                        cache.saveInterval());
            } else if (key.equals("preserve_revoked") && field.value() instanceof ConfigBoolean preserve) {
                cache = new OcspCacheSettings(cache.type(), cache.localStore(), preserve.value(), cache.saveInterval());
            } else if (key.equals("save_interval")) {
                Duration interval = reader.seconds(field, "error parsing OCSP peer cache config, conversion error:");
                if (interval == null) {
                    return null;
                }
                cache = new OcspCacheSettings(cache.type(), cache.localStore(), cache.preserveRevoked(),
                        interval.compareTo(MINIMUM_SAVE_INTERVAL) < 0 ? MINIMUM_SAVE_INTERVAL : interval);
            } else {
                reader.error(field, String.format(CACHE_UNKNOWN, GoFormat.quote(field.key())));
                return null;
            }
        }
        return cache;
    }

    /** Peer checks: a boolean or a map of options; null when wrong (reported). */
    static OcspPeerSettings peer(ConfigEntry entry, ConfigReader reader) {
        if (entry.value() instanceof ConfigBoolean on) {
            return OcspPeerSettings.defaults(on.value());
        }
        if (!(entry.value() instanceof ConfigMap block)) {
            reader.error(entry, "error parsing ocsp peer config: unsupported type "
                    + ConfigReader.goType(entry.value()));
            return null;
        }
        OcspPeerSettings peer = OcspPeerSettings.defaults(false);
        for (ConfigEntry field : block.all()) {
            peer = PeerOption.apply(peer, field, reader);
            if (peer == null) {
                return null;
            }
        }
        return peer;
    }

    /** One option of {@code ocsp_peer}. */
    private static final class PeerOption {

        private PeerOption() {
        }

        static OcspPeerSettings apply(OcspPeerSettings p, ConfigEntry field, ConfigReader reader) {
            String key = field.key().toLowerCase(Locale.ROOT);
            if (key.equals("allowed_clockskew") || key.equals("ca_timeout")
                    || key.equals("cache_ttl_when_next_update_unset")) {
                Duration d = reader.seconds(field, "error parsing tls peer config, conversion error:");
                if (d == null) {
                    return null;
                }
                if (d.isNegative()) {
                    return p;
                }
                return switch (key) {
                    case "allowed_clockskew" -> new OcspPeerSettings(p.verify(), p.caTimeout(), d, p.warnOnly(),
                            p.unknownIsGood(), p.allowWhenCaUnreachable(), p.ttlUnsetNextUpdate());
                    case "ca_timeout" -> new OcspPeerSettings(p.verify(), d, p.allowedClockSkew(), p.warnOnly(),
                            p.unknownIsGood(), p.allowWhenCaUnreachable(), p.ttlUnsetNextUpdate());
                    default -> new OcspPeerSettings(p.verify(), p.caTimeout(), p.allowedClockSkew(), p.warnOnly(),
                            p.unknownIsGood(), p.allowWhenCaUnreachable(), d);
                };
            }
            if (!(field.value() instanceof ConfigBoolean flag)) {
                reader.error(field, String.format(PEER_UNKNOWN, GoFormat.quote(field.key())));
                return null;
            }
            boolean on = flag.value();
            return switch (key) {
                case "verify" -> new OcspPeerSettings(on, p.caTimeout(), p.allowedClockSkew(), p.warnOnly(),
                        p.unknownIsGood(), p.allowWhenCaUnreachable(), p.ttlUnsetNextUpdate());
                case "warn_only" -> new OcspPeerSettings(p.verify(), p.caTimeout(), p.allowedClockSkew(), on,
                        p.unknownIsGood(), p.allowWhenCaUnreachable(), p.ttlUnsetNextUpdate());
                case "unknown_is_good" -> new OcspPeerSettings(p.verify(), p.caTimeout(), p.allowedClockSkew(),
                        p.warnOnly(), on, p.allowWhenCaUnreachable(), p.ttlUnsetNextUpdate());
                case "allow_when_ca_unreachable" -> new OcspPeerSettings(p.verify(), p.caTimeout(),
                        p.allowedClockSkew(), p.warnOnly(), p.unknownIsGood(), on, p.ttlUnsetNextUpdate());
                default -> {
                    reader.error(field, String.format(PEER_UNKNOWN, GoFormat.quote(field.key())));
                    yield null;
                }
            };
        }
    }
}
