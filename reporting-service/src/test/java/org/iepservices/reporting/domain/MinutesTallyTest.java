package org.iepservices.reporting.domain;

import org.iepservices.events.ServiceSetting;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class MinutesTallyTest {

    private static DeliveredSession delivered(UUID mandate, ServiceSetting setting, int minutes) {
        DeliveredSession s = new DeliveredSession();
        s.mandateId = mandate;
        s.setting = setting;
        s.minutes = minutes;
        return s;
    }

    private static MissedSession missed(UUID mandate, String owed, int minutes) {
        MissedSession s = new MissedSession();
        s.mandateId = mandate;
        s.owed = owed;
        s.minutes = minutes;
        return s;
    }

    @Test
    void workedExampleWeekTalliesThirtyPullOutAndThirtyOwed() {
        UUID speech = UUID.randomUUID();
        MinutesTally.Tally tally = MinutesTally.total(
                List.of(delivered(speech, ServiceSetting.PULL_OUT, 30)),
                List.of(missed(speech, "OWED", 30)));
        assertEquals(new MinutesTally.Delivered(30, 0, 30, 1), tally.delivered());
        assertEquals(new MinutesTally.Missed(30, 0, 0, 1), tally.missed());
    }

    @Test
    void mandatesAreTalliedSeparatelyIncludingOnesWithOnlyMisses() {
        UUID speech = UUID.randomUUID();
        UUID ot = UUID.randomUUID();
        Map<UUID, MinutesTally.Tally> byMandate = MinutesTally.byMandate(
                List.of(delivered(speech, ServiceSetting.PUSH_IN, 20), delivered(speech, ServiceSetting.PULL_OUT, 30)),
                List.of(missed(ot, "NOT_OWED", 45), missed(ot, "REVIEW", 15)));
        assertEquals(List.of(speech, ot), List.copyOf(byMandate.keySet()));
        assertEquals(new MinutesTally.Delivered(50, 20, 30, 2), byMandate.get(speech).delivered());
        assertEquals(new MinutesTally.Missed(0, 0, 0, 0), byMandate.get(speech).missed());
        assertEquals(new MinutesTally.Missed(0, 45, 15, 2), byMandate.get(ot).missed());
        assertEquals(0, byMandate.get(ot).delivered().total());
    }
}
