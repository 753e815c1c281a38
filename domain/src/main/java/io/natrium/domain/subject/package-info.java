/**
 * NATS subjects: dot-separated tokens, where {@code *} (one token) and {@code >} (one or more trailing tokens) are
 * wildcards only when they stand as a whole token. {@link io.natrium.domain.subject.Subject} holds the rules for
 * literal (publish) subjects, {@link io.natrium.domain.subject.SubjectFilter} those for subscription filters, and
 * {@link io.natrium.domain.subject.SubjectView} is the allocation-free probe the hot path uses on wire bytes.
 */
package io.natrium.domain.subject;
