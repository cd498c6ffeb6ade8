package org.iepservices.student.service;

import org.iepservices.events.IepActivated;
import org.iepservices.events.IepAmended;
import org.iepservices.events.IepEnded;
import org.iepservices.student.domain.Iep;
import org.iepservices.student.domain.IepGoal;
import org.iepservices.student.domain.ServiceMandate;

import java.time.LocalDate;
import java.util.List;

/**
 * The iep.events payloads of an IEP version: the full mandate and goal set, so schedule-service
 * and reporting-service can compute what is owed from the events alone.
 */
final class IepEventPayloads {

    private IepEventPayloads() {
    }

    static IepActivated activated(Iep iep) {
        return new IepActivated(iep.id, iep.studentId, iep.supersedesId, iep.effectiveFrom, iep.endDate,
                mandates(iep), goals(iep));
    }

    static IepAmended amended(Iep iep) {
        return new IepAmended(iep.id, iep.studentId, iep.amendsId, iep.effectiveFrom, iep.endDate, mandates(iep),
                goals(iep), iep.amendmentReason);
    }

    /** The ended version's mandates, each ending on the IEP's last day at the latest. */
    static IepEnded ended(Iep iep) {
        List<IepActivated.Mandate> mandates = iep.mandates.stream().map(m -> {
            IepActivated.Mandate full = mandate(m);
            LocalDate end = m.endDate.isAfter(iep.endedOn) ? iep.endedOn : m.endDate;
            return new IepActivated.Mandate(full.mandateId(), full.continuesMandateId(), full.serviceType(),
                    full.providerDiscipline(), full.providerId(), full.sessionsPerInterval(), full.minutesPerSession(),
                    full.interval(), full.pushInSessions(), full.pullOutSessions(), full.delivery(), full.maxGroupSize(),
                    full.startDate(), end, full.pushInLocation(), full.pullOutLocation(), full.constraints());
        }).toList();
        return new IepEnded(iep.id, iep.studentId, iep.endedOn, iep.endReason, mandates, goals(iep));
    }

    static List<IepActivated.Mandate> mandates(Iep iep) {
        return iep.mandates.stream().map(IepEventPayloads::mandate).toList();
    }

    static IepActivated.Mandate mandate(ServiceMandate m) {
        return new IepActivated.Mandate(m.id, m.continuesMandateId, m.serviceType.name(), m.providerDiscipline.name(),
                m.providerId, m.sessionsPerInterval, m.minutesPerSession, m.interval.name(), m.pushInSessions,
                m.pullOutSessions, m.delivery.name(), m.maxGroupSize, m.startDate, m.endDate, m.pushInLocation,
                m.pullOutLocation, m.constraints.stream().map(c -> new IepActivated.Constraint(c.kind.name(),
                        c.subject.name(), c.note, c.setting == null ? null : c.setting.name())).toList());
    }

    static List<IepActivated.Goal> goals(Iep iep) {
        return iep.goals.stream().map(IepEventPayloads::goal).toList();
    }

    static IepActivated.Goal goal(IepGoal g) {
        return new IepActivated.Goal(g.id, g.area.name(), g.description, g.baseline, g.target, g.targetPercent,
                g.measurementMethod == null ? null : g.measurementMethod.name(), g.skillStage.name(),
                g.serviceType == null ? null : g.serviceType.name(), g.continuesGoalId,
                g.direction == null ? "INCREASE" : g.direction.name(), g.targetValue,
                g.durationUnit == null ? null : g.durationUnit.name(), g.scaleMin, g.scaleMax);
    }
}
