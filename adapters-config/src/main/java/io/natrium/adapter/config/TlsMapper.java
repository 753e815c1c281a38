package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigBoolean;
import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigInteger;
import io.natrium.adapter.config.syntax.ConfigList;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigString;
import io.natrium.adapter.config.syntax.ConfigValue;
import io.natrium.application.settings.CertStoreSettings;
import io.natrium.application.settings.OcspPeerSettings;
import io.natrium.application.settings.TlsCertificatePair;
import io.natrium.application.settings.TlsCertificateSettings;
import io.natrium.application.settings.TlsCipherSettings;
import io.natrium.application.settings.TlsHandshakeSettings;
import io.natrium.application.settings.TlsSettings;
import io.natrium.application.settings.TlsVerifySettings;
import io.natrium.domain.text.GoDurations;
import io.natrium.domain.text.GoStrings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A {@code tls} block (21 keys), kept as data; names of suites, curves and versions are checked against Go's.
 * Loading the files is left to the listener that builds the TLS context.
 */
final class TlsMapper {

    private static final String PREFIX = "error parsing tls config, ";
    private static final Pattern PIN = Pattern.compile("^[A-Fa-f0-9]{64}$");

    private static final KeyTable<Draft> TLS = KeyTable.<Draft>unknownAs(PREFIX + "unknown field %s")
            .on((draft, entry, reader) -> file(entry, reader, file -> draft.certFile = file), "cert_file")
            .on((draft, entry, reader) -> file(entry, reader, file -> draft.keyFile = file), "key_file")
            .on((draft, entry, reader) -> file(entry, reader, file -> draft.caFile = file), "ca_file")
            .on((draft, entry, reader) -> flag(entry, reader, on -> draft.insecure = on), "insecure")
            .on((draft, entry, reader) -> flag(entry, reader, on -> draft.verify |= on), "verify")
            .on((draft, entry, reader) -> flag(entry, reader, on -> {
                draft.verify |= on;
                draft.map = on;
            }), "verify_and_map")
            .on(TlsMapper::checkKnownUrls, "verify_cert_and_check_known_urls")
            .on((draft, entry, reader) -> flag(entry, reader, on -> draft.allowInsecure = on),
                    "allow_insecure_cipher_suites")
            .on((draft, entry, reader) -> draft.ciphers = names(entry, reader, "cipher_suites", "unrecognized cipher ",
                    GoTls::isCipher), "cipher_suites")
            .on((draft, entry, reader) -> draft.curves = names(entry, reader, "curve_preferences",
                    "unrecognized curve preference ", GoTls::isCurve), "curve_preferences")
            .on(TlsMapper::timeout, "timeout")
            .on((draft, entry, reader) -> {
                if (entry.value() instanceof ConfigInteger limit) {
                    draft.rateLimit = limit.value();
                } else {
                    reader.error(entry, PREFIX + "'connection_rate_limit' wrong type");
                }
            }, "connection_rate_limit")
            .on(TlsMapper::pinnedCerts, "pinned_certs")
            .on(TlsMapper::certStore, "cert_store")
            .on(TlsMapper::certMatchBy, "cert_match_by")
            .on((draft, entry, reader) -> nonEmpty(entry, reader, "cert_match", match -> draft.certMatch = match),
                    "cert_match")
            .on(TlsMapper::caCertsMatch, "ca_certs_match")
            .on((draft, entry, reader) -> {
                if (entry.value() instanceof ConfigBoolean skip) {
                    draft.skipInvalid = skip.value();
                } else {
                    reader.error(entry, "expected 'cert_match_skip_invalid' to be a boolean");
                }
            }, "cert_match_skip_invalid")
            .on(TlsMapper::handshakeFirst, "handshake_first", "first", "immediate")
            .on((draft, entry, reader) -> draft.ocspPeer = OcspMapper.peer(entry, reader), "ocsp_peer")
            .on(TlsMapper::certificates, "certs", "certificates")
            .on(TlsMapper::minVersion, "min_version");

    private static final class Draft {
        String certFile;
        String keyFile;
        String caFile;
        List<TlsCertificatePair> pairs = List.of();
        boolean verify;
        boolean map;
        boolean checkKnownUrls;
        boolean insecure;
        Set<String> pinned = Set.of();
        List<String> ciphers = List.of();
        List<String> curves = List.of();
        boolean allowInsecure;
        String minVersion;
        Duration timeout = TlsHandshakeSettings.DEFAULT_TIMEOUT;
        long rateLimit;
        boolean first;
        Duration fallback = Duration.ZERO;
        String certStore;
        String certMatchBy;
        String certMatch;
        List<String> caCertsMatch = List.of();
        boolean skipInvalid;
        OcspPeerSettings ocspPeer;
    }

    private TlsMapper() {
    }

    /**
     * The client port's {@code tls} block, every key of it built (its {@code connection_rate_limit} too, which
     * only the client port honours, as in nats-server).
     */
    static TlsSettings mapClientPort(ConfigEntry entry, ConfigReader reader) {
        ConfigMap block = reader.map(entry);
        if (block == null) {
            return null;
        }
        Draft draft = new Draft();
        return map(entry, block, draft, reader, true);
    }

    /**
     * The TLS settings of an entry, or null when the block is wrong (reported).
     *
     * @param clientContext true for blocks that face clients, where {@code verify_cert_and_check_known_urls} is
     *                      refused, as nats-server does
     */
    static TlsSettings map(ConfigEntry entry, ConfigReader reader, boolean clientContext) {
        ConfigMap block = reader.map(entry);
        if (block == null) {
            return null;
        }
        return map(entry, block, new Draft(), reader, clientContext);
    }

    private static TlsSettings map(ConfigEntry entry, ConfigMap block, Draft draft, ConfigReader reader,
            boolean clientContext) {
        int errors = reader.errorCount();
        TLS.apply(block, draft, reader);
        if (draft.checkKnownUrls && clientContext) {
            reader.error(entry, "verify_cert_and_check_known_urls not supported in this context");
        }
        if (!draft.pairs.isEmpty() && draft.certFile != null) {
            reader.error(entry, PREFIX + "cannot combine 'cert_file' option with 'certs' option");
        }
        List<String> insecure = draft.ciphers.stream().filter(GoTls::isInsecureCipher).toList();
        if (!draft.allowInsecure && !insecure.isEmpty()) {
            reader.error(entry, "insecure cipher suites configured without 'allow_insecure_cipher_suites' option "
                    + "set: " + String.join(", ", insecure));
        }
        if (reader.errorCount() > errors) {
            return null;
        }
        return new TlsSettings(new TlsCertificateSettings(draft.certFile, draft.keyFile, draft.caFile, draft.pairs),
                new TlsVerifySettings(draft.verify, draft.map, draft.checkKnownUrls, draft.insecure, draft.pinned),
                new TlsCipherSettings(draft.ciphers, draft.curves, draft.allowInsecure, draft.minVersion),
                new TlsHandshakeSettings(draft.timeout, draft.rateLimit, draft.first, draft.fallback),
                new CertStoreSettings(draft.certStore, draft.certMatchBy, draft.certMatch, draft.caCertsMatch,
                        draft.skipInvalid),
                draft.ocspPeer);
    }

    private static void file(ConfigEntry entry, ConfigReader reader, Consumer<String> use) {
        if (entry.value() instanceof ConfigString file) {
            use.accept(file.value());
        } else {
            reader.error(entry, PREFIX + "expected '" + entry.key().toLowerCase(Locale.ROOT) + "' to be filename");
        }
    }

    private static void flag(ConfigEntry entry, ConfigReader reader, Consumer<Boolean> use) {
        if (entry.value() instanceof ConfigBoolean flag) {
            use.accept(flag.value());
        } else {
            reader.error(entry, PREFIX + "expected '" + entry.key().toLowerCase(Locale.ROOT) + "' to be a boolean");
        }
    }

    private static void checkKnownUrls(Draft draft, ConfigEntry entry, ConfigReader reader) {
        flag(entry, reader, on -> {
            draft.verify |= on;
            draft.checkKnownUrls = on;
        });
    }

    private static List<String> names(ConfigEntry entry, ConfigReader reader, String key, String unknown,
            Predicate<String> known) {
        ConfigList list = reader.list(entry);
        if (list == null) {
            return List.of();
        }
        if (list.values().isEmpty()) {
            reader.error(entry, PREFIX + "'" + key + "' cannot be empty");
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (ConfigValue element : list.values()) {
            String name = reader.string(element);
            if (name != null && !known.test(name)) {
                reader.error(element.position(), unknown + name);
            } else if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private static void timeout(Draft draft, ConfigEntry entry, ConfigReader reader) {
        Duration timeout = reader.seconds(entry, PREFIX + "'timeout'");
        if (timeout != null) {
            draft.timeout = timeout.isZero() ? TlsHandshakeSettings.DEFAULT_TIMEOUT : timeout;
        }
    }

    private static void pinnedCerts(Draft draft, ConfigEntry entry, ConfigReader reader) {
        if (!(entry.value() instanceof ConfigList list)) {
            reader.error(entry, PREFIX + "expected 'pinned_certs' to be a list of hex-encoded sha256 of DER encoded "
                    + "SubjectPublicKeyInfo");
            return;
        }
        Set<String> pinned = new HashSet<>();
        for (ConfigValue element : list.values()) {
            String pin = reader.string(element);
            if (pin == null) {
                continue;
            }
            String lower = pin.toLowerCase(Locale.ROOT);
            if (PIN.matcher(lower).matches()) {
                pinned.add(lower);
            } else {
                reader.error(element.position(), PREFIX + "'pinned_certs' key " + lower + " does not look like "
                        + "hex-encoded sha256 of DER encoded SubjectPublicKeyInfo");
            }
        }
        draft.pinned = pinned;
    }

    private static void nonEmpty(ConfigEntry entry, ConfigReader reader, String key, Consumer<String> use) {
        if (entry.value() instanceof ConfigString text && !text.value().isEmpty()) {
            use.accept(text.value());
        } else {
            reader.error(entry, "expected '" + key + "' to be a valid non-empty string");
        }
    }

    private static void certStore(Draft draft, ConfigEntry entry, ConfigReader reader) {
        nonEmpty(entry, reader, "cert_store", store -> {
            String problem = GoTls.certStoreProblem(store);
            if (problem == null) {
                draft.certStore = store;
            } else {
                reader.error(entry, problem);
            }
        });
    }

    private static void certMatchBy(Draft draft, ConfigEntry entry, ConfigReader reader) {
        nonEmpty(entry, reader, "cert_match_by", matchBy -> {
            if (GoTls.isCertMatchBy(matchBy)) {
                draft.certMatchBy = matchBy;
            } else {
                reader.error(entry, "cert match by type not implemented");
            }
        });
    }

    private static void caCertsMatch(Draft draft, ConfigEntry entry, ConfigReader reader) {
        if (entry.value() instanceof ConfigString text) {
            draft.caCertsMatch = List.of(text.value());
        } else if (entry.value() instanceof ConfigList list) {
            List<String> matches = new ArrayList<>();
            for (ConfigValue element : list.values()) {
                if (element instanceof ConfigString text) {
                    matches.add(text.value());
                } else {
                    reader.error(entry, "error parsing ca_cert_match: unsupported type "
                            + ConfigReader.goType(element) + " where string is expected");
                    return;
                }
            }
            draft.caCertsMatch = matches;
        }
    }

    private static void handshakeFirst(Draft draft, ConfigEntry entry, ConfigReader reader) {
        if (entry.value() instanceof ConfigBoolean first) {
            draft.first = first.value();
            return;
        }
        if (!(entry.value() instanceof ConfigString text)) {
            reader.error(entry, "field " + GoStrings.quote(entry.key()) + " should be a boolean or a string, got "
                    + ConfigReader.goType(entry.value()));
            return;
        }
        switch (text.value().toLowerCase(Locale.ROOT)) {
            case "true", "on" -> draft.first = true;
            case "false", "off" -> draft.first = false;
            case "auto", "auto_fallback" -> {
                draft.first = true;
                draft.fallback = TlsHandshakeSettings.DEFAULT_FALLBACK_DELAY;
            }
            default -> {
                try {
                    draft.fallback = GoDurations.parse(text.value());
                    draft.first = true;
                } catch (IllegalArgumentException e) {
                    reader.error(entry, "field " + GoStrings.quote(entry.key()) + "'s value "
                            + GoStrings.quote(text.value()) + " is invalid");
                }
            }
        }
    }

    private static void certificates(Draft draft, ConfigEntry entry, ConfigReader reader) {
        if (!(entry.value() instanceof ConfigList list)) {
            reader.error(entry, "error parsing certificates config: unsupported type "
                    + ConfigReader.goType(entry.value()));
            return;
        }
        List<TlsCertificatePair> pairs = new ArrayList<>();
        for (ConfigValue element : list.values()) {
            TlsCertificatePair pair = CertificatePairs.of(element, reader);
            if (pair != null) {
                pairs.add(pair);
            }
        }
        draft.pairs = pairs;
    }

    private static void minVersion(Draft draft, ConfigEntry entry, ConfigReader reader) {
        if (!(entry.value() instanceof ConfigString text)) {
            reader.error(entry, "error parsing tls config: 'min_version' wrong type: " + GoValue.of(entry.value()));
            return;
        }
        String problem = GoTls.minVersionProblem(text.value());
        if (problem == null) {
            draft.minVersion = text.value();
        } else {
            reader.error(entry, "error parsing tls config: " + problem);
        }
    }
}
