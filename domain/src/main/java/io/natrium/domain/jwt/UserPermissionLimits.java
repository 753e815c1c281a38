package io.natrium.domain.jwt;

import java.util.ArrayList;
import java.util.List;

/**
 * What a user JWT (or a scoped signing key's template) grants: permissions, the {@code src} networks and connect
 * {@code times} (in {@code times_location}), the subscription, data and payload limits (-1 for none, 0 when absent),
 * whether it is a bearer token, and the connection types it may use.
 */
public record UserPermissionLimits(JwtPermissions permissions, List<String> sources, List<TimeRange> times,
        String locale, long subscriptions, long data, long payload, boolean bearerToken,
        List<String> allowedConnectionTypes) {

    public static final UserPermissionLimits EMPTY = new UserPermissionLimits(JwtPermissions.NONE, List.of(),
            List.of(), "", 0, 0, 0, false, List.of());

    public UserPermissionLimits {
        sources = List.copyOf(sources);
        times = List.copyOf(times);
        allowedConnectionTypes = List.copyOf(allowedConnectionTypes);
    }

    /** Reads the fields, which JWTs flatten into the object that holds them ({@code nats} or a template). */
    static UserPermissionLimits read(JsonFields holder) {
        List<TimeRange> times = new ArrayList<>();
        for (Object item : holder.array("times")) {
            JsonFields range = JsonFields.of(item, holder.name("times"));
            times.add(new TimeRange(range.string("start"), range.string("end")));
        }
        return new UserPermissionLimits(JwtPermissions.read(holder), sources(holder), times,
                holder.string("times_location"), holder.int64("subs"), holder.int64("data"),
                holder.int64("payload"), holder.bool("bearer_token"), holder.strings("allowed_connection_types"));
    }

    /** {@code src} is a list, or a comma-separated string that the JWT library lower-cases and trims. */
    private static List<String> sources(JsonFields holder) {
        Object value = holder.raw("src");
        if (!(value instanceof String list)) {
            return holder.strings("src");
        }
        return sourceList(list);
    }

    /** The JWT library's {@code CIDRList.Set}: entries lower-cased and trimmed, each kept once. */
    static List<String> sourceList(String list) {
        List<String> sources = new ArrayList<>();
        for (String part : list.toLowerCase(java.util.Locale.ROOT).split(",", -1)) {
            String source = part.strip();
            if (!sources.contains(source)) {
                sources.add(source);
            }
        }
        return sources;
    }

    /** True when nothing is set, as the JWT library's {@code HasEmptyPermissions} requires of scoped users. */
    public boolean isEmpty() {
        return equals(EMPTY);
    }

    public UserPermissionLimits withPermissions(JwtPermissions replaced) {
        return new UserPermissionLimits(replaced, sources, times, locale, subscriptions, data, payload, bearerToken,
                allowedConnectionTypes);
    }

    /** The checks of the JWT library's {@code User.Validate}, each failure in its words. */
    void validate() {
        for (String source : sources) {
            if (Cidr.parse(source) == null) {
                throw new JwtException("invalid cidr \"" + source + "\" in user src limits");
            }
        }
        for (TimeRange range : times) {
            if (range.start().isEmpty()) {
                throw new JwtException("time ranges start must contain a start");
            }
            if (ClockTime.parse(range.start()) < 0) {
                throw new JwtException("start in time range is invalid \"" + range.start() + "\"");
            }
            if (range.end().isEmpty()) {
                throw new JwtException("time ranges end must contain an end");
            }
            if (ClockTime.parse(range.end()) < 0) {
                throw new JwtException("end in time range is invalid \"" + range.end() + "\"");
            }
        }
        if (!locale.isEmpty() && ClockTime.zone(locale, java.time.ZoneOffset.UTC) == null) {
            throw new JwtException("could not parse iana time zone by name: unknown time zone " + locale);
        }
        checkSubjects(permissions.publish(), false);
        checkSubjects(permissions.subscribe(), true);
    }

    private static void checkSubjects(SubjectRules rules, boolean queueAllowed) {
        for (List<String> list : List.of(rules.allow(), rules.deny())) {
            for (String subject : list) {
                String[] parts = subject.split(" ", -1);
                for (String part : parts) {
                    if (part.isEmpty()) {
                        throw new JwtException("subject cannot be empty");
                    }
                }
                if (parts.length == 2 && !queueAllowed) {
                    throw new JwtException("Permission Subject \"" + subject + "\" is not allowed to contain queue");
                }
                if (parts.length > 2) {
                    throw new JwtException("Permission Subject \"" + subject + "\" contains too many spaces");
                }
            }
        }
    }
}
