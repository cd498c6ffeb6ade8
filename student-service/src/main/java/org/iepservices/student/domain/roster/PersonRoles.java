package org.iepservices.student.domain.roster;

import org.iepservices.student.domain.Discipline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a OneRoster user is to us: a student, a staff member (teacher, aide, administrator,
 * counselor...) or neither (guardian, parent, relative, proctor: kept as roster records only),
 * with the orgs that role holds at, primary first. In 1.1 the role and orgs are on the user; in
 * 1.2 they come from roles.csv (or the roles array of a pushed user).
 */
public record PersonRoles(Kind kind, String role, List<String> orgSourcedIds) {

    public enum Kind { STUDENT, STAFF, NONE }

    /** One 1.2 role of a user at an org. */
    public record RoleEntry(String role, String roleType, String orgSourcedId) {
    }

    private static final Set<String> STAFF_ROLES = Set.of("teacher", "aide", "administrator", "counselor",
            "principal", "siteAdministrator", "districtAdministrator", "systemAdministrator");

    public static final PersonRoles NONE = new PersonRoles(Kind.NONE, null, List.of());

    public static Kind kindOf(String role) {
        if ("student".equals(role)) {
            return Kind.STUDENT;
        }
        return STAFF_ROLES.contains(role) ? Kind.STAFF : Kind.NONE;
    }

    /**
     * @param user  the user's fields as stored (1.1 carries role and orgSourcedIds)
     * @param roles the user's active 1.2 roles (ignored when the user itself carries a role)
     */
    public static PersonRoles of(Map<String, String> user, List<RoleEntry> roles) {
        String primaryOrg = user.getOrDefault("primaryOrgSourcedId", "");
        String role = user.getOrDefault("role", "");
        if (!role.isEmpty()) {
            Kind kind = kindOf(role);
            if (kind == Kind.NONE) {
                return NONE;
            }
            List<String> orgs = new ArrayList<>();
            if (!primaryOrg.isEmpty()) {
                orgs.add(primaryOrg);
            }
            for (String org : RosterRecord.splitValues(user.getOrDefault("orgSourcedIds", ""))) {
                if (!orgs.contains(org)) {
                    orgs.add(org);
                }
            }
            return new PersonRoles(kind, role, List.copyOf(orgs));
        }
        // 1.2: a student role anywhere makes a student; else the staff roles make a staff member.
        for (Kind kind : List.of(Kind.STUDENT, Kind.STAFF)) {
            List<RoleEntry> matching = roles.stream().filter(r -> kindOf(r.role()) == kind).toList();
            if (matching.isEmpty()) {
                continue;
            }
            RoleEntry main = matching.stream().filter(r -> "primary".equals(r.roleType())).findFirst()
                    .orElse(matching.get(0));
            List<String> orgs = new ArrayList<>();
            if (!primaryOrg.isEmpty() && matching.stream().anyMatch(r -> r.orgSourcedId().equals(primaryOrg))) {
                orgs.add(primaryOrg);
            }
            orgs.add(main.orgSourcedId());
            matching.forEach(r -> orgs.add(r.orgSourcedId()));
            return new PersonRoles(kind, main.role(), orgs.stream().distinct().toList());
        }
        return NONE;
    }

    /** A counselor is a provider by role; every other staff role is TEACHER unless a discipline column says more. */
    public Discipline defaultDiscipline() {
        return "counselor".equals(role) ? Discipline.COUNSELOR : Discipline.TEACHER;
    }

    /**
     * The discipline an extension column gives ({@code metadata.discipline}, {@code ext_discipline},
     * any case): SLP, OT, PT, COUNSELOR or TEACHER, or the profession spelled out. Empty when there
     * is no such column; {@link Optional#empty()} inside when the value is not one we know.
     */
    public static Optional<Optional<Discipline>> disciplineColumn(Map<String, String> extensions) {
        for (Map.Entry<String, String> e : extensions.entrySet()) {
            if (extensionName(e.getKey()).equals("discipline")) {
                return Optional.of(parseDiscipline(e.getValue()));
            }
        }
        return Optional.empty();
    }

    /** The value of an extension column named like {@code metadata.<name>} / {@code ext_<name>}, if any. */
    public static Optional<String> extension(Map<String, String> extensions, String name) {
        return extensions.entrySet().stream().filter(e -> extensionName(e.getKey()).equals(name))
                .map(Map.Entry::getValue).filter(v -> !v.isBlank()).findFirst();
    }

    static Optional<Discipline> parseDiscipline(String raw) {
        String v = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return Optional.ofNullable(switch (v) {
            case "slp", "speech", "speechlanguage", "speechlanguagepathologist", "speechlanguagepathology",
                 "speechtherapist" -> Discipline.SLP;
            case "ot", "occupationaltherapist", "occupationaltherapy" -> Discipline.OT;
            case "pt", "physicaltherapist", "physicaltherapy" -> Discipline.PT;
            case "counselor", "counsellor", "schoolcounselor", "counseling" -> Discipline.COUNSELOR;
            case "teacher" -> Discipline.TEACHER;
            default -> null;
        });
    }

    private static String extensionName(String column) {
        String name = column.toLowerCase(Locale.ROOT);
        for (String prefix : List.of("metadata.", "ext_", "ext.")) {
            if (name.startsWith(prefix)) {
                name = name.substring(prefix.length());
            }
        }
        return name.startsWith("ext_") ? name.substring(4) : name;
    }
}
