package io.natrium.adapter.monitor;

import io.natrium.application.port.in.monitoring.ConnectionState;
import io.natrium.application.port.in.monitoring.SubscriptionListing;
import io.natrium.domain.text.GoStrings;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * nats-server's decoding of monitoring query parameters ({@code decodeBool}, {@code decodeInt},
 * {@code decodeUint64}, {@code decodeState}, {@code decodeSubs}): an absent or empty parameter is the zero value, a
 * malformed one fails with nats-server's text, which quotes Go's {@code strconv} error.
 */
final class QueryParameters {

    private static final Pattern SIGNED_DIGITS = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private QueryParameters() {
    }

    static boolean bool(MonitorRequest request, String name) throws BadParameterException {
        String value = request.parameter(name);
        switch (value) {
            case "" -> {
                return false;
            }
            case "1", "t", "T", "TRUE", "true", "True" -> {
                return true;
            }
            case "0", "f", "F", "FALSE", "false", "False" -> {
                return false;
            }
            default -> throw new BadParameterException("Error decoding boolean for '" + name
                    + "': strconv.ParseBool: parsing " + GoStrings.quote(value) + ": invalid syntax");
        }
    }

    /** A Go {@code int} (64 bits), clamped to the range of a Java {@code int}. */
    static int integer(MonitorRequest request, String name) throws BadParameterException {
        String value = request.parameter(name);
        if (value.isEmpty()) {
            return 0;
        }
        String prefix = "Error decoding int for '" + name + "': strconv.Atoi: parsing " + GoStrings.quote(value);
        if (!SIGNED_DIGITS.matcher(value).matches()) {
            throw new BadParameterException(prefix + ": invalid syntax");
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadParameterException(prefix + ": value out of range");
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, parsed));
    }

    /** A Go {@code uint64}, as the same bits in a Java {@code long}. */
    static long unsigned(MonitorRequest request, String name) throws BadParameterException {
        String value = request.parameter(name);
        if (value.isEmpty()) {
            return 0;
        }
        String prefix = "Error decoding uint64 for '" + name + "': strconv.ParseUint: parsing "
                + GoStrings.quote(value);
        if (!DIGITS.matcher(value).matches()) {
            throw new BadParameterException(prefix + ": invalid syntax");
        }
        try {
            return Long.parseUnsignedLong(value);
        } catch (NumberFormatException e) {
            throw new BadParameterException(prefix + ": value out of range");
        }
    }

    /** {@code state}: open (the default), closed, any or all, in any case. */
    static ConnectionState state(MonitorRequest request) throws BadParameterException {
        String value = request.parameter("state");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "", "open" -> ConnectionState.OPEN;
            case "closed" -> ConnectionState.CLOSED;
            case "any", "all" -> ConnectionState.ALL;
            default -> throw new BadParameterException("Error decoding state for " + value);
        };
    }

    /** {@code subs}: {@code detail} (in any case), else a boolean. */
    static SubscriptionListing subscriptions(MonitorRequest request) throws BadParameterException {
        if ("detail".equals(request.parameter("subs").toLowerCase(Locale.ROOT))) {
            return SubscriptionListing.DETAIL;
        }
        return bool(request, "subs") ? SubscriptionListing.SUBJECTS : SubscriptionListing.NONE;
    }
}
