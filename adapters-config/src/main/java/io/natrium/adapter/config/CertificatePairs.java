package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigString;
import io.natrium.adapter.config.syntax.ConfigValue;
import io.natrium.application.settings.TlsCertificatePair;
import io.natrium.domain.text.GoStrings;

/** One element of a TLS block's {@code certs} list: {@code {cert_file, key_file}}. */
final class CertificatePairs {

    private static final String PREFIX = "error parsing certificates config: ";

    private CertificatePairs() {
    }

    /** The pair, or null when the element is not a complete one (reported). */
    static TlsCertificatePair of(ConfigValue element, ConfigReader reader) {
        if (!(element instanceof ConfigMap pair)) {
            reader.error(element.position(), PREFIX + "unsupported type " + ConfigReader.goType(element));
            return null;
        }
        String cert = null;
        String key = null;
        for (ConfigEntry entry : pair.all()) {
            if (!(entry.value() instanceof ConfigString file)) {
                reader.error(entry, PREFIX + "unsupported type " + ConfigReader.goType(entry.value()));
                return null;
            }
            switch (entry.key()) {
                case "cert_file" -> cert = file.value();
                case "key_file" -> key = file.value();
                default -> {
                    reader.error(entry,
                            "error parsing tls certs config, unknown field " + GoStrings.quote(entry.key()));
                    return null;
                }
            }
        }
        if (cert == null || key == null) {
            reader.error(element.position(), PREFIX + "both 'cert_file' and 'cert_key' options are required");
            return null;
        }
        return new TlsCertificatePair(cert, key);
    }
}
