-- What scheduling (push-in/pull-out recommendation) and Medicaid billing need beyond the IEP.
create table student_service_profile (
    student_id               uuid primary key references student (id),
    regulation_support       varchar(10) not null,
    needs_quiet_setting      boolean not null,
    medicaid_id              varchar(20),
    billing_consent_on_file  boolean not null,
    billing_consent_date     date,
    updated_at               timestamptz not null,
    version                  bigint not null default 0,
    constraint consent_dated check (not billing_consent_on_file or billing_consent_date is not null)
);

create table student_diagnosis_code (
    student_id  uuid not null references student_service_profile (student_id) on delete cascade,
    position    integer not null,
    code        varchar(8) not null,
    primary key (student_id, position)
);
