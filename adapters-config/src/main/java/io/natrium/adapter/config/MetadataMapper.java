package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigBoolean;
import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigList;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigString;
import io.natrium.adapter.config.syntax.ConfigValue;
import io.natrium.application.settings.MetadataSettings;
import io.natrium.domain.text.GoStrings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code server_tags}, {@code server_metadata} and {@code feature_flags}. */
final class MetadataMapper {

    private MetadataMapper() {
    }

    static void register(KeyTable<FileDraft> table) {
        table.notYet(MetadataMapper::tags, "server_tags")
                .notYet(MetadataMapper::metadata, "server_metadata")
                .notYet(MetadataMapper::featureFlags, "feature_flags");
    }

    private static void tags(FileDraft file, ConfigEntry entry, ConfigReader reader) {
        List<String> tags = new ArrayList<>();
        if (entry.value() instanceof ConfigString tag) {
            tags.add(tag.value());
        } else if (entry.value() instanceof ConfigList list) {
            for (ConfigValue element : list.values()) {
                if (!(element instanceof ConfigString tag)) {
                    reader.error(entry, "error parsing tags: unsupported type " + ConfigReader.goType(element)
                            + " where string is expected");
                    return;
                }
                tags.add(tag.value());
            }
        } else {
            reader.error(entry, "error parsing tags: unsupported type " + ConfigReader.goType(entry.value()));
            return;
        }
        file.settings.metadata(metadata -> new MetadataSettings(tags, metadata.metadata(), metadata.featureFlags()));
    }

    private static void metadata(FileDraft file, ConfigEntry entry, ConfigReader reader) {
        if (!(entry.value() instanceof ConfigMap block)) {
            reader.error(entry, "error parsing metadata: unsupported type " + ConfigReader.goType(entry.value()));
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (ConfigEntry value : block.all()) {
            reader.string(value, text -> values.put(value.key(), text));
        }
        file.settings.metadata(metadata -> new MetadataSettings(metadata.tags(), values, metadata.featureFlags()));
    }

    private static void featureFlags(FileDraft file, ConfigEntry entry, ConfigReader reader) {
        if (!(entry.value() instanceof ConfigMap block)) {
            reader.error(entry, "error parsing feature flags: unsupported type " + ConfigReader.goType(entry.value()));
            return;
        }
        Map<String, Boolean> flags = new LinkedHashMap<>();
        for (ConfigEntry flag : block.all()) {
            if (flag.value() instanceof ConfigBoolean on) {
                flags.put(flag.key(), on.value());
            } else {
                reader.error(flag, "error parsing feature flag " + GoStrings.quote(flag.key()) + ": expected bool, got "
                        + ConfigReader.goType(flag.value()));
            }
        }
        file.settings.metadata(metadata -> new MetadataSettings(metadata.tags(), metadata.metadata(), flags));
    }
}
