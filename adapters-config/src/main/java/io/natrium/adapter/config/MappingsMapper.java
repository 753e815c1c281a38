package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigInteger;
import io.natrium.adapter.config.syntax.ConfigList;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigString;
import io.natrium.adapter.config.syntax.ConfigValue;
import io.natrium.adapter.config.syntax.Position;
import io.natrium.application.settings.MappingDestination;
import io.natrium.application.settings.MappingSettings;
import io.natrium.domain.subject.SubjectFilter;
import io.natrium.domain.text.GoStrings;
import io.natrium.domain.transform.InvalidMappingException;
import io.natrium.domain.transform.SubjectTransform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code mappings} block, top-level (the global account) or in an account: {@code "src": "dest"}, or a weighted
 * destination or list of them ({@code {destination, weight, cluster}}).
 */
final class MappingsMapper {

    private static final KeyTable<Destination> DESTINATION = KeyTable.<Destination>unknownAs(
                    "Unknown field %s for mapping destination")
            .on((draft, entry, reader) -> reader.string(entry, subject -> draft.subject = subject),
                    "dest", "destination")
            .on(MappingsMapper::weight, "weight")
            .on((draft, entry, reader) -> reader.string(entry, cluster -> draft.cluster = cluster), "cluster");

    private static final class Destination {
        String subject = "";
        Integer weight;
        String cluster;
        boolean failed;
    }

    private MappingsMapper() {
    }

    static void register(KeyTable<FileDraft> table) {
        table.on((draft, entry, reader) -> {
            List<MappingSettings> mappings = map(entry, reader);
            draft.settings.accounts(accounts -> accounts.withMappings(mappings));
        }, "mappings", "maps");
    }

    /** The mappings of an entry; invalid ones are reported and left out. */
    static List<MappingSettings> map(ConfigEntry entry, ConfigReader reader) {
        ConfigMap block = reader.map(entry);
        List<MappingSettings> mappings = new ArrayList<>();
        if (block == null) {
            return mappings;
        }
        for (ConfigEntry mapping : block.all()) {
            String source = mapping.key();
            if (!SubjectFilter.isValid(source)) {
                reader.error(entry, "Subject " + GoStrings.quote(source) + " is not a valid subject");
                continue;
            }
            if (mapping.value() instanceof ConfigString destination && !validTransform(source, destination.value(),
                    mapping, reader)) {
                continue;
            }
            List<MappingDestination> destinations = destinations(mapping, reader);
            if (destinations != null && valid(source, destinations, mapping, reader)) {
                mappings.add(new MappingSettings(source, destinations));
            }
        }
        return mappings;
    }

    private static List<MappingDestination> destinations(ConfigEntry mapping, ConfigReader reader) {
        ConfigValue value = mapping.value();
        if (value instanceof ConfigString subject) {
            return List.of(new MappingDestination(subject.value(), MappingDestination.FULL_WEIGHT, null));
        }
        List<ConfigValue> entries = value instanceof ConfigList list ? list.values() : List.of(value);
        Position at = value instanceof ConfigList ? null : mapping.keyPosition();
        List<MappingDestination> destinations = new ArrayList<>();
        boolean failed = false;
        for (ConfigValue element : entries) {
            MappingDestination destination = destination(element, at == null ? element.position() : at, reader);
            failed |= destination == null;
            if (destination != null) {
                destinations.add(destination);
            }
        }
        return failed && destinations.isEmpty() ? null : destinations;
    }

    private static MappingDestination destination(ConfigValue value, Position at, ConfigReader reader) {
        if (!(value instanceof ConfigMap block)) {
            reader.error(at, "Expected an entry for the mapping destination");
            return null;
        }
        Destination draft = new Destination();
        DESTINATION.apply(block, draft, reader);
        if (draft.failed) {
            return null;
        }
        if (draft.weight == null) {
            reader.error(at, "Missing weight for mapping destination " + GoStrings.quote(draft.subject));
            return null;
        }
        return new MappingDestination(draft.subject, draft.weight, draft.cluster);
    }

    private static void weight(Destination draft, ConfigEntry entry, ConfigReader reader) {
        long weight;
        if (entry.value() instanceof ConfigString text) {
            String digits = ConfigReader.withoutPercent(text.value());
            try {
                weight = Long.parseLong(digits);
            } catch (NumberFormatException e) {
                reader.error(entry, "Invalid weight " + GoStrings.quote(digits) + " for mapping destination");
                draft.failed = true;
                return;
            }
        } else if (entry.value() instanceof ConfigInteger number) {
            weight = number.value();
        } else {
            reader.error(entry, "Unknown entry type for weight of " + GoValue.of(entry.value()));
            draft.failed = true;
            return;
        }
        if (weight > MappingDestination.FULL_WEIGHT || weight < 0) {
            reader.error(entry, "Invalid weight " + weight + " for mapping destination");
            draft.failed = true;
            return;
        }
        draft.weight = (int) weight;
    }

    /** nats-server's check of a single destination: its transform must be valid for the source. */
    private static boolean validTransform(String source, String destination, ConfigEntry mapping,
            ConfigReader reader) {
        String problem = transformProblem(source, destination);
        if (problem != null) {
            reader.error(mapping, "Error adding mapping for " + GoStrings.quote(source) + " to "
                    + GoStrings.quote(destination) + " : " + problem);
        }
        return problem == null;
    }

    private static String transformProblem(String source, String destination) {
        try {
            SubjectTransform.validateMapping(source, destination);
            return null;
        } catch (InvalidMappingException e) {
            return e.getMessage();
        }
    }

    /** nats-server's checks when the weighted mapping is added to the account. */
    private static boolean valid(String source, List<MappingDestination> destinations, ConfigEntry mapping,
            ConfigReader reader) {
        Set<String> seen = new HashSet<>();
        Map<String, Integer> totals = new HashMap<>();
        for (MappingDestination destination : destinations) {
            String problem = null;
            if (!seen.add(destination.subject())) {
                problem = "duplicate entry for " + GoStrings.quote(destination.subject());
            } else if (transformProblem(source, destination.subject()) != null) {
                problem = transformProblem(source, destination.subject());
            } else if (totals.merge(String.valueOf(destination.cluster()), destination.weight(), Integer::sum)
                    > MappingDestination.FULL_WEIGHT) {
                problem = "total weight needs to be <= 100";
            }
            if (problem != null) {
                reader.error(mapping, "Error adding mapping for " + GoStrings.quote(source) + " : " + problem);
                return false;
            }
        }
        return true;
    }
}
