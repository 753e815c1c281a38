package io.natrium.adapter.config;

/**
 * Top-level TLS keys: {@code tls} (the client port's TLS, see {@link TlsMapper#mapClientPort}), {@code allow_non_tls},
 * {@code ocsp}, {@code ocsp_cache}. Whether {@code ocsp} asks for stapling depends on the certificate; the
 * configuration loader's TLS check decides it. {@code ocsp_cache} is the response cache of {@code ocsp_peer} checks.
 */
final class TlsKeys {

    private TlsKeys() {
    }

    static void register(KeyTable<FileDraft> table) {
        table.on((draft, entry, reader) -> draft.settings.tls(TlsMapper.mapClientPort(entry, reader)), "tls")
                .on((draft, entry, reader) -> reader.bool(entry, draft.settings::allowNonTls), "allow_non_tls")
                .on((draft, entry, reader) -> draft.settings.ocsp(OcspMapper.stapling(entry, reader)), "ocsp")
                .on((draft, entry, reader) -> draft.settings.ocspCache(OcspMapper.cache(entry, reader)),
                        "ocsp_cache");
    }
}
