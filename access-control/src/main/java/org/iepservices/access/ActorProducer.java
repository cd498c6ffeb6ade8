package org.iepservices.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the {@link Actor} of the current request from its verified token. The names of our
 * claims are configuration, because a district's identity provider (Keycloak mappers, Entra ID
 * extension attributes) decides what it can emit.
 * <p>
 * {@code Actor} is a record, hence final, and CDI cannot proxy a final type: the produced Actor is
 * therefore {@code @Dependent} (a normal scope fails the build). This producer is request-scoped,
 * so each request reads its own token; inject {@code Actor} into request-scoped beans, or inject
 * this producer (or {@code Instance<Actor>}) into longer-lived ones, never {@code Actor} itself
 * into a singleton.
 * <p>
 * Scope claims fail closed: a district admin whose token names no district is refused (403) unless
 * the deployment declares itself single-district ({@code access.single-district=true}), and a scope
 * claim that is present but unreadable (a district id that is no UUID) is refused always. Before,
 * either one made the admin's scope "every district".
 */
@RequestScoped
public class ActorProducer {

    private final SecurityIdentity identity;
    private final Instance<JsonWebToken> token;
    private final String staffIdClaim;
    private final String districtIdClaim;
    private final String schoolIdsClaim;
    private final boolean singleDistrict;

    ActorProducer(SecurityIdentity identity, Instance<JsonWebToken> token,
                  @ConfigProperty(name = "access.claims.staff-id", defaultValue = "staff_id") String staffIdClaim,
                  @ConfigProperty(name = "access.claims.district-id", defaultValue = "district_id") String districtIdClaim,
                  @ConfigProperty(name = "access.claims.school-ids", defaultValue = "school_ids") String schoolIdsClaim,
                  @ConfigProperty(name = "access.single-district", defaultValue = "false") boolean singleDistrict) {
        this.identity = identity;
        this.token = token;
        this.staffIdClaim = staffIdClaim;
        this.districtIdClaim = districtIdClaim;
        this.schoolIdsClaim = schoolIdsClaim;
        this.singleDistrict = singleDistrict;
    }

    private Actor current;

    /**
     * Dependent, not request-scoped: {@link Actor} is a record (final), and CDI cannot proxy a final
     * type for a normal scope. This producer itself is request-scoped, so every Actor it makes is the
     * current request's; inject it into request-scoped beans, or {@code Instance<Actor>} elsewhere.
     */
    @Produces
    @Dependent
    public Actor actor() {
        if (current == null) {
            Actor read = read();
            // Checked before it is kept: a second call in the same request is refused as well.
            ScopeClaims.check(read, singleDistrict, districtIdClaim);
            current = read;
        }
        return current;
    }

    private Actor read() {
        if (identity.isAnonymous()) {
            return new Actor("anonymous", null, Set.of(), null, null, Set.of());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        identity.getRoles().forEach(r -> Role.fromClaim(r).ifPresent(roles::add));
        JsonWebToken jwt = token.isResolvable() ? token.get() : null;
        String subject = identity.getPrincipal().getName();
        if (jwt == null || jwt.getRawToken() == null) {
            return new Actor(subject, null, roles, uuid(subject), null, Set.of());
        }
        subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
        UUID staffId = uuid(claim(jwt, staffIdClaim));
        if (staffId == null) {
            staffId = uuid(subject);
        }
        Set<UUID> schools = new LinkedHashSet<>();
        Object schoolClaim = jwt.getClaim(schoolIdsClaim);
        if (schoolClaim instanceof Collection<?> values) {
            values.forEach(v -> {
                UUID id = uuid(unquote(String.valueOf(v)));
                if (id != null) {
                    schools.add(id);
                }
            });
        } else if (schoolClaim != null) {
            for (String part : unquote(String.valueOf(schoolClaim)).split("[,\\s\\[\\]\"]+")) {
                UUID id = uuid(part);
                if (id != null) {
                    schools.add(id);
                }
            }
        }
        String district = claim(jwt, districtIdClaim);
        if (district != null && !district.isBlank() && uuid(district) == null) {
            throw ScopeClaims.unreadable(districtIdClaim);
        }
        return new Actor(subject, claim(jwt, "name"), roles, staffId, uuid(district), schools);
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        return value == null ? null : unquote(String.valueOf(value));
    }

    /** JSON string claims may come back with their quotes (JsonString.toString()). */
    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static UUID uuid(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
