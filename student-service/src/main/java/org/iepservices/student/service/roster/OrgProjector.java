package org.iepservices.student.service.roster;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.student.domain.District;
import org.iepservices.student.domain.RosterStatus;
import org.iepservices.student.domain.School;
import org.iepservices.student.domain.roster.RosterDistrict;
import org.iepservices.student.repository.RosterRecordRepository.Stored;
import org.iepservices.student.service.RosterEvents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Orgs of type district become districts, orgs of type school become schools (SchoolUpserted when
 * a school changes; its time zone, set through our API, is never touched by the roster). Other org
 * types (department, state, ...) stay roster records, served by the OneRoster API.
 */
@ApplicationScoped
class OrgProjector {

    private final RosterEvents events;

    OrgProjector(RosterEvents events) {
        this.events = events;
    }

    void project(List<Stored> orgs, ProjectionContext context) {
        // Districts first, so the schools of the same chunk find theirs.
        List<Stored> ordered = orgs.stream()
                .sorted(Comparator.comparing((Stored o) -> !"district".equals(o.field("type")))).toList();
        List<String> ids = ordered.stream().map(Stored::sourcedId).toList();
        Map<String, District> districts = BySourcedId.load(District.class, context.district(), ids, d -> d.sourcedId);
        Map<String, School> schools = BySourcedId.load(School.class, context.district(), ids, s -> s.sourcedId);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Stored org : ordered) {
            String type = org.field("type");
            District district = districts.get(org.sourcedId());
            if ("district".equals(type)) {
                if (district == null && !org.active()) {
                    continue; // first seen as tobedeleted: a roster record only
                }
                if (district == null) {
                    district = new District();
                    // The import's district was decided (and given its uuid) before any file applied:
                    // the district org it names is that district.
                    district.id = RosterDistrict.known(context.district())
                            && District.findById(context.district()) == null ? context.district() : UUID.randomUUID();
                    district.rosterDistrict = context.district();
                    district.sourcedId = org.sourcedId();
                    district.createdAt = now;
                    districts.put(org.sourcedId(), district);
                } else if (district.name.equals(org.field("name")) && district.status.equals(org.status())) {
                    continue;
                }
                district.name = org.field("name");
                district.status = org.status();
                district.updatedAt = now;
                district.persist();
            } else if (district != null && RosterStatus.ACTIVE.equals(district.status)) {
                district.status = RosterStatus.TO_BE_DELETED; // no longer a district
                district.updatedAt = now;
            }

            School school = schools.get(org.sourcedId());
            if ("school".equals(type)) {
                UUID districtId = districtOf(org, districts, context.district());
                if (school == null && !org.active()) {
                    continue;
                }
                if (school == null) {
                    school = new School();
                    school.id = UUID.randomUUID();
                    school.sourcedId = org.sourcedId();
                    school.rosterDistrict = context.district();
                    school.createdAt = now;
                } else if (school.name.equals(org.field("name")) && school.status.equals(org.status())
                        && Objects.equals(school.districtId, districtId)) {
                    continue;
                }
                school.name = org.field("name");
                school.status = org.status();
                school.districtId = districtId;
                school.updatedAt = now;
                school.persist();
                events.schoolUpserted(school);
            } else if (school != null && RosterStatus.ACTIVE.equals(school.status)) {
                school.status = RosterStatus.TO_BE_DELETED; // the org is no longer a school
                school.updatedAt = now;
                events.schoolUpserted(school);
            }
        }
    }

    /**
     * The district of a school: its parent org's, looked up within the import's district; a school
     * whose parent is no district (or none) belongs to the import's district when one is known.
     */
    private static UUID districtOf(Stored school, Map<String, District> sameChunk, UUID rosterDistrict) {
        String parent = school.field("parentSourcedId");
        District district = parent.isEmpty() ? null : sameChunk.get(parent);
        if (district == null && !parent.isEmpty()) {
            district = District.<District>find("rosterDistrict = ?1 and sourcedId = ?2", rosterDistrict, parent)
                    .firstResult();
        }
        if (district != null) {
            return district.id;
        }
        return RosterDistrict.known(rosterDistrict) ? rosterDistrict : null;
    }
}
