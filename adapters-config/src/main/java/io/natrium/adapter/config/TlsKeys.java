package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.application.settings.OcspMode;
import io.natrium.application.settings.OcspSettings;

/**
 * Top-level TLS keys: {@code tls} (the client port's TLS; its parts Natrium lacks are refused, see
 * {@link TlsMapper#mapClientPort}), {@code allow_non_tls}, {@code ocsp}, {@code ocsp_cache}. Until OCSP is built, an
 * {@code ocsp} that asks for stapling stops the start: ignoring it would skip the revocation checks asked for;
 * {@code ocsp_cache} only qualifies it and is warned about.
 */
final class TlsKeys {

    private TlsKeys() {
    }

    static void register(KeyTable<FileDraft> table) {
        table.on((draft, entry, reader) -> draft.settings.tls(TlsMapper.mapClientPort(entry, reader)), "tls")
                .on((draft, entry, reader) -> reader.bool(entry, draft.settings::allowNonTls), "allow_non_tls")
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
