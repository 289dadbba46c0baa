-- Failed password sign-ins (issue 10), counted in the database so that every instance behind a load balancer sees
-- the same counts. One row per account, client address or trusted device; the key is a prefix and the SHA-256 of
-- the name, so that a password typed into the username field is never stored. Runs on H2 and PostgreSQL.
create table sign_in_throttle (
    throttle_key varchar(80)              not null primary key, -- 'account:', 'address:' or 'device:' + hash
    failures     integer                  not null,             -- since the last lock, counted before the check
    locks        integer                  not null,             -- locks in a row: each one lasts twice as long
    last_failure timestamp with time zone not null,
    locked_until timestamp with time zone                       -- null: not locked
);

create index sign_in_throttle_last_failure on sign_in_throttle (last_failure);

-- Browsers that signed in with the password (OWASP's device cookies, kept on the server): the cookie holds a random
-- value, this table only its SHA-256, so reading the database does not let anyone forge one.
create table sign_in_device (
    device_hash  varchar(64)              not null primary key,
    account_hash varchar(64)              not null,
    issued_at    timestamp with time zone not null
);

create index sign_in_device_issued_at on sign_in_device (issued_at);
