package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigBoolean;
import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigInteger;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigString;
import io.natrium.application.settings.ResolverSettings;
import io.natrium.application.settings.ResolverType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The account {@code resolver}: {@code MEM}/{@code MEMORY}, {@code URL("http://...")}, or
 * {@code {type: full|cache|mem, dir, allow_delete, hard_delete, limit, ttl, interval, timeout}}.
 */
final class ResolverMapper {

    private static final Pattern MEMORY = Pattern.compile("(?i)(MEM|MEMORY)\\s*");
    private static final Pattern URL = Pattern.compile("(?i)URL(?:\\(\\s*\"?([^\\s\"]*)\"?\\s*\\))?\\s*");
    private static final String WRONG = "error parsing account resolver, should be MEM or  URL(\"url\") or a map "
            + "containing dir and type state=[FULL|CACHE])";

    private ResolverMapper() {
    }

    /** The resolver of an entry, or null when it is wrong (reported). */
    static ResolverSettings map(ConfigEntry entry, ConfigReader reader) {
        ResolverSettings resolver;
        if (entry.value() instanceof ConfigString text) {
            resolver = ofString(text.value());
        } else if (entry.value() instanceof ConfigMap block) {
            int errors = reader.errorCount();
            resolver = ofMap(entry, block, reader);
            if (reader.errorCount() > errors) {
                return null;
            }
        } else {
            reader.error(entry, "error parsing operator resolver, wrong type " + ConfigReader.goType(entry.value()));
            return null;
        }
        if (resolver == null) {
            reader.error(entry, WRONG);
        }
        return resolver;
    }

    private static ResolverSettings ofString(String text) {
        if (MEMORY.matcher(text).find()) {
            return ResolverSettings.memory();
        }
        Matcher url = URL.matcher(text);
        if (url.find()) {
            return ResolverSettings.url(url.group(1) == null ? "" : url.group(1).trim());
        }
        return null;
    }

    private static ResolverSettings ofMap(ConfigEntry entry, ConfigMap block, ConfigReader reader) {
        String dir = text(block, "dir", reader);
        String type = text(block, "type", reader);
        boolean allowDelete = flag(block, "allow_delete", reader);
        boolean hardDeleteSet = block.get("hard_delete") != null;
        boolean hardDelete = flag(block, "hard_delete", reader);
        ConfigEntry limitEntry = block.get("limit");
        long limit = limitEntry == null ? 0 : value(reader.as(limitEntry, ConfigInteger.class));
        Duration ttl = duration(block, "ttl", reader);
        Duration interval = duration(block, "interval", reader);
        Duration timeout = duration(block, "timeout", reader);
        ResolverType resolverType = switch (type == null ? "" : type.toUpperCase(Locale.ROOT)) {
            case "CACHE" -> ResolverType.CACHE;
            case "FULL" -> ResolverType.FULL;
            case "MEM", "MEMORY" -> ResolverType.MEMORY;
            default -> null;
        };
        if (resolverType == ResolverType.CACHE || resolverType == ResolverType.FULL) {
            if (dir == null || dir.isEmpty()) {
                reader.error(entry, "dir has no value and needs to point to a directory");
            } else if (!accessible(dir)) {
                reader.error(entry, "dir needs to point to an accessible directory");
            }
        }
        if (resolverType == ResolverType.CACHE) {
            problem(entry, reader, !interval.isZero(), "CACHE does not accept sync");
            problem(entry, reader, allowDelete, "CACHE does not accept allow_delete");
            problem(entry, reader, hardDeleteSet, "CACHE does not accept hard_delete");
        } else if (resolverType == ResolverType.FULL) {
            problem(entry, reader, !ttl.isZero(), "FULL does not accept ttl");
            problem(entry, reader, hardDeleteSet && !allowDelete, "hard_delete has no effect without delete");
        }
        return resolverType == null ? null : new ResolverSettings(resolverType, null, dir, allowDelete, hardDelete,
                limit, ttl, interval, timeout);
    }

    /** As nats-server: a missing directory is created at start; an existing one must be a directory its owner writes. */
    private static boolean accessible(String dir) {
        try {
            Path path = Path.of(dir);
            if (!Files.exists(path)) {
                return true;
            }
            if (!Files.isDirectory(path)) {
                return false;
            }
            return Files.getPosixFilePermissions(path).contains(PosixFilePermission.OWNER_WRITE);
        } catch (InvalidPathException | UnsupportedOperationException | IOException unknown) {
            return true;
        }
    }

    private static void problem(ConfigEntry entry, ConfigReader reader, boolean condition, String message) {
        if (condition) {
            reader.error(entry, message);
        }
    }

    private static String text(ConfigMap block, String key, ConfigReader reader) {
        ConfigEntry entry = block.get(key);
        return entry == null ? null : reader.string(entry);
    }

    private static boolean flag(ConfigMap block, String key, ConfigReader reader) {
        ConfigEntry entry = block.get(key);
        ConfigBoolean flag = entry == null ? null : reader.as(entry, ConfigBoolean.class);
        return flag != null && flag.value();
    }

    private static long value(ConfigInteger integer) {
        return integer == null ? 0 : integer.value();
    }

    private static Duration duration(ConfigMap block, String key, ConfigReader reader) {
        ConfigEntry entry = block.get(key);
        Duration[] parsed = {Duration.ZERO};
        if (entry != null) {
            reader.durationString(entry, "", duration -> parsed[0] = duration);
        }
        return parsed[0];
    }
}
