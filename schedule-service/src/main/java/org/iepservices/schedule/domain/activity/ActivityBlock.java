package org.iepservices.schedule.domain.activity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.iepservices.events.ActivitySubject;
import org.iepservices.schedule.domain.scheduling.ClassBlock;
import org.iepservices.schedule.domain.scheduling.TimeSpan;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

/** What one class does at a time of one weekday (ELA 8:30-9:30, core, highly structured, teacher open). */
@Entity
@Table(name = "activity_block")
public class ActivityBlock extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "class_id")
    public UUID classId;

    @Column(name = "school_id")
    public UUID schoolId;

    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week")
    public DayOfWeek dayOfWeek;

    @Column(name = "start_time")
    public LocalTime startTime;

    @Column(name = "end_time")
    public LocalTime endTime;

    @Enumerated(EnumType.STRING)
    public ActivitySubject subject;

    /** Core instruction: what a pull-out should not take a student away from. */
    public boolean core;

    @Enumerated(EnumType.STRING)
    public Structure structure;

    @Enumerated(EnumType.STRING)
    @Column(name = "push_in_openness")
    public PushInOpenness pushInOpenness;

    public String note;

    @Version
    public long version;

    public ClassBlock toClassBlock() {
        return new ClassBlock(id, classId, dayOfWeek, new TimeSpan(startTime, endTime), subject, core, structure,
                pushInOpenness);
    }
}
