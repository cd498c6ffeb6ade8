package org.iepservices.student.service.roster;

import org.iepservices.student.repository.RosterRecordRepository.Stored;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Why a projection runs (an import's rows, a bulk file's absentees, the push API), for which
 * district (every sourcedId is looked up, and every new row keyed, within it) and where its
 * warnings go: {@code warn(sourcedId, message)} for things that applied but could not be placed
 * (a student whose orgs hold no known school, a teacher whose email another person has).
 */
public record ProjectionContext(UUID district, String deactivationReason, ZoneId zone,
                                BiConsumer<String, String> warnings) {

    public void warn(String sourcedId, String message) {
        warnings.accept(sourcedId, message);
    }

    /** The day a deactivation takes effect: the record's dateLastModified, else today, in the district's zone. */
    public LocalDate effectiveOn(Stored record) {
        return record.dateLastModified() != null ? record.dateLastModified().atZoneSameInstant(zone).toLocalDate()
                : LocalDate.now(zone);
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    public ProjectionContext withReason(String reason) {
        return new ProjectionContext(district, reason, zone, warnings);
    }
}
