package org.iepservices.student.service.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.student.domain.roster.RosterFile;
import org.iepservices.student.repository.RosterRecordRepository;
import org.iepservices.student.repository.RosterRecordRepository.Stored;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns changed roster records into what the rest of the product works with, a chunk at a time,
 * in the caller's transaction: districts and schools, academic sessions, courses, classes,
 * students and staff, enrollments. Each projector compares before writing and publishes only
 * what changed, so re-importing a roster publishes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RosterProjection {

    private final RosterRecordRepository records;
    private final OrgProjector orgs;
    private final AcademicSessionProjector sessions;
    private final CourseProjector courses;
    private final ClassProjector classes;
    private final PersonProjector people;
    private final EnrollmentProjector enrollments;

    RosterProjection(RosterRecordRepository records, OrgProjector orgs, AcademicSessionProjector sessions,
                     CourseProjector courses, ClassProjector classes, PersonProjector people,
                     EnrollmentProjector enrollments) {
        this.records = records;
        this.orgs = orgs;
        this.sessions = sessions;
        this.courses = courses;
        this.classes = classes;
        this.people = people;
        this.enrollments = enrollments;
    }

    /** Projects the stored records of {@code file} with these sourcedIds (changed, inserted or deactivated). */
    public void project(RosterFile file, Collection<String> sourcedIds, ProjectionContext context) {
        if (sourcedIds.isEmpty()) {
            return;
        }
        switch (file) {
            case ORGS -> orgs.project(stored(file, sourcedIds, context), context);
            case ACADEMIC_SESSIONS -> sessions.project(stored(file, sourcedIds, context), context);
            case COURSES -> courses.project(stored(file, sourcedIds, context), context);
            case CLASSES -> classes.project(stored(file, sourcedIds, context), context);
            case USERS, DEMOGRAPHICS -> people.project(sourcedIds, context); // demographics share the user's sourcedId
            case ROLES -> {
                Set<String> users = new LinkedHashSet<>();
                stored(file, sourcedIds, context).forEach(role -> users.add(role.field("userSourcedId")));
                people.project(users, context);
            }
            case ENROLLMENTS -> enrollments.project(stored(file, sourcedIds, context), context);
        }
    }

    private List<Stored> stored(RosterFile file, Collection<String> sourcedIds, ProjectionContext context) {
        return new ArrayList<>(records.findAll(context.district(), file.entity(), sourcedIds).values());
    }
}
