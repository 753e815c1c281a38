package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigBoolean;
import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigString;
import io.natrium.application.settings.OcspCacheSettings;
import io.natrium.application.settings.OcspMode;
import io.natrium.application.settings.OcspPeerSettings;
import io.natrium.application.settings.OcspSettings;
import io.natrium.domain.text.GoStrings;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/** OCSP: top-level {@code ocsp} (stapling) and {@code ocsp_cache}, and a TLS block's {@code ocsp_peer}. */
final class OcspMapper {

    private static final String PEER_UNKNOWN = "error parsing tls peer config, unknown field [%s]";
    private static final String CACHE_UNKNOWN = "error parsing OCSP peer cache config, unknown field [%s]";
    private static final Duration MINIMUM_SAVE_INTERVAL = Duration.ofSeconds(1);

    private static final KeyTable<Stapling> STAPLING = KeyTable.<Stapling>unknownAs(
                    "error parsing ocsp config: unsupported field %s")
            .on(OcspMapper::mode, "mode")
            .on((draft, entry, reader) -> {
                List<String> urls = reader.stringArray("ocsp urls", entry);
                draft.urls = urls == null ? draft.urls : urls;
            }, "urls")
            .on((draft, entry, reader) -> reader.string(entry, url -> draft.urls = List.of(url)), "url");

    private static final KeyTable<Cache> CACHE = KeyTable.<Cache>unknownAs(CACHE_UNKNOWN)
            .on(OcspMapper::cacheType, "type")
            .on(typed(ConfigString.class, CACHE_UNKNOWN, (draft, store) -> draft.localStore = store.value()),
                    "local_store")
            .on(typed(ConfigBoolean.class, CACHE_UNKNOWN, (draft, on) -> draft.preserveRevoked = on.value()),
                    "preserve_revoked")
            .on((draft, entry, reader) -> {
                Duration interval = reader.seconds(entry, "error parsing OCSP peer cache config, conversion error:");
                if (interval != null) {
                    draft.saveInterval = interval.compareTo(MINIMUM_SAVE_INTERVAL) < 0 ? MINIMUM_SAVE_INTERVAL
                            : interval;
                }
            }, "save_interval");

    private static final KeyTable<Peer> PEER = KeyTable.<Peer>unknownAs(PEER_UNKNOWN)
            .on(typed(ConfigBoolean.class, PEER_UNKNOWN, (draft, on) -> draft.verify = on.value()), "verify")
            .on(typed(ConfigBoolean.class, PEER_UNKNOWN, (draft, on) -> draft.warnOnly = on.value()), "warn_only")
            .on(typed(ConfigBoolean.class, PEER_UNKNOWN, (draft, on) -> draft.unknownIsGood = on.value()),
                    "unknown_is_good")
            .on(typed(ConfigBoolean.class, PEER_UNKNOWN, (draft, on) -> draft.allowWhenCaUnreachable = on.value()),
                    "allow_when_ca_unreachable")
            .on(peerSeconds((draft, seconds) -> draft.caTimeout = seconds), "ca_timeout")
            .on(peerSeconds((draft, seconds) -> draft.clockSkew = seconds), "allowed_clockskew")
            .on(peerSeconds((draft, seconds) -> draft.ttlUnsetNextUpdate = seconds),
                    "cache_ttl_when_next_update_unset");

    private static final class Stapling {
        OcspMode mode = OcspMode.AUTO;
        List<String> urls = List.of();
    }

    private static final class Cache {
        String type = "local";
        String localStore = OcspCacheSettings.DEFAULT_LOCAL_STORE;
        boolean preserveRevoked;
        Duration saveInterval = OcspCacheSettings.defaults("local").saveInterval();
    }

    private static final class Peer {
        final OcspPeerSettings defaults = OcspPeerSettings.defaults(false);
        boolean verify;
        Duration caTimeout = defaults.caTimeout();
        Duration clockSkew = defaults.allowedClockSkew();
        boolean warnOnly;
        boolean unknownIsGood;
        boolean allowWhenCaUnreachable;
        Duration ttlUnsetNextUpdate = defaults.ttlUnsetNextUpdate();
    }

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
        Stapling draft = new Stapling();
        return apply(STAPLING, block, draft, reader) ? new OcspSettings(draft.mode, draft.urls) : null;
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
        Cache draft = new Cache();
        return apply(CACHE, block, draft, reader)
                ? new OcspCacheSettings(draft.type, draft.localStore, draft.preserveRevoked, draft.saveInterval)
                : null;
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
        Peer d = new Peer();
        return apply(PEER, block, d, reader) ? new OcspPeerSettings(d.verify, d.caTimeout, d.clockSkew, d.warnOnly,
                d.unknownIsGood, d.allowWhenCaUnreachable, d.ttlUnsetNextUpdate) : null;
    }

    private static <T> boolean apply(KeyTable<T> table, ConfigMap block, T draft, ConfigReader reader) {
        int errors = reader.errorCount();
        table.apply(block, draft, reader);
        return reader.errorCount() == errors;
    }

    private static void mode(Stapling draft, ConfigEntry entry, ConfigReader reader) {
        reader.string(entry, name -> {
            for (OcspMode mode : OcspMode.values()) {
                if (mode.name().equalsIgnoreCase(name)) {
                    draft.mode = mode;
                    return;
                }
            }
            reader.error(entry, "error parsing ocsp config: unsupported ocsp mode " + GoStrings.quote(name));
        });
    }

    private static void cacheType(Cache draft, ConfigEntry entry, ConfigReader reader) {
        if (!(entry.value() instanceof ConfigString type)) {
            reader.error(entry, String.format(CACHE_UNKNOWN, GoStrings.quote(entry.key())));
            return;
        }
        String lower = type.value().toLowerCase(Locale.ROOT);
        if (lower.equals("local") || lower.equals("none")) {
            draft.type = lower;
        } else {
            reader.error(entry, "error parsing OCSP peer cache config, unknown type [" + type.value() + "]");
        }
    }

    /** A value of one kind; any other kind is reported with the block's unknown-field message, as nats-server does. */
    private static <T, V> KeyTable.Handler<T> typed(Class<V> kind, String unknown, BiConsumer<T, V> set) {
        return (draft, entry, reader) -> {
            if (kind.isInstance(entry.value())) {
                set.accept(draft, kind.cast(entry.value()));
            } else {
                reader.error(entry, String.format(unknown, GoStrings.quote(entry.key())));
            }
        };
    }

    /** Seconds (integer, float or duration); negative values keep the default, as in nats-server. */
    private static KeyTable.Handler<Peer> peerSeconds(BiConsumer<Peer, Duration> set) {
        return (draft, entry, reader) -> {
            Duration seconds = reader.seconds(entry, "error parsing tls peer config, conversion error:");
            if (seconds != null && !seconds.isNegative()) {
                set.accept(draft, seconds);
            }
        };
    }
}
