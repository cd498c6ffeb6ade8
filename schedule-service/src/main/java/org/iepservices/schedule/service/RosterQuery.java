package org.iepservices.schedule.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.schedule.domain.activity.ActivityBlock;
import org.iepservices.schedule.domain.roster.Enrollment;
import org.iepservices.schedule.domain.roster.School;
import org.iepservices.schedule.domain.roster.SchoolClass;
import org.iepservices.schedule.domain.roster.Staff;
import org.iepservices.schedule.domain.roster.Student;
import org.iepservices.schedule.domain.scheduling.ClassBlock;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Lookups over the roster copy and the class activity blocks: who is in which class, what it does when. */
@ApplicationScoped
public class RosterQuery {

    /** The classes each student is enrolled in (as a student) at some point in [from, to]. */
    public Map<UUID, Set<UUID>> classesOfStudents(Collection<UUID> studentIds, LocalDate from, LocalDate to) {
        Map<UUID, Set<UUID>> classes = new HashMap<>();
        if (studentIds.isEmpty()) {
            return classes;
        }
        for (Enrollment e : Enrollment.<Enrollment>list("userId in ?1 and role = ?2", studentIds, Enrollment.STUDENT)) {
            if (e.activeDuring(from, to)) {
                classes.computeIfAbsent(e.userId, k -> new HashSet<>()).add(e.classId);
            }
        }
        return classes;
    }

    public Set<UUID> classesOfStudent(UUID studentId, LocalDate from, LocalDate to) {
        return classesOfStudents(List.of(studentId), from, to).getOrDefault(studentId, Set.of());
    }

    /** The teachers of a class (primary first). */
    public List<UUID> teachersOf(UUID classId) {
        return Enrollment.<Enrollment>list("classId = ?1 and role = ?2 order by primary desc, userId", classId,
                        Enrollment.TEACHER).stream()
                .filter(e -> !Student.INACTIVE.equalsIgnoreCase(e.status)).map(e -> e.userId).distinct().toList();
    }

    /** The students enrolled in a class at some point in [from, to]. */
    public Set<UUID> studentsOf(UUID classId, LocalDate from, LocalDate to) {
        return Enrollment.<Enrollment>list("classId = ?1 and role = ?2", classId, Enrollment.STUDENT).stream()
                .filter(e -> e.activeDuring(from, to)).map(e -> e.userId).collect(Collectors.toSet());
    }

    public Map<UUID, List<ClassBlock>> blocksOf(Collection<UUID> classIds) {
        if (classIds.isEmpty()) {
            return Map.of();
        }
        return ActivityBlock.<ActivityBlock>list("classId in ?1 order by dayOfWeek, startTime", classIds).stream()
                .map(ActivityBlock::toClassBlock).collect(Collectors.groupingBy(ClassBlock::classId));
    }

    /** The activity blocks of every class the student is in during [from, to]. */
    public List<ClassBlock> blocksOfStudent(UUID studentId, LocalDate from, LocalDate to) {
        return blocksOf(classesOfStudent(studentId, from, to)).values().stream().flatMap(List::stream).toList();
    }

    /** Readable names of students, staff, classes and schools among {@code ids}; unknown ids are left out. */
    public Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        Set<UUID> distinct = new HashSet<>(ids);
        distinct.remove(null);
        if (distinct.isEmpty()) {
            return names;
        }
        Student.<Student>list("id in ?1", distinct).forEach(s -> {
            if (s.displayName() != null) {
                names.put(s.id, s.displayName());
            }
        });
        Staff.<Staff>list("id in ?1", distinct).forEach(s -> names.put(s.id, s.displayName()));
        SchoolClass.<SchoolClass>list("id in ?1", distinct).forEach(c -> {
            if (c.title != null) {
                names.put(c.id, c.title);
            }
        });
        School.<School>list("id in ?1", distinct).forEach(s -> {
            if (s.name != null) {
                names.put(s.id, s.name);
            }
        });
        return names;
    }
}
