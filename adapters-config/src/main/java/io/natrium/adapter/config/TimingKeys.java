package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.application.settings.WriteTimeoutPolicy;
import io.natrium.domain.text.GoDurations;

import java.time.Duration;

/** Top-level keep-alive, write and lame-duck timing: {@code ping_interval}, {@code write_deadline}, ... */
final class TimingKeys {

    private static final Duration LAME_DUCK_MINIMUM = Duration.ofSeconds(30);

    private TimingKeys() {
    }

    static void register(KeyTable<FileDraft> table) {
        table.on((draft, entry, reader) -> reader.duration("ping_interval", entry, draft.settings::pingInterval),
                        "ping_interval")
                .on((draft, entry, reader) -> reader.goInt(entry, draft.settings::maxPingsOut), "ping_max")
                .on((draft, entry, reader) -> reader.duration("write_deadline", entry, draft.settings::writeDeadline),
                        "write_deadline")
                .notYet(TimingKeys::writeTimeout, "write_timeout")
                .notYet((draft, entry, reader) -> reader.bool(entry,
                        value -> draft.settings.writes(writes -> writes.withNoFastProducerStall(value))),
                        "no_fast_producer_stall")
                .on(TimingKeys::lameDuckDuration, "lame_duck_duration")
                .on(TimingKeys::lameDuckGracePeriod, "lame_duck_grace_period");
    }

    private static void writeTimeout(FileDraft draft, ConfigEntry entry, ConfigReader reader) {
        reader.string(entry, value -> {
            WriteTimeoutPolicy policy = switch (value) {
                case "default" -> WriteTimeoutPolicy.DEFAULT;
                case "close" -> WriteTimeoutPolicy.CLOSE;
                case "retry" -> WriteTimeoutPolicy.RETRY;
                default -> null;
            };
            if (policy == null) {
                reader.error(entry, "write_timeout must be 'default', 'close' or 'retry'");
            } else {
                draft.settings.writes(writes -> writes.withTimeoutPolicy(policy));
            }
        });
    }

    private static void lameDuckDuration(FileDraft draft, ConfigEntry entry, ConfigReader reader) {
        reader.durationString(entry, "error parsing lame_duck_duration: ", duration -> {
            if (duration.compareTo(LAME_DUCK_MINIMUM) < 0) {
                reader.error(entry, "invalid lame_duck_duration of " + GoDurations.format(duration)
                        + ", minimum is 30 seconds");
            } else {
                draft.settings.lameDuckDuration(duration);
            }
        });
    }

    private static void lameDuckGracePeriod(FileDraft draft, ConfigEntry entry, ConfigReader reader) {
        reader.durationString(entry, "error parsing lame_duck_grace_period: ", duration -> {
            if (duration.isNegative()) {
                reader.error(entry, "invalid lame_duck_grace_period, needs to be positive");
            } else {
                draft.settings.lameDuckGracePeriod(duration);
            }
        });
    }
}
