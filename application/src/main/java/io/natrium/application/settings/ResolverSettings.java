package io.natrium.application.settings;

import java.time.Duration;

/**
 * The account resolver of operator mode.
 *
 * @param type        the kind of resolver
 * @param url         for {@code URL}, the account server; null otherwise
 * @param dir         for {@code FULL} and {@code CACHE}, the directory; null otherwise
 * @param allowDelete for {@code FULL}, allow deleting accounts ({@code allow_delete})
 * @param hardDelete  for {@code FULL}, delete files rather than rename them ({@code hard_delete})
 * @param limit       the most accounts kept ({@code limit}); 0 for the default
 * @param ttl         for {@code CACHE}, how long an account is kept ({@code ttl}); zero for the default
 * @param interval    for {@code FULL}, how often the directory is synchronised ({@code interval}); zero default
 * @param timeout     how long a lookup may take ({@code timeout}); zero for the default
 */
public record ResolverSettings(
        ResolverType type,
        String url,
        String dir,
        boolean allowDelete,
        boolean hardDelete,
        long limit,
        Duration ttl,
        Duration interval,
        Duration timeout) {

    public static ResolverSettings memory() {
        return new ResolverSettings(ResolverType.MEMORY, null, null, false, false, 0, Duration.ZERO, Duration.ZERO,
                Duration.ZERO);
    }

    public static ResolverSettings url(String url) {
        return new ResolverSettings(ResolverType.URL, url, null, false, false, 0, Duration.ZERO, Duration.ZERO,
                Duration.ZERO);
    }
}
