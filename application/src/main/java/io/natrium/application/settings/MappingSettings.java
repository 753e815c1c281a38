package io.natrium.application.settings;

import java.util.List;

/**
 * A subject mapping ({@code mappings}): {@code "src": "dest"} (one destination of weight 100) or a weighted list.
 *
 * @param source       the subject messages are published to
 * @param destinations where they go instead
 */
public record MappingSettings(String source, List<MappingDestination> destinations) {

    public MappingSettings {
        destinations = List.copyOf(destinations);
    }
}
