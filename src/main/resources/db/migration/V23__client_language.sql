-- The language a client reads Backline in ('en' or 'es'): emails written by jobs, which have no browser to ask, use it.
alter table client add column language varchar(8) not null default 'en' check (language in ('en', 'es'));
