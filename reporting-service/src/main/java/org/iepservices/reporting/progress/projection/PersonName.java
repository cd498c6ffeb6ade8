package org.iepservices.reporting.progress.projection;

/** "Given Family" from roster names, null when the roster gave neither. */
final class PersonName {

    private PersonName() {
    }

    static String of(String given, String family) {
        String name = ((given == null ? "" : given.trim()) + " " + (family == null ? "" : family.trim())).trim();
        return name.isEmpty() ? null : name;
    }
}
