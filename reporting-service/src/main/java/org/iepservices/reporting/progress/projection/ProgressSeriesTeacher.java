package org.iepservices.reporting.progress.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** A teacher of the class a push-in series joins, as the series snapshot lists them. */
@Entity
@Table(name = "progress_series_teacher")
public class ProgressSeriesTeacher extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Embeddable
    public record Key(@Column(name = "series_id") UUID seriesId, @Column(name = "student_id") UUID studentId,
                      @Column(name = "teacher_id") UUID teacherId) implements Serializable {
    }
}
