package org.iepservices.student.domain.roster;

import java.util.Optional;

/** The OneRoster CSV versions we read. */
public enum RosterVersion {
    V1_1("1.1"),
    V1_2("1.2");

    private final String label;

    RosterVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<RosterVersion> of(String value) {
        String v = value == null ? "" : value.trim();
        for (RosterVersion version : values()) {
            if (version.label.equals(v)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }
}
