package org.iepservices.student.service.roster;

import org.iepservices.student.domain.RosterStatus;
import org.iepservices.student.domain.School;
import org.iepservices.student.repository.RosterRecordRepository;
import org.iepservices.student.repository.RosterRecordRepository.Stored;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Finds the school an org stands for: the org itself when it is a school, else the nearest school
 * up its parent chain. SIS exports often place classes and people in a department of a school
 * ("History Department" under "Upper School"); those belong to that school. One resolver serves one
 * chunk, loading schools and parent orgs a level at a time, within the chunk's district.
 */
final class SchoolResolver {

    /** Parent levels followed before giving up (a district -> school -> department tree is 2 deep). */
    private static final int MAX_DEPTH = 4;

    private final RosterRecordRepository records;
    private final Map<String, School> schools = new HashMap<>();
    private final Map<String, String> parents = new HashMap<>();
    private final Set<String> loaded = new HashSet<>();

    SchoolResolver(RosterRecordRepository records, UUID district, Collection<String> orgSourcedIds) {
        this.records = records;
        Set<String> level = new HashSet<>(orgSourcedIds);
        for (int depth = 0; depth <= MAX_DEPTH && !level.isEmpty(); depth++) {
            level.removeAll(loaded);
            loaded.addAll(level);
            schools.putAll(BySourcedId.load(School.class, district, level, s -> s.sourcedId));
            Set<String> notSchools = new HashSet<>(level);
            notSchools.removeAll(schools.keySet());
            Set<String> next = new HashSet<>();
            for (Stored org : records.findAll(district, "orgs", notSchools).values()) {
                String parent = org.field("parentSourcedId");
                if (!parent.isEmpty()) {
                    parents.put(org.sourcedId(), parent);
                    next.add(parent);
                }
            }
            level = next;
        }
    }

    /** The school of one org, or null when neither it nor its ancestors are a known school. */
    School school(String orgSourcedId) {
        String org = orgSourcedId;
        for (int depth = 0; depth <= MAX_DEPTH && org != null; depth++) {
            School school = schools.get(org);
            if (school != null) {
                return school;
            }
            org = parents.get(org);
        }
        return null;
    }

    /** The school of the first of these orgs that has one, preferring active schools. */
    School first(List<String> orgSourcedIds) {
        School any = null;
        for (String org : orgSourcedIds) {
            School school = school(org);
            if (school != null && RosterStatus.ACTIVE.equals(school.status)) {
                return school;
            }
            any = any == null ? school : any;
        }
        return any;
    }
}
