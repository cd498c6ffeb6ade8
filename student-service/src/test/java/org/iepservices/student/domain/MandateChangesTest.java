package org.iepservices.student.domain;

import org.iepservices.events.ActivitySubject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class MandateChangesTest {

    private static ServiceMandate mandate(ServiceType type, int pushIn, int pullOut) {
        ServiceMandate m = new ServiceMandate();
        m.id = UUID.randomUUID();
        m.serviceType = type;
        m.sessionsPerInterval = pushIn + pullOut;
        m.minutesPerSession = 30;
        m.interval = MandateInterval.WEEK;
        m.pushInSessions = pushIn;
        m.pullOutSessions = pullOut;
        m.delivery = Delivery.INDIVIDUAL;
        m.maxGroupSize = 1;
        return m;
    }

    private static ServiceMandate continuing(ServiceMandate old, int pushIn, int pullOut) {
        ServiceMandate m = mandate(old.serviceType, pushIn, pullOut);
        m.continuesMandateId = old.id;
        return m;
    }

    @Test
    void anAmendmentMovingTheSplitAddingOtAndDroppingCounselingReadsAsSuch() {
        ServiceMandate speech = mandate(ServiceType.SPEECH_LANGUAGE, 1, 1);
        ServiceMandate counseling = mandate(ServiceType.COUNSELING, 0, 1);
        ServiceMandate speechAmended = continuing(speech, 2, 0);
        ServiceMandate ot = mandate(ServiceType.OCCUPATIONAL_THERAPY, 1, 0);

        List<MandateChanges.Change> changes = MandateChanges.between(List.of(speech, counseling),
                List.of(speechAmended, ot));

        assertEquals(List.of(
                new MandateChanges.Change(MandateChanges.Kind.CHANGED, speechAmended.id, speech.id,
                        ServiceType.SPEECH_LANGUAGE, List.of("pushInSessions", "pullOutSessions")),
                new MandateChanges.Change(MandateChanges.Kind.ADDED, ot.id, null, ServiceType.OCCUPATIONAL_THERAPY,
                        List.of()),
                new MandateChanges.Change(MandateChanges.Kind.DROPPED, null, counseling.id, ServiceType.COUNSELING,
                        List.of())), changes);
    }

    @Test
    void aMandateCarriedOverAsItWasIsUnchangedAndConstraintsCount() {
        ServiceMandate speech = mandate(ServiceType.SPEECH_LANGUAGE, 1, 1);
        ServiceMandate same = continuing(speech, 1, 1);
        assertEquals(MandateChanges.Kind.UNCHANGED, MandateChanges.between(List.of(speech), List.of(same)).get(0).kind());

        same.constraints.add(new MandateConstraint(ConstraintKind.NOT_DURING_SUBJECT, ActivitySubject.MATH, null, null));
        assertEquals(List.of("constraints"), MandateChanges.between(List.of(speech), List.of(same)).get(0).fields());
    }

    @Test
    void theFirstVersionAddsEveryMandate() {
        ServiceMandate speech = mandate(ServiceType.SPEECH_LANGUAGE, 1, 1);
        assertEquals(List.of(MandateChanges.Kind.ADDED),
                MandateChanges.between(List.of(), List.of(speech)).stream().map(MandateChanges.Change::kind).toList());
    }
}
