-- Where a user moved a card on a project's canvas (issue 7). Kept here, never in the template: CloudFormation
-- Designer's layout metadata in templates is what this avoids. Shared by everyone who sees the project; a card
-- without a row is placed by the automatic layout. Runs on H2 and PostgreSQL.
create table card_position (
    project_id bigint        not null references project (id) on delete cascade,
    node_id    varchar(2048) not null,  -- a logical id, import:<name>, or an ARN (the resource graph's node ids)
    x          double precision not null,
    y          double precision not null,
    moved_at   timestamp with time zone not null,
    primary key (project_id, node_id)
);
