package io.natrium.application.security;

import io.natrium.application.settings.MappingDestination;
import io.natrium.application.settings.MappingSettings;
import io.natrium.domain.transform.InvalidMappingException;
import io.natrium.domain.transform.SubjectMapping;
import io.natrium.domain.transform.SubjectMappings;
import io.natrium.domain.transform.WeightedDestination;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domain's subject mappings of an account's {@code mappings} settings. Public for the offline checker, which must
 * see the very mappings the server would apply.
 */
public final class MappingsOfSettings {

    private static final Logger LOG = LoggerFactory.getLogger(MappingsOfSettings.class);

    private MappingsOfSettings() {
    }

    /** The configuration was checked when it was loaded; a mapping that still fails is logged and left out. */
    public static SubjectMappings of(List<MappingSettings> settings) {
        if (settings.isEmpty()) {
            return SubjectMappings.none();
        }
        List<SubjectMapping> mappings = new ArrayList<>(settings.size());
        for (MappingSettings mapping : settings) {
            try {
                mappings.add(SubjectMapping.weighted(mapping.source(), destinations(mapping)));
            } catch (InvalidMappingException e) {
                LOG.error("Error adding mapping for \"{}\" : {}", mapping.source(), e.getMessage());
            }
        }
        return SubjectMappings.of(mappings);
    }

    private static List<WeightedDestination> destinations(MappingSettings mapping) {
        List<WeightedDestination> destinations = new ArrayList<>(mapping.destinations().size());
        for (MappingDestination destination : mapping.destinations()) {
            destinations.add(new WeightedDestination(destination.subject(), destination.weight(),
                    destination.cluster() == null ? "" : destination.cluster()));
        }
        return destinations;
    }
}
