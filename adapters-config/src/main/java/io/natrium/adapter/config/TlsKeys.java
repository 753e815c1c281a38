package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.application.settings.OcspMode;
import io.natrium.application.settings.OcspSettings;

/**
 * Top-level TLS keys: {@code tls}, {@code allow_non_tls}, {@code ocsp}, {@code ocsp_cache}. Until TLS is built,
 * {@code tls} and an {@code ocsp} that asks for stapling stop the start: ignoring them would put clients'
 * credentials on the wire in clear text, or skip the revocation checks asked for. {@code allow_non_tls} and
 * {@code ocsp_cache} only qualify them and are warned about.
 */
final class TlsKeys {

    private TlsKeys() {
    }

    static void register(KeyTable<FileDraft> table) {
        table.refused(Refusal.SECURITY,
                        (draft, entry, reader) -> draft.settings.tls(TlsMapper.map(entry, reader, true)), "tls")
                .notYet((draft, entry, reader) -> reader.bool(entry, draft.settings::allowNonTls), "allow_non_tls")
                .notYet(TlsKeys::ocsp, "ocsp")
                .notYet((draft, entry, reader) -> draft.settings.ocspCache(OcspMapper.cache(entry, reader)),
                        "ocsp_cache");
    }

    private static void ocsp(FileDraft draft, ConfigEntry entry, ConfigReader reader) {
        OcspSettings ocsp = OcspMapper.stapling(entry, reader);
        draft.settings.ocsp(ocsp);
        if (ocsp != null && ocsp.mode() != OcspMode.NEVER) {
            reader.refuse(entry, Refusal.SECURITY);
        }
    }
}
