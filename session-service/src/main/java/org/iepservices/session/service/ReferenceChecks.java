package org.iepservices.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.session.domain.GoalDataEntry;
import org.iepservices.session.domain.GoalMeasureFit;
import org.iepservices.session.domain.MandateWindow;
import org.iepservices.session.domain.ServiceDiscipline;
import org.iepservices.session.domain.copy.KnownGoal;
import org.iepservices.session.domain.copy.KnownIep;
import org.iepservices.session.domain.copy.KnownMandate;
import org.iepservices.session.domain.copy.KnownSchool;
import org.iepservices.session.domain.copy.KnownStaff;
import org.iepservices.session.domain.copy.KnownStudent;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks what a session log or a miss refers to against the copies kept from the other services'
 * events: the provider and their discipline, the student's mandate in force on the date, the goals
 * of that IEP, the student's school and district.
 */
@ApplicationScoped
public class ReferenceChecks {

    /** The provider's copy, or null (and a pending finding) when it has not arrived yet. */
    public KnownStaff provider(Findings findings, String field, UUID providerId) {
        KnownStaff staff = KnownStaff.findById(providerId);
        if (staff == null) {
            findings.pending(field, "provider " + providerId + " (StaffUpserted on roster.events)");
            return null;
        }
        if ("TEACHER".equalsIgnoreCase(staff.discipline)) {
            findings.invalid(field, staff.displayName() + " is a TEACHER and does not deliver related services");
        }
        return staff;
    }

    /**
     * Checks one student's line: still on the roster that day, the mandate is the student's and in
     * force on {@code date}, the provider's discipline delivers its service, the goals are goals of
     * the mandate's IEP. Returns the mandate copy when there is one.
     *
     * @param prefix JSON path of the line, e.g. {@code students[0]}; {@code ""} for a top-level field
     */
    public Optional<KnownMandate> line(Findings findings, String prefix, UUID studentId, UUID mandateId,
                                       LocalDate date, KnownStaff provider, List<GoalDataEntry> goals) {
        String at = prefix.isEmpty() ? "" : prefix + ".";
        KnownStudent student = KnownStudent.findById(studentId);
        if (student != null && student.leftOnOrBefore(date)) {
            findings.invalid(at + "studentId", "the student left the roster on " + student.deactivatedOn);
        }
        KnownMandate mandate = KnownMandate.findById(mandateId);
        if (mandate == null) {
            findings.pending(at + "mandateId", "mandate " + mandateId + " (its IEP from iep.events)");
            for (int j = 0; j < goals.size(); j++) {
                if (goals.get(j).goalId() != null && KnownGoal.findById(goals.get(j).goalId()) == null) {
                    findings.pending(at + "goalData[" + j + "].goalId", "goal " + goals.get(j).goalId()
                            + " (its IEP from iep.events)");
                }
            }
            return Optional.empty();
        }
        if (!mandate.studentId.equals(studentId)) {
            findings.invalid(at + "mandateId", "mandate " + mandateId + " belongs to another student");
            return Optional.of(mandate);
        }
        KnownIep iep = KnownIep.findById(mandate.iepId);
        Optional<MandateWindow> window = ContinuingMandates.window(mandate);
        if (window.isEmpty()) {
            findings.invalid(at + "mandateId", "mandate " + mandateId + " is not in force on any day"
                    + (iep != null && iep.supersededFrom != null ? " (its IEP was superseded from "
                    + iep.supersededFrom + ")" : ""));
        } else if (!window.get().covers(date)) {
            findings.invalid(at + "mandateId", "mandate " + mandateId + " is not in force on " + date
                    + " (in force " + window.get() + ")");
        }
        String needed = ServiceDiscipline.of(mandate.serviceType, mandate.providerDiscipline);
        if (provider != null && provider.discipline != null && !ServiceDiscipline.matches(needed, provider.discipline)) {
            findings.invalid(at + "mandateId", "mandate " + mandateId + " (" + mandate.serviceType + ") needs a "
                    + "provider of discipline " + (needed == null ? "unknown" : needed) + "; provider "
                    + provider.displayName() + " is " + provider.discipline);
        }
        for (int j = 0; j < goals.size(); j++) {
            UUID goalId = goals.get(j).goalId();
            if (goalId == null) {
                continue;
            }
            String field = at + "goalData[" + j + "].goalId";
            KnownGoal goal = KnownGoal.findById(goalId);
            if (goal == null || !goal.studentId.equals(studentId)) {
                findings.invalid(field, "goal " + goalId + " is not a goal of this student's IEP");
            } else if (!goal.iepId.equals(mandate.iepId)) {
                findings.invalid(field, "goal " + goalId + " belongs to another version of the student's IEP than "
                        + "the mandate served");
            } else {
                findings.invalid(GoalMeasureFit.check(at + "goalData[" + j + "].", goals.get(j),
                        goal.measurementMethod, goal.scaleMin, goal.scaleMax));
            }
        }
        return Optional.of(mandate);
    }

    /** Whose makeup policy applies to the student: resolved through the student's school. */
    public record District(UUID districtId) {
    }

    /**
     * The student's district, from the StudentUpserted and SchoolUpserted copies. A school without
     * a district gives {@code District(null)}: the default policy.
     */
    public Optional<District> district(Findings findings, String field, UUID studentId) {
        KnownStudent student = KnownStudent.findById(studentId);
        if (student == null || student.schoolId == null) {
            findings.pending(field, "student " + studentId + " (StudentUpserted on roster.events; the district "
                    + "makeup policy applies through the student's school)");
            return Optional.empty();
        }
        KnownSchool school = KnownSchool.findById(student.schoolId);
        if (school == null) {
            findings.pending(field, "school " + student.schoolId + " of student " + studentId
                    + " (SchoolUpserted on roster.events)");
            return Optional.empty();
        }
        return Optional.of(new District(school.districtId));
    }
}
