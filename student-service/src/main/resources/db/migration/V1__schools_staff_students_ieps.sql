create table school (
    id           uuid primary key,
    name         varchar(200) not null,
    district_id  uuid,
    sourced_id   varchar(255) unique,
    time_zone    varchar(64),
    created_at   timestamptz not null
);

create table staff (
    id           uuid primary key,
    given_name   varchar(100) not null,
    family_name  varchar(100) not null,
    email        varchar(255) not null unique,
    discipline   varchar(20) not null,
    credentials  varchar(100),
    created_at   timestamptz not null
);

create table staff_school (
    staff_id   uuid not null references staff (id),
    school_id  uuid not null references school (id),
    primary key (staff_id, school_id)
);

create table student (
    id             uuid primary key,
    given_name     varchar(100) not null,
    family_name    varchar(100) not null,
    grade          varchar(10) not null,
    school_id      uuid not null references school (id),
    date_of_birth  date,
    sourced_id     varchar(255) unique,
    status         varchar(20) not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    version        bigint not null default 0
);
create index student_school on student (school_id);
create index student_name on student (lower(family_name), lower(given_name));

-- An IEP is never edited once active: an amendment is a new IEP that supersedes it.
create table iep (
    id                  uuid primary key,
    student_id          uuid not null references student (id),
    status              varchar(20) not null,
    start_date          date not null,
    end_date            date not null,
    annual_review_date  date,
    reevaluation_date   date,
    eligibility         varchar(200) not null,
    supersedes_id       uuid references iep (id),
    activated_at        timestamptz,
    created_at          timestamptz not null,
    version             bigint not null default 0,
    constraint iep_dates check (end_date > start_date)
);
create index iep_student on iep (student_id, status);
create unique index iep_one_active on iep (student_id) where status = 'ACTIVE';

create table iep_goal (
    id              uuid primary key,
    iep_id          uuid not null references iep (id),
    position        integer not null,
    area            varchar(40) not null,
    description     varchar(2000) not null,
    target_percent  integer check (target_percent between 0 and 100),
    skill_stage     varchar(20) not null
);

-- "Speech 2 x 30 min per week: 1 pull-out + 1 push-in" is one mandate split by setting.
create table service_mandate (
    id                     uuid primary key,
    iep_id                 uuid not null references iep (id),
    position               integer not null,
    service_type           varchar(40) not null,
    sessions_per_interval  integer not null check (sessions_per_interval >= 1),
    minutes_per_session    integer not null check (minutes_per_session >= 1),
    interval_unit          varchar(20) not null,
    push_in_sessions       integer not null check (push_in_sessions >= 0),
    pull_out_sessions      integer not null check (pull_out_sessions >= 0),
    max_group_size         integer not null check (max_group_size >= 1),
    provider_id            uuid references staff (id),
    constraint mandate_split check (push_in_sessions + pull_out_sessions = sessions_per_interval)
);
