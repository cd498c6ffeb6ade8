package org.iepservices.student.domain;

import org.iepservices.events.ServiceSetting;
import org.iepservices.problem.Problem.Violation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What makes an IEP version coherent, as plain functions over the entities. A draft must be
 * coherent to be saved ({@link #checkDraft}), so a draft never holds a broken split or a mandate
 * outside the IEP; activation re-checks all of it and adds what only matters once mandates take
 * effect ({@link #checkActivation}): at least one mandate, and no other IEP in force on the same
 * days. Each violation names the field a coordinator has to fix.
 */
public final class IepRules {

    private IepRules() {
    }

    /** Every rule a draft (original or amendment) must satisfy to be stored. */
    public static List<Violation> checkDraft(Iep iep, Iep amended, Map<UUID, Discipline> staffDisciplines) {
        List<Violation> violations = new ArrayList<>();
        violations.addAll(checkDates(iep));
        violations.addAll(checkVersion(iep, amended));
        for (int i = 0; i < iep.mandates.size(); i++) {
            violations.addAll(checkMandate("mandates[" + i + "].", iep.mandates.get(i), iep, staffDisciplines));
        }
        violations.addAll(checkContinuations(iep, amended));
        violations.addAll(checkGoals(iep, amended));
        return violations;
    }

    /**
     * Everything {@link #checkDraft} checks, plus: at least one mandate, and (for an IEP that is
     * not an amendment) no overlap with the student's other IEPs in force.
     */
    public static List<Violation> checkActivation(Iep iep, Iep amended, Map<UUID, Discipline> staffDisciplines,
                                                  Collection<Iep> otherIepsOfStudent) {
        List<Violation> violations = new ArrayList<>(checkDraft(iep, amended, staffDisciplines));
        violations.addAll(checkHasMandates(iep));
        if (!iep.isAmendment()) {
            violations.addAll(checkNoOverlap(iep, otherIepsOfStudent));
        }
        return violations;
    }

    /** The IEP term is in order, and the annual review falls inside it. */
    public static List<Violation> checkDates(Iep iep) {
        List<Violation> violations = new ArrayList<>();
        if (!iep.endDate.isAfter(iep.startDate)) {
            violations.add(new Violation("endDate", "must be after startDate (" + iep.startDate + ")"));
        }
        if (iep.annualReviewDate != null
                && (iep.annualReviewDate.isBefore(iep.startDate) || iep.annualReviewDate.isAfter(iep.endDate))) {
            violations.add(new Violation("annualReviewDate", "must lie within the IEP term " + iep.startDate
                    + " to " + iep.endDate + ": the team reviews the IEP before it runs out"));
        }
        return violations;
    }

    /**
     * An original takes effect on its start date. An amendment keeps the IEP's start date and takes
     * effect on its own date, after the version it amends took effect and within the term.
     */
    public static List<Violation> checkVersion(Iep iep, Iep amended) {
        List<Violation> violations = new ArrayList<>();
        if (amended == null) {
            if (iep.effectiveFrom != null && !iep.effectiveFrom.equals(iep.startDate)) {
                violations.add(new Violation("effectiveFrom", "an IEP takes effect on its startDate ("
                        + iep.startDate + "); only an amendment takes effect later"));
            }
            return violations;
        }
        if (!iep.startDate.equals(amended.startDate)) {
            violations.add(new Violation("startDate", "an amendment keeps the IEP's startDate (" + amended.startDate
                    + "); changes take effect from effectiveFrom"));
        }
        if (iep.effectiveFrom == null) {
            violations.add(new Violation("effectiveFrom", "an amendment needs the date it takes effect"));
        } else if (!iep.effectiveFrom.isAfter(amended.effectiveFrom)) {
            violations.add(new Violation("effectiveFrom", "must be after " + amended.effectiveFrom
                    + ", when the version it amends took effect"));
        } else if (iep.effectiveFrom.isAfter(iep.endDate)) {
            violations.add(new Violation("effectiveFrom", "must not be after endDate (" + iep.endDate + ")"));
        }
        if (iep.amendmentReason == null || iep.amendmentReason.isBlank()) {
            violations.add(new Violation("amendmentReason", "say why the IEP is amended; it stays in the history"));
        }
        return violations;
    }

    /** Every rule of one mandate; {@code prefix} is like {@code mandates[0].}. */
    public static List<Violation> checkMandate(String prefix, ServiceMandate m, Iep iep,
                                               Map<UUID, Discipline> staffDisciplines) {
        List<Violation> violations = new ArrayList<>();
        violations.addAll(checkSplit(prefix, m));
        violations.addAll(checkProvider(prefix, m, staffDisciplines));
        violations.addAll(checkDelivery(prefix, m));
        violations.addAll(checkMandateDates(prefix, m, iep));
        violations.addAll(checkLocations(prefix, m));
        violations.addAll(checkConstraints(prefix, m));
        return violations;
    }

    /** Compliance is tracked per setting, so the sessions must split exactly into push-in and pull-out. */
    public static List<Violation> checkSplit(String prefix, ServiceMandate m) {
        if (m.pushInSessions + m.pullOutSessions == m.sessionsPerInterval) {
            return List.of();
        }
        return List.of(new Violation(prefix + "pushInSessions", "push-in (" + m.pushInSessions + ") and pull-out ("
                + m.pullOutSessions + ") sessions must add up to sessionsPerInterval (" + m.sessionsPerInterval + ")"));
    }

    /** The discipline fits the service, and an assigned provider is a staff member of that discipline. */
    public static List<Violation> checkProvider(String prefix, ServiceMandate m, Map<UUID, Discipline> staffDisciplines) {
        List<Violation> violations = new ArrayList<>();
        if (m.providerDiscipline != m.serviceType.discipline()) {
            violations.add(new Violation(prefix + "providerDiscipline", m.serviceType + " is delivered by "
                    + m.serviceType.discipline() + ", not " + m.providerDiscipline));
        }
        if (m.providerId != null) {
            Discipline staff = staffDisciplines.get(m.providerId);
            if (staff == null) {
                violations.add(new Violation(prefix + "providerId", "no staff member " + m.providerId));
            } else if (staff != m.serviceType.discipline()) {
                violations.add(new Violation(prefix + "providerId", "a " + staff + " cannot deliver "
                        + m.serviceType + "; assign a " + m.serviceType.discipline()));
            }
        }
        return violations;
    }

    /** Individual sessions have one student; a group has at least two and a stated maximum. */
    public static List<Violation> checkDelivery(String prefix, ServiceMandate m) {
        if (m.delivery == Delivery.INDIVIDUAL && m.maxGroupSize != 1) {
            return List.of(new Violation(prefix + "maxGroupSize", "INDIVIDUAL delivery means a group size of 1, not "
                    + m.maxGroupSize));
        }
        if (m.delivery == Delivery.GROUP && m.maxGroupSize < 2) {
            return List.of(new Violation(prefix + "maxGroupSize", "GROUP delivery needs a maximum group size of at "
                    + "least 2"));
        }
        return List.of();
    }

    /** A mandate applies within the version that states it: from its effective date to the IEP's end. */
    public static List<Violation> checkMandateDates(String prefix, ServiceMandate m, Iep iep) {
        List<Violation> violations = new ArrayList<>();
        LocalDate from = iep.effectiveFrom != null ? iep.effectiveFrom : iep.startDate;
        if (m.startDate.isBefore(from) || m.startDate.isAfter(iep.endDate)) {
            violations.add(new Violation(prefix + "startDate", "must lie within " + from + " to " + iep.endDate
                    + (iep.isAmendment() ? ", the amendment's effective period" : ", the IEP term")));
        }
        if (m.endDate.isBefore(m.startDate)) {
            violations.add(new Violation(prefix + "endDate", "must not be before the mandate's startDate ("
                    + m.startDate + ")"));
        } else if (m.endDate.isAfter(iep.endDate)) {
            violations.add(new Violation(prefix + "endDate", "must not be after the IEP's endDate (" + iep.endDate + ")"));
        }
        return violations;
    }

    /** A location describes a setting the mandate uses; one for a setting without sessions is a mistake. */
    public static List<Violation> checkLocations(String prefix, ServiceMandate m) {
        List<Violation> violations = new ArrayList<>();
        if (m.pushInLocation != null && m.pushInSessions == 0) {
            violations.add(new Violation(prefix + "pushInLocation", "the mandate has no push-in sessions"));
        }
        if (m.pullOutLocation != null && m.pullOutSessions == 0) {
            violations.add(new Violation(prefix + "pullOutLocation", "the mandate has no pull-out sessions"));
        }
        return violations;
    }

    /**
     * Constraints apply to a setting the mandate uses, and do not contradict each other: "not during
     * ELA_READING" and "prefer ELA_READING" for the same sessions cannot both hold (they can for
     * different settings: pull-out avoids core reading while push-in joins it).
     */
    public static List<Violation> checkConstraints(String prefix, ServiceMandate m) {
        List<Violation> violations = new ArrayList<>();
        for (int j = 0; j < m.constraints.size(); j++) {
            MandateConstraint c = m.constraints.get(j);
            String field = prefix + "constraints[" + j + "]";
            if (c.setting == ServiceSetting.PUSH_IN && m.pushInSessions == 0
                    || c.setting == ServiceSetting.PULL_OUT && m.pullOutSessions == 0) {
                violations.add(new Violation(field + ".setting", "the mandate has no " + c.setting + " sessions"));
                continue;
            }
            for (int k = 0; k < j; k++) {
                MandateConstraint earlier = m.constraints.get(k);
                boolean sameSessions = c.setting == null || earlier.setting == null || c.setting == earlier.setting;
                if (earlier.subject == c.subject && sameSessions) {
                    violations.add(new Violation(field, earlier.kind == c.kind
                            ? "repeats constraints[" + k + "]"
                            : c.kind + " " + c.subject + " contradicts constraints[" + k + "] (" + earlier.kind
                              + " " + earlier.subject + ") for the same sessions"));
                    break;
                }
            }
        }
        return violations;
    }

    /**
     * An amendment's mandate may say which mandate of the amended version it carries on; that must
     * be a mandate of the amended version, continued once. An original continues nothing. A service
     * the amended version already mandates is a continuing service: at least one of its new mandates
     * must say which mandate it continues (set automatically when there is one of each), so the
     * schedule, logs and compliance follow it across versions.
     */
    public static List<Violation> checkContinuations(Iep iep, Iep amended) {
        List<Violation> violations = new ArrayList<>();
        Set<UUID> available = amended == null ? Set.of()
                : amended.mandates.stream().map(m -> m.id).collect(Collectors.toSet());
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < iep.mandates.size(); i++) {
            UUID continues = iep.mandates.get(i).continuesMandateId;
            if (continues == null) {
                continue;
            }
            String field = "mandates[" + i + "].continuesMandateId";
            if (amended == null) {
                violations.add(new Violation(field, "only an amendment continues a mandate of the version it amends"));
            } else if (!available.contains(continues)) {
                violations.add(new Violation(field, "not a mandate of the amended IEP version " + amended.id));
            } else if (!seen.add(continues)) {
                violations.add(new Violation(field, "mandate " + continues + " is already continued by another mandate"));
            } else if (serviceOf(amended, continues) != iep.mandates.get(i).serviceType) {
                violations.add(new Violation(field, "mandate " + continues + " is a " + serviceOf(amended, continues)
                        + " mandate; a mandate continues one of the same service"));
            }
        }
        if (amended != null) {
            Set<ServiceType> continuing = amended.mandates.stream().map(m -> m.serviceType).collect(Collectors.toSet());
            Set<ServiceType> linked = iep.mandates.stream().filter(m -> m.continuesMandateId != null)
                    .map(m -> m.serviceType).collect(Collectors.toSet());
            Set<ServiceType> reported = new HashSet<>();
            for (int i = 0; i < iep.mandates.size(); i++) {
                ServiceType type = iep.mandates.get(i).serviceType;
                if (continuing.contains(type) && !linked.contains(type) && reported.add(type)) {
                    violations.add(new Violation("mandates[" + i + "].continuesMandateId", "required: the amended "
                            + "version mandates " + type + " already (" + amended.mandates.stream()
                            .filter(m -> m.serviceType == type).map(m -> m.id.toString()).toList()
                            + "); say which of its mandates this one continues"));
                }
            }
        }
        return violations;
    }

    /**
     * A goal is worked on by a service the IEP mandates; one it continues is a goal of the amended version;
     * its measure details fit its measure ({@link GoalMeasureRules}).
     */
    public static List<Violation> checkGoals(Iep iep, Iep amended) {
        List<Violation> violations = new ArrayList<>();
        Set<ServiceType> mandated = iep.mandates.stream().map(m -> m.serviceType).collect(Collectors.toSet());
        Set<UUID> amendedGoals = amended == null ? Set.of()
                : amended.goals.stream().map(g -> g.id).collect(Collectors.toSet());
        Set<UUID> continued = new HashSet<>();
        for (int i = 0; i < iep.goals.size(); i++) {
            IepGoal g = iep.goals.get(i);
            violations.addAll(GoalMeasureRules.check("goals[" + i + "].", g));
            if (g.serviceType != null && !mandated.isEmpty() && !mandated.contains(g.serviceType)) {
                violations.add(new Violation("goals[" + i + "].serviceType", "no mandate of this IEP provides "
                        + g.serviceType + "; mandated: " + mandated.stream().map(Enum::name).sorted().toList()));
            }
            if (g.continuesGoalId != null && !amendedGoals.contains(g.continuesGoalId)) {
                violations.add(new Violation("goals[" + i + "].continuesGoalId", amended == null
                        ? "only an amendment continues a goal of the version it amends"
                        : "not a goal of the amended IEP version " + amended.id));
            } else if (g.continuesGoalId != null && !continued.add(g.continuesGoalId)) {
                violations.add(new Violation("goals[" + i + "].continuesGoalId", "goal " + g.continuesGoalId
                        + " is already continued by another goal"));
            }
        }
        return violations;
    }

    /** An IEP for related services without a mandate would owe nothing: it cannot take effect. */
    public static List<Violation> checkHasMandates(Iep iep) {
        if (iep.mandates.isEmpty()) {
            return List.of(new Violation("mandates", "an IEP for related services needs at least one service mandate"));
        }
        return List.of();
    }

    /**
     * A student has one IEP in force on any day. A new IEP (not an amendment) must neither overlap
     * the days another version was or is in force, nor start before the IEP currently in force: an
     * IEP that changes the current one is an amendment, and the next annual IEP starts after it.
     */
    public static List<Violation> checkNoOverlap(Iep iep, Collection<Iep> others) {
        List<String> overlapping = new ArrayList<>();
        for (Iep other : others) {
            if (other.status == IepStatus.DRAFT || Objects.equals(other.id, iep.id)) {
                continue;
            }
            LocalDate from = other.effectiveFrom;
            LocalDate to = other.effectiveTo();
            if (to.isBefore(from)) {
                continue; // superseded before it ever took effect
            }
            if (!iep.startDate.isAfter(to) && !iep.endDate.isBefore(from)) {
                overlapping.add("IEP " + other.id + " (" + other.status + ", in force " + from + " to " + to + ")");
            } else if (other.status == IepStatus.ACTIVE && iep.endDate.isBefore(from)) {
                overlapping.add("IEP " + other.id + " (ACTIVE from " + from + "), which it would precede");
            }
        }
        if (overlapping.isEmpty()) {
            return List.of();
        }
        return List.of(new Violation("startDate", "the term " + iep.startDate + " to " + iep.endDate + " conflicts with "
                + String.join(", ", overlapping) + "; amend or end that IEP instead"));
    }

    /** An IEP in force may be ended on a day it applies: from its effective date to its end date. */
    public static List<Violation> checkEnd(Iep iep, LocalDate endedOn) {
        if (endedOn.isBefore(iep.effectiveFrom) || endedOn.isAfter(iep.endDate)) {
            return List.of(new Violation("endedOn", "must lie within " + iep.effectiveFrom + " to " + iep.endDate
                    + ", the days this IEP version applies"));
        }
        return List.of();
    }

    /** Only a draft may be edited, activated or deleted; an IEP in force changes through an amendment. */
    public static boolean isEditable(IepStatus status) {
        return status == IepStatus.DRAFT;
    }

    /** The last day a version applies: its end date, cut short by the version superseding it or an end. */
    public static LocalDate effectiveTo(IepStatus status, LocalDate endDate, LocalDate supersededFrom, LocalDate endedOn) {
        LocalDate to = switch (status) {
            case DRAFT -> null;
            case ACTIVE, SUPERSEDED -> endDate;
            case ENDED -> endedOn;
        };
        if (to != null && supersededFrom != null && supersededFrom.minusDays(1).isBefore(to)) {
            to = supersededFrom.minusDays(1);
        }
        return to;
    }

    private static ServiceType serviceOf(Iep iep, UUID mandateId) {
        return iep.mandates.stream().filter(m -> m.id.equals(mandateId)).map(m -> m.serviceType).findFirst().orElse(null);
    }
}
