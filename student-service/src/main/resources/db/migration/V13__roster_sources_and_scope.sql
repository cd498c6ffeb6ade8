-- Rosters come from several feeds. Every roster record keeps the sources (feeds) that send it
-- and the orgs it is attached to. A bulk file that no longer lists a record of its scope takes
-- its source off the record; the record is deactivated only when no source sends it any more
-- (a vendor's bulk file never deactivates what the SIS sends, nor anything of another district).
-- Records stored before sources existed are sent by the source 'legacy'.
alter table roster_record add column sources varchar(255)[] not null default '{legacy}';
alter table roster_record alter column sources drop default;

-- The org sourcedIds a record is attached to: an org itself, a class's or enrollment's school, a
-- course's org, a 1.1 user's orgs (1.2 users: through their roles), a role's org. Academic
-- sessions and demographics name no org: they take the orgs the import that wrote them covered.
-- null (records from before this migration that name no org) matches every scope of its source.
alter table roster_record add column orgs varchar(255)[];
update roster_record set orgs = case entity
        when 'orgs' then array[sourced_id]
        when 'classes' then array[fields ->> 'schoolSourcedId']
        when 'enrollments' then array[fields ->> 'schoolSourcedId']
        when 'courses' then array[fields ->> 'orgSourcedId']
        when 'roles' then array[fields ->> 'orgSourcedId']
        when 'users' then array_remove(string_to_array(replace(coalesce(fields ->> 'orgSourcedIds', ''), ' ', ''), ',')
                                       || coalesce(fields ->> 'primaryOrgSourcedId', ''), '')
        else null end;

-- Who sent an import (held imports are kept too: outcome HELD, nothing applied).
alter table roster_import add column source varchar(255);
