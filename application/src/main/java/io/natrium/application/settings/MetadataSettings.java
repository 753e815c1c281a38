package io.natrium.application.settings;

import java.util.List;
import java.util.Map;

/**
 * Descriptive data about the server.
 *
 * @param tags         {@code server_tags}, in file order
 * @param metadata     {@code server_metadata}
 * @param featureFlags {@code feature_flags}
 */
public record MetadataSettings(List<String> tags, Map<String, String> metadata, Map<String, Boolean> featureFlags) {

    public MetadataSettings {
        tags = List.copyOf(tags);
        metadata = Map.copyOf(metadata);
        featureFlags = Map.copyOf(featureFlags);
    }

    public static MetadataSettings none() {
        return new MetadataSettings(List.of(), Map.of(), Map.of());
    }
}
