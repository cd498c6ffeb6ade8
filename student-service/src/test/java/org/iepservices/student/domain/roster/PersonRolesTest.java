package org.iepservices.student.domain.roster;

import org.iepservices.student.domain.Discipline;
import org.iepservices.student.domain.roster.PersonRoles.Kind;
import org.iepservices.student.domain.roster.PersonRoles.RoleEntry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class PersonRolesTest {

    @Test
    void oneRoster11RoleAndOrgsAreOnTheUser() {
        PersonRoles student = PersonRoles.of(Map.of("role", "student", "orgSourcedIds", "dist, sch1,sch2"), List.of());
        assertEquals(Kind.STUDENT, student.kind());
        assertEquals(List.of("dist", "sch1", "sch2"), student.orgSourcedIds());
        assertEquals(Kind.STAFF, PersonRoles.of(Map.of("role", "aide", "orgSourcedIds", "s"), List.of()).kind());
        assertEquals(Kind.STAFF, PersonRoles.of(Map.of("role", "administrator", "orgSourcedIds", "s"), List.of()).kind());
        assertEquals(Kind.NONE, PersonRoles.of(Map.of("role", "guardian", "orgSourcedIds", "s"), List.of()).kind());
        assertEquals(List.of("sch2", "sch1"), PersonRoles.of(Map.of("role", "teacher", "orgSourcedIds", "sch1,sch2",
                "primaryOrgSourcedId", "sch2"), List.of()).orgSourcedIds(), "the primary org first");
    }

    @Test
    void oneRoster12RolesDecideWithTheStudentRoleFirstAndThePrimaryOrgFirst() {
        PersonRoles teacher = PersonRoles.of(Map.of(), List.of(new RoleEntry("teacher", "secondary", "b"),
                new RoleEntry("teacher", "primary", "a")));
        assertEquals(Kind.STAFF, teacher.kind());
        assertEquals(List.of("a", "b"), teacher.orgSourcedIds());
        PersonRoles student = PersonRoles.of(Map.of(), List.of(new RoleEntry("guardian", "primary", "x"),
                new RoleEntry("student", "primary", "s")));
        assertEquals(Kind.STUDENT, student.kind());
        assertEquals(List.of("s"), student.orgSourcedIds());
        assertEquals(PersonRoles.NONE, PersonRoles.of(Map.of(), List.of(new RoleEntry("parent", "primary", "x"))));
        assertEquals(PersonRoles.NONE, PersonRoles.of(Map.of(), List.of()));
    }

    @Test
    void disciplineComesFromAMetadataOrExtColumnElseTheRole() {
        assertEquals(Discipline.TEACHER, PersonRoles.of(Map.of("role", "teacher"), List.of()).defaultDiscipline());
        assertEquals(Discipline.COUNSELOR, PersonRoles.of(Map.of(),
                List.of(new RoleEntry("counselor", "primary", "s"))).defaultDiscipline());
        assertEquals(Optional.of(Optional.of(Discipline.SLP)),
                PersonRoles.disciplineColumn(Map.of("metadata.discipline", "slp")));
        assertEquals(Optional.of(Optional.of(Discipline.OT)),
                PersonRoles.disciplineColumn(Map.of("ext_discipline", "Occupational Therapist")));
        assertEquals(Optional.of(Optional.of(Discipline.SLP)),
                PersonRoles.disciplineColumn(Map.of("metadata.ext_discipline", "Speech-Language Pathologist")));
        assertEquals(Optional.of(Optional.empty()), PersonRoles.disciplineColumn(Map.of("metadata.discipline", "wizard")));
        assertEquals(Optional.empty(), PersonRoles.disciplineColumn(Map.of("metadata.phoneticGivenName", "x")));
        assertEquals(Optional.of("CCC-SLP"), PersonRoles.extension(Map.of("metadata.credentials", "CCC-SLP"), "credentials"));
    }
}
