-- "CHIROPRACTOR_OR_PHYSICAL_THERAPIST" is 34 characters: the draft for an increased-pain flag could not be saved.
alter table referral_draft alter column suggested_specialty type varchar(64);
