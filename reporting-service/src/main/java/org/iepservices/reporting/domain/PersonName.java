package org.iepservices.reporting.domain;

/** "Given Family" from roster names, null when the roster gave neither. */
public final class PersonName {

    private PersonName() {
    }

    public static String of(String given, String family) {
        String name = ((given == null ? "" : given.trim()) + " " + (family == null ? "" : family.trim())).trim();
        return name.isEmpty() ? null : name;
    }
}
