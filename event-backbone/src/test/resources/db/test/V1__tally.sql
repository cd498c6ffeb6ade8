-- The test projection: a running total per counter, changed only by TallyConsumer.
create table tally (
    counter  varchar(100) primary key,
    total    bigint not null,
    events   integer not null
);
