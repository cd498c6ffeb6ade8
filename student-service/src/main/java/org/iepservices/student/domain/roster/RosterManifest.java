package org.iepservices.student.domain.roster;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * manifest.csv: which OneRoster version the zip claims and, per file, bulk / delta / absent.
 * Real SIS exports get this file slightly wrong (typos in keys, empty values); those are reported
 * as warnings. A mode we cannot interpret or a version we do not support rejects the import,
 * because guessing would risk deactivating a district's whole roster.
 */
public record RosterManifest(Optional<RosterVersion> version, Map<RosterFile, ImportMode> modes,
                             List<String> otherFilesWithData, List<RowIssue> warnings, List<RowIssue> errors,
                             Set<RosterFile> declared) {

    public static final String FILE_NAME = "manifest.csv";

    /** Files of the OneRoster CSV binding that are not rostering data (gradebook, resources); not imported. */
    private static final Set<String> KNOWN_OTHER_FILES = Set.of("categories", "classresources", "courseresources",
            "lineitems", "resources", "results", "userresources", "userprofiles", "scorescales",
            "lineitemlearningobjectiveids", "lineitemscorescales", "resultlearningobjectiveids",
            "resultscorescales");

    private static final Set<String> KNOWN_PROPERTIES = Set.of("manifest.version", "oneroster.version",
            "source.systemname", "source.systemcode");

    /** @param rows the records of manifest.csv after its header, each [propertyName, value] */
    public static RosterManifest parse(List<String> header, List<List<String>> rows) {
        List<RowIssue> warnings = new ArrayList<>();
        List<RowIssue> errors = new ArrayList<>();
        Map<RosterFile, ImportMode> modes = new EnumMap<>(RosterFile.class);
        List<String> other = new ArrayList<>();
        Optional<RosterVersion> version = Optional.empty();
        if (header.size() < 2 || !header.get(0).trim().equals("propertyName") || !header.get(1).trim().equals("value")) {
            errors.add(new RowIssue(FILE_NAME, 1L, null, "header must be propertyName,value"));
            return new RosterManifest(version, modes, other, warnings, errors, Set.of());
        }
        long line = 1;
        for (List<String> row : rows) {
            line++;
            String property = row.isEmpty() ? "" : row.get(0).trim();
            String value = row.size() < 2 ? "" : row.get(1).trim();
            String key = property.toLowerCase(Locale.ROOT);
            if (key.equals("oneroster.version")) {
                version = RosterVersion.of(value);
                if (version.isEmpty()) {
                    errors.add(new RowIssue(FILE_NAME, line, "value",
                            "unsupported OneRoster version '" + value + "'; this importer reads 1.1 and 1.2"));
                }
            } else if (key.startsWith("file.")) {
                String fileName = property.substring("file.".length());
                Optional<ImportMode> mode = mode(value);
                if (mode.isEmpty()) {
                    if (value.isEmpty()) {
                        warnings.add(new RowIssue(FILE_NAME, line, "value", property + " has no value; treated as absent"));
                        mode = Optional.of(ImportMode.ABSENT);
                    } else {
                        errors.add(new RowIssue(FILE_NAME, line, "value",
                                property + " is '" + value + "'; must be bulk, delta or absent"));
                        continue;
                    }
                }
                Optional<RosterFile> file = RosterFile.byFileName(fileName);
                if (file.isPresent()) {
                    modes.put(file.get(), mode.get());
                } else if (KNOWN_OTHER_FILES.contains(fileName.toLowerCase(Locale.ROOT))) {
                    if (mode.get() != ImportMode.ABSENT) {
                        other.add(fileName);
                    }
                } else {
                    warnings.add(new RowIssue(FILE_NAME, line, "propertyName", "unknown file '" + fileName + "'; ignored"));
                }
            } else if (!KNOWN_PROPERTIES.contains(key)) {
                warnings.add(new RowIssue(FILE_NAME, line, "propertyName", "unknown property '" + property + "'; ignored"));
            }
        }
        Set<RosterFile> declared = Set.copyOf(modes.keySet());
        for (RosterFile file : RosterFile.values()) {
            modes.putIfAbsent(file, ImportMode.ABSENT);
        }
        return new RosterManifest(version, modes, other, warnings, errors, declared);
    }

    private static Optional<ImportMode> mode(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "bulk" -> Optional.of(ImportMode.BULK);
            case "delta" -> Optional.of(ImportMode.DELTA);
            case "absent" -> Optional.of(ImportMode.ABSENT);
            default -> Optional.empty();
        };
    }
}
