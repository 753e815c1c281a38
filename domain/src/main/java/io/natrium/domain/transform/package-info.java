/**
 * Subject transforms and mappings, as nats-server has them ({@code server/subject_transform.go}, the mapping part of
 * {@code server/accounts.go}). A {@link io.natrium.domain.transform.SubjectTransform} rewrites subjects that match a
 * source filter after a destination pattern of literals, wildcard references and mapping functions; a
 * {@link io.natrium.domain.transform.SubjectMapping} chooses one of several weighted transforms per message; an
 * account's {@link io.natrium.domain.transform.SubjectMappings} finds the first mapping that applies to a published
 * subject. Invalid input is refused with {@link io.natrium.domain.transform.InvalidMappingException}, carrying
 * nats-server's exact text. Applying a transform works on UTF-8 bytes in a reusable
 * {@link io.natrium.domain.transform.TransformBuffer} and allocates nothing.
 */
package io.natrium.domain.transform;
