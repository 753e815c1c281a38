package io.natrium.application.settings;

/** Where account JWTs come from ({@code resolver}). */
public enum ResolverType {
    /** Preloaded into memory ({@code MEM}, {@code MEMORY}). */
    MEMORY,
    /** Fetched from an account server ({@code URL("...")}). */
    URL,
    /** A directory holding every account ({@code type: full}). */
    FULL,
    /** A directory caching looked-up accounts ({@code type: cache}). */
    CACHE
}
