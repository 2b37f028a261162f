-- The directory's distance search computed ll_to_earth() for every provider in the search box on every request
-- (EXPLAIN ANALYZE at 10,000 providers: ~4,000 rows). Store the point once, and index the stored column.
alter table provider add column location earth generated always as (ll_to_earth(latitude, longitude)) stored;
create index provider_location_point on provider using gist (location);
drop index provider_location;
