package org.iepservices.student.domain.roster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A file's header matched against the spec by name (any order, any case, BOM tolerated).
 * {@code metadata.*} and {@code ext_*} columns are extensions and kept with the record; other
 * unknown columns (often typos of optional columns) are kept too, and reported.
 */
public record RosterHeader(RosterFile file, int width, Map<String, Integer> known, Map<String, Integer> extensions,
                           List<String> unknown, List<String> missingRequired) {

    public static RosterHeader of(RosterFile file, RosterVersion version, List<String> header) {
        Map<String, String> specByLowerCase = new LinkedHashMap<>();
        for (String column : file.columns()) {
            specByLowerCase.put(column.toLowerCase(Locale.ROOT), column);
        }
        Map<String, Integer> known = new LinkedHashMap<>();
        Map<String, Integer> extensions = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).replace("\uFEFF", "").trim();
            if (name.isEmpty()) {
                continue; // trailing empty header cells
            }
            String spec = specByLowerCase.get(name.toLowerCase(Locale.ROOT));
            if (spec != null) {
                known.putIfAbsent(spec, i);
            } else {
                extensions.put(name, i);
                if (!name.startsWith("metadata.") && !name.startsWith("ext_")) {
                    unknown.add(name);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : file.columns()) {
            if (file.requiredColumns(version).contains(required) && !known.containsKey(required)) {
                missing.add(required);
            }
        }
        return new RosterHeader(file, header.size(), known, extensions, unknown, missing);
    }
}
