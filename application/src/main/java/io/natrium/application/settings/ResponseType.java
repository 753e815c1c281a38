package io.natrium.application.settings;

/** How many responses a service export sends per request ({@code response_type}). */
public enum ResponseType {
    SINGLETON,
    STREAM,
    CHUNKED
}
