-- Medicaid service (CPT) codes by discipline and billing format. Replaced through the API;
-- these are the defaults. Group code: 2 or more students present; otherwise the individual code.
create table medicaid_service_code (
    discipline      varchar(40) not null,
    billing_format  varchar(20) not null,
    code            varchar(10) not null,
    description     varchar(300),
    primary key (discipline, billing_format)
);
insert into medicaid_service_code (discipline, billing_format, code, description) values
    ('SLP', 'INDIVIDUAL', '92507', 'Treatment of speech, language, voice, communication; individual'),
    ('SLP', 'GROUP', '92508', 'Treatment of speech, language, voice, communication; group, 2 or more'),
    ('OT', 'INDIVIDUAL', '97530', 'Therapeutic activities, direct one-on-one, each 15 minutes'),
    ('OT', 'GROUP', '97150', 'Therapeutic procedure(s), group (2 or more individuals)'),
    ('PT', 'INDIVIDUAL', '97110', 'Therapeutic exercises, each 15 minutes'),
    ('PT', 'GROUP', '97150', 'Therapeutic procedure(s), group (2 or more individuals)');
