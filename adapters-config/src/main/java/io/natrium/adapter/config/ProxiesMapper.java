package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigList;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigValue;
import io.natrium.application.settings.ProxiesSettings;
import io.natrium.domain.auth.NKey;
import io.natrium.domain.text.GoStrings;

import java.util.ArrayList;
import java.util.List;

/** The {@code proxies} block: {@code trusted: [{key: "..."}]}, the public nkeys of trusted proxies. */
final class ProxiesMapper {

    private static final KeyTable<List<String>> PROXIES = KeyTable.<List<String>>strict()
            .on(ProxiesMapper::trusted, "trusted");

    private static final KeyTable<List<String>> PROXY = KeyTable.<List<String>>strict()
            .on((keys, entry, reader) -> reader.string(entry, key -> {
                if (NKey.parse(key) == null) {
                    reader.error(entry, "invalid proxy key " + GoStrings.quote(key));
                } else {
                    keys.add(key);
                }
            }), "key", "public_key");

    private ProxiesMapper() {
    }

    static void register(KeyTable<FileDraft> table) {
        table.on((file, entry, reader) -> {
            if (!(entry.value() instanceof ConfigMap block)) {
                reader.error(entry, "expected proxies to be a map/struct, got " + ConfigReader.goType(entry.value()));
                return;
            }
            List<String> keys = new ArrayList<>();
            PROXIES.apply(block, keys, reader);
            file.settings.proxies(new ProxiesSettings(keys));
        }, "proxies");
    }

    private static void trusted(List<String> keys, ConfigEntry entry, ConfigReader reader) {
        if (!(entry.value() instanceof ConfigList list)) {
            reader.error(entry, "expected proxies' trusted field to be an array, got "
                    + ConfigReader.goType(entry.value()));
            return;
        }
        for (ConfigValue element : list.values()) {
            if (element instanceof ConfigMap proxy) {
                PROXY.apply(proxy, keys, reader);
            } else {
                reader.error(element.position(), "expected proxies' trusted entry to be a map/struct, got "
                        + ConfigReader.goType(element));
            }
        }
    }
}
