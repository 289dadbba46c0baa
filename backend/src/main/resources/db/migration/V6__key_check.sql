-- The encryption key check (issue 10): a known value sealed with the token encryption key on first start. Every
-- start opens it with the key in use and refuses to start when it does not open, so that an instance with another
-- key (a lost secret.key, a second instance with its own) never writes tokens the others cannot read. One row.
-- Runs on H2 and PostgreSQL.
create table key_check (
    id         integer      not null primary key check (id = 1),
    sealed     varchar(200) not null,
    created_at timestamp with time zone not null
);
