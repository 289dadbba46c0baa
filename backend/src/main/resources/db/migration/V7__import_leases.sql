-- Several instances on one database: background import work is claimed through the database.
-- Times are the DATABASE's clock (current_timestamp), so the instances' own clocks may disagree.

-- The instance that runs a RUNNING job, and until when its claim holds unless it renews it (a heartbeat does, a few
-- times per lease). A job whose lease has run out (its instance died or stopped) is taken over by another instance;
-- null: nobody runs it (just reopened, released at a clean stop, or written before this migration).
alter table import_job add column lease_owner varchar(200);
alter table import_job add column lease_until timestamp with time zone;

-- A repository being scanned, by which job of which instance, so that two jobs (two users of one organisation
-- importing together) never scan it at the same time. Deleted when the scan ends; a row whose lease ran out
-- belongs to a dead instance and may be taken.
create table import_repository_claim (
    repository_id bigint       not null primary key references git_repository (id) on delete cascade,
    job_id        bigint       not null references import_job (id) on delete cascade,
    lease_owner   varchar(200) not null,
    lease_until   timestamp with time zone not null
);

create index import_repository_claim_owner on import_repository_claim (lease_owner);
create index import_job_lease on import_job (status, lease_until);
