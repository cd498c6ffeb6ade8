package org.iepservices.student.domain.roster;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks one CSV row of a file against the spec: required fields, ISO dates, booleans, enumerated
 * values, and the status rules of bulk and delta files. A row with errors is rejected on its own;
 * the rest of the file still applies.
 */
public final class RosterRowReader {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private final RosterHeader header;
    private final RosterVersion version;
    private final ImportMode mode;

    public RosterRowReader(RosterHeader header, RosterVersion version, ImportMode mode) {
        this.header = header;
        this.version = version;
        this.mode = mode;
    }

    /** The outcome for one row: the record, or null when errors reject it. */
    public record Result(RosterRecord record, List<RowIssue> errors, List<RowIssue> warnings) {
        public boolean rejected() {
            return record == null;
        }
    }

    public Result read(long line, List<String> values) {
        RosterFile file = header.file();
        String fileName = file.fileName() + ".csv";
        List<RowIssue> errors = new ArrayList<>();
        List<RowIssue> warnings = new ArrayList<>();
        if (values.size() > header.width()) {
            errors.add(new RowIssue(fileName, line, null,
                    "row has " + values.size() + " fields but the header has " + header.width()));
            return new Result(null, errors, warnings);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> column : header.known().entrySet()) {
            String raw = column.getValue() < values.size() ? values.get(column.getValue()).trim() : "";
            String name = column.getKey();
            if (name.equals("status") || name.equals("dateLastModified")) {
                continue;
            }
            if (raw.isEmpty()) {
                if (file.requiredColumns(version).contains(name)) {
                    errors.add(new RowIssue(fileName, line, name, name + " is required"));
                }
                continue;
            }
            normalise(file, name, raw).ifPresentOrElse(v -> fields.put(name, v),
                    () -> errors.add(new RowIssue(fileName, line, name, problem(file, name, raw))));
        }
        Map<String, String> extensions = new LinkedHashMap<>();
        header.extensions().forEach((name, index) -> {
            if (index < values.size() && !values.get(index).isBlank()) {
                extensions.put(name, values.get(index).trim());
            }
        });

        String status = status(value(values, "status"), fileName, line, errors, warnings);
        OffsetDateTime modified = null;
        String rawModified = value(values, "dateLastModified");
        if (!rawModified.isEmpty()) {
            modified = instant(rawModified);
            if (modified == null) {
                errors.add(new RowIssue(fileName, line, "dateLastModified",
                        "'" + rawModified + "' is not an ISO 8601 date-time (e.g. 2026-08-15T10:00:00Z)"));
            }
        } else if (mode == ImportMode.DELTA) {
            warnings.add(new RowIssue(fileName, line, "dateLastModified", "delta rows should carry dateLastModified"));
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors, warnings);
        }
        String sourcedId = fields.get("sourcedId");
        return new Result(new RosterRecord(file, sourcedId, status, modified, fields, extensions), errors, warnings);
    }

    private String status(String raw, String fileName, long line, List<RowIssue> errors, List<RowIssue> warnings) {
        if (raw.isEmpty()) {
            if (mode == ImportMode.DELTA) {
                errors.add(new RowIssue(fileName, line, "status", "a delta row must say active or tobedeleted"));
            }
            return RosterRecord.ACTIVE;
        }
        String status = raw.toLowerCase(Locale.ROOT);
        if (!status.equals(RosterRecord.ACTIVE) && !status.equals(RosterRecord.TO_BE_DELETED)) {
            errors.add(new RowIssue(fileName, line, "status", "'" + raw + "' is not active or tobedeleted"));
            return null;
        }
        if (mode == ImportMode.BULK) {
            warnings.add(new RowIssue(fileName, line, "status",
                    "bulk rows should leave status blank; '" + raw + "' was applied"));
        }
        return status;
    }

    private String value(List<String> values, String column) {
        Integer index = header.known().get(column);
        return index == null || index >= values.size() ? "" : values.get(index).trim();
    }

    /** The value in canonical form, or empty when it breaks the column's rule. */
    static Optional<String> normalise(RosterFile file, String column, String raw) {
        if (RosterFile.DATE_COLUMNS.contains(column)) {
            try {
                return Optional.of(LocalDate.parse(raw).toString());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (RosterFile.BOOLEAN_COLUMNS.contains(column)) {
            String b = raw.toLowerCase(Locale.ROOT);
            return b.equals("true") || b.equals("false") ? Optional.of(b) : Optional.empty();
        }
        if (column.equals("schoolYear")) {
            return YEAR.matcher(raw).matches() ? Optional.of(raw) : Optional.empty();
        }
        Optional<List<String>> allowed = file.allowedValues(column);
        if (allowed.isPresent()) {
            if (raw.startsWith("ext:")) {
                return Optional.of(raw); // the spec's way of extending an enumeration
            }
            return allowed.get().stream().filter(v -> v.equalsIgnoreCase(raw)).findFirst();
        }
        return Optional.of(raw);
    }

    private static String problem(RosterFile file, String column, String raw) {
        if (RosterFile.DATE_COLUMNS.contains(column)) {
            return "'" + raw + "' is not an ISO date (YYYY-MM-DD)";
        }
        if (RosterFile.BOOLEAN_COLUMNS.contains(column)) {
            return "'" + raw + "' is not true or false";
        }
        if (column.equals("schoolYear")) {
            return "'" + raw + "' is not a four-digit year";
        }
        return "'" + raw + "' is not one of " + String.join(", ", file.allowedValues(column).orElse(List.of()));
    }

    /** ISO date-time with offset; without offset read as UTC; a bare date as its midnight UTC. */
    static OffsetDateTime instant(String raw) {
        try {
            return OffsetDateTime.parse(raw);
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(raw).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(raw).atStartOfDay().atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }
}
