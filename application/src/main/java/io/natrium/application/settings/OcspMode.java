package io.natrium.application.settings;

/** OCSP stapling of the server's own certificate ({@code ocsp.mode}). */
public enum OcspMode {
    /** Staple when the certificate asks for it (must-staple). */
    AUTO,
    /** Always staple. */
    ALWAYS,
    /** Always staple and shut down when the certificate is revoked. */
    MUST,
    /** Never staple. */
    NEVER
}
