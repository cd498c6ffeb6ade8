package org.iepservices.schedule.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.LocalDate;

@Embeddable
public record NonInstructionalDay(@Column(name = "day") LocalDate date,
                                  @Enumerated(EnumType.STRING) DayKind kind,
                                  String description) {
}
