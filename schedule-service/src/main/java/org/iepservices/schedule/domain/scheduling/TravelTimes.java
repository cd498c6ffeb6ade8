package org.iepservices.schedule.domain.scheduling;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Minutes a provider needs between two schools, either way. {@code minutes} holds the known
 * pairs (the provider's own values over the district defaults); {@code fallbackMinutes} is
 * assumed for a pair nobody entered, so an unknown trip is never taken as instant.
 */
public record TravelTimes(@JsonIgnore Map<SchoolPair, Integer> minutes, int fallbackMinutes) {

    /** One known pair, as listed in JSON. */
    public record PairMinutes(UUID schoolA, UUID schoolB, int minutes) {
    }

    /** An unordered pair of schools. */
    public record SchoolPair(UUID first, UUID second) {
        public static SchoolPair of(UUID a, UUID b) {
            return a.toString().compareTo(b.toString()) <= 0 ? new SchoolPair(a, b) : new SchoolPair(b, a);
        }
    }

    public TravelTimes {
        minutes = Map.copyOf(minutes);
    }

    public static TravelTimes none() {
        return new TravelTimes(Map.of(), 0);
    }

    @JsonProperty("pairs")
    public List<PairMinutes> pairs() {
        return minutes.entrySet().stream()
                .map(e -> new PairMinutes(e.getKey().first(), e.getKey().second(), e.getValue()))
                .sorted(Comparator.comparing((PairMinutes p) -> p.schoolA().toString())
                        .thenComparing(p -> p.schoolB().toString()))
                .toList();
    }

    public int between(UUID a, UUID b) {
        if (a.equals(b)) {
            return 0;
        }
        return minutes.getOrDefault(SchoolPair.of(a, b), fallbackMinutes);
    }
}
