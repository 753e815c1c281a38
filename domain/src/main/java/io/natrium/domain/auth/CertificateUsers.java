package io.natrium.domain.auth;

import io.natrium.domain.auth.CertificateIdentity.SubjectAttribute;

import io.natrium.domain.text.GoStrings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the user a client's certificate names ({@code verify_and_map}), in nats-server's
 * {@code checkClientTLSCertSubject} order: each email SAN, each DNS SAN and each URI SAN as a user name; then the
 * subject as a DN, equal to a user's name read as a DN RDN by RDN, or with its RDNs in another order; then, when the
 * subject has domain components, its RDN sequence followed by them ({@code CN=a,O=b,DC=example,DC=com}) as a name;
 * then the RDN sequence alone. Users not allowed on the connection's type are passed over. Thread-safe.
 */
public final class CertificateUsers {

    private static final String DOMAIN_COMPONENT = "0.9.2342.19200300.100.1.25";

    /**
     * The user found, or none.
     *
     * @param user the user, null when none
     * @param how  how it was found or why none was, as nats-server's debug line says it
     */
    public record Match(User user, String how) {
    }

    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<User, DistinguishedName> names = new LinkedHashMap<>();

    /** Over the configured users, in configuration order. */
    public CertificateUsers(List<User> configured) {
        for (User user : configured) {
            users.put(user.username(), user);
            DistinguishedName name = DistinguishedName.parse(user.username());
            if (name != null) {
                names.put(user, name);
            }
        }
    }

    /** The user the certificate names for a connection of this type; {@code certificate} null for none. */
    public Match find(CertificateIdentity certificate, ConnectionType type) {
        if (certificate == null) {
            return new Match(null, "User required in cert, no peer certificates found");
        }
        if (certificate.emails().isEmpty() && !certificate.hasSubject() && certificate.uris().isEmpty()) {
            return new Match(null, "User required in cert, none found");
        }
        for (String email : certificate.emails()) {
            User user = named(email, type);
            if (user != null) {
                return new Match(user, "Using email found in cert for auth [" + quote(user) + "]");
            }
        }
        for (String dns : certificate.dnsNames()) {
            User user = named(dns, type);
            if (user != null) {
                return new Match(user, "Using SAN found in cert for auth [" + quote(user) + "]");
            }
        }
        for (String uri : certificate.uris()) {
            User user = named(uri, type);
            if (user != null) {
                return new Match(user, "Using URI found in cert for auth [" + quote(user) + "]");
            }
        }
        String rdn = certificate.rdnSequence();
        List<String> misses = new ArrayList<>();
        DistinguishedName subject = DistinguishedName.ofSubject(certificate.subject());
        if (subject != null) {
            User user = byDistinguishedName(subject, type);
            if (user != null) {
                return new Match(user, "Using DistinguishedNameMatch for auth [" + quote(user) + "]");
            }
            misses.add("DistinguishedNameMatch could not be used for auth [" + quote(rdn) + "]");
        }
        String components = domainComponents(certificate.subject());
        if (!components.isEmpty()) {
            String withComponents = rdn + "," + components;
            User user = named(withComponents, type);
            if (user != null) {
                return new Match(user, "Using RDNSequence for auth [" + quote(user) + "]");
            }
            misses.add("RDNSequence could not be used for auth [" + quote(withComponents) + "]");
        }
        User user = named(rdn, type);
        if (user != null) {
            return new Match(user, "Using certificate subject for auth [" + quote(user) + "]");
        }
        misses.add("User in cert [" + quote(rdn) + "], not found");
        return new Match(null, String.join("; ", misses));
    }

    private User named(String name, ConnectionType type) {
        if (name.isEmpty()) {
            return null;
        }
        User user = users.get(name);
        return user != null && allows(user, type) ? user : null;
    }

    private User byDistinguishedName(DistinguishedName subject, ConnectionType type) {
        for (Map.Entry<User, DistinguishedName> named : names.entrySet()) {
            if (allows(named.getKey(), type) && named.getValue().sameAs(subject)) {
                return named.getKey();
            }
        }
        for (Map.Entry<User, DistinguishedName> named : names.entrySet()) {
            if (allows(named.getKey(), type) && named.getValue().sameRdnsAs(subject)) {
                return named.getKey();
            }
        }
        return null;
    }

    /** nats-server's {@code getTLSAuthDCs}: {@code DC=x} for each domain component, in the certificate's order. */
    static String domainComponents(List<List<SubjectAttribute>> subject) {
        List<String> components = new ArrayList<>();
        for (List<SubjectAttribute> rdn : subject) {
            for (SubjectAttribute attribute : rdn) {
                if (attribute.oid().equals(DOMAIN_COMPONENT) && attribute.value() != null) {
                    components.add("DC=" + attribute.value());
                }
            }
        }
        return String.join(",", components);
    }

    private static boolean allows(User user, ConnectionType type) {
        Set<ConnectionType> allowed = user.allowedConnectionTypes();
        return allowed.isEmpty() || allowed.contains(type);
    }

    private static String quote(User user) {
        return quote(user.username());
    }

    private static String quote(String text) {
        return GoStrings.quote(text);
    }
}
