package org.iepservices.schedule.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.ZoneId;

/** Today's date in the district's time zone: school dates are local dates. */
@ApplicationScoped
public class DistrictClock {

    private final ZoneId zone;

    DistrictClock(@ConfigProperty(name = "district.time-zone", defaultValue = "America/New_York") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }
}
