package org.iepservices.student.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an amendment changed in the mandates, the question a coordinator asks of every version:
 * which service was added, which was dropped, and which terms of a continued service moved.
 */
public final class MandateChanges {

    public enum Kind {
        ADDED,
        CHANGED,
        UNCHANGED,
        DROPPED
    }

    /**
     * One mandate's fate. {@code mandateId} is the new version's mandate (null when DROPPED),
     * {@code previousMandateId} the amended version's (null when ADDED); {@code fields} lists the
     * terms that differ for CHANGED.
     */
    public record Change(Kind kind, UUID mandateId, UUID previousMandateId, ServiceType serviceType,
                         List<String> fields) {
    }

    private MandateChanges() {
    }

    public static List<Change> between(List<ServiceMandate> previous, List<ServiceMandate> next) {
        Map<UUID, ServiceMandate> before = previous.stream()
                .collect(Collectors.toMap(m -> m.id, Function.identity()));
        Set<UUID> continued = new HashSet<>();
        List<Change> changes = new ArrayList<>();
        for (ServiceMandate m : next) {
            ServiceMandate old = m.continuesMandateId == null ? null : before.get(m.continuesMandateId);
            if (old == null) {
                changes.add(new Change(Kind.ADDED, m.id, null, m.serviceType, List.of()));
                continue;
            }
            continued.add(old.id);
            List<String> fields = differences(old, m);
            changes.add(new Change(fields.isEmpty() ? Kind.UNCHANGED : Kind.CHANGED, m.id, old.id, m.serviceType,
                    fields));
        }
        for (ServiceMandate old : previous) {
            if (!continued.contains(old.id)) {
                changes.add(new Change(Kind.DROPPED, null, old.id, old.serviceType, List.of()));
            }
        }
        return changes;
    }

    /** The terms that differ; dates are left out, since every amendment moves the start date. */
    static List<String> differences(ServiceMandate a, ServiceMandate b) {
        List<String> fields = new ArrayList<>();
        diff(fields, "providerId", a.providerId, b.providerId);
        diff(fields, "sessionsPerInterval", a.sessionsPerInterval, b.sessionsPerInterval);
        diff(fields, "minutesPerSession", a.minutesPerSession, b.minutesPerSession);
        diff(fields, "interval", a.interval, b.interval);
        diff(fields, "pushInSessions", a.pushInSessions, b.pushInSessions);
        diff(fields, "pullOutSessions", a.pullOutSessions, b.pullOutSessions);
        diff(fields, "delivery", a.delivery, b.delivery);
        diff(fields, "maxGroupSize", a.maxGroupSize, b.maxGroupSize);
        diff(fields, "endDate", a.endDate, b.endDate);
        diff(fields, "pushInLocation", a.pushInLocation, b.pushInLocation);
        diff(fields, "pullOutLocation", a.pullOutLocation, b.pullOutLocation);
        if (!constraintKeys(a).equals(constraintKeys(b))) {
            fields.add("constraints");
        }
        return fields;
    }

    private static void diff(List<String> fields, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            fields.add(name);
        }
    }

    private static List<String> constraintKeys(ServiceMandate m) {
        return m.constraints.stream().map(c -> c.kind + "/" + c.subject + "/" + c.setting + "/" + c.note).toList();
    }
}
