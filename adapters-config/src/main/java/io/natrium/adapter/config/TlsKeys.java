package io.natrium.adapter.config;

/** Top-level TLS keys: {@code tls}, {@code allow_non_tls}, {@code ocsp}, {@code ocsp_cache}. */
final class TlsKeys {

    private TlsKeys() {
    }

    static void register(KeyTable<FileDraft> table) {
        table.notYet((draft, entry, reader) -> draft.settings.tls(TlsMapper.map(entry, reader, true)), "tls")
                .notYet((draft, entry, reader) -> reader.bool(entry, draft.settings::allowNonTls), "allow_non_tls")
                .notYet((draft, entry, reader) -> draft.settings.ocsp(OcspMapper.stapling(entry, reader)), "ocsp")
                .notYet((draft, entry, reader) -> draft.settings.ocspCache(OcspMapper.cache(entry, reader)),
                        "ocsp_cache");
    }
}
