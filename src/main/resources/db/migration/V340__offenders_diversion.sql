-- Diversion: an offender referred to a scheme that steers them away from the courts and from reoffending (drugs and
-- alcohol, gangs, the female offenders' triage, youth), and the scheme's outcome once known. Reoffending after
-- referral is measured against a matched comparison group of offenders never referred (DiversionComparison).
create table diversion_referral (
    id            bigserial primary key,
    offender_id   text        not null references offender (id),
    borough_code  text        not null references borough (code),
    scheme        text        not null check (scheme in ('drugs-alcohol', 'gangs', 'female-triage', 'youth')),
    referred_on   date        not null,
    reason        text        not null check (length(trim(reason)) > 0),
    outcome       text check (outcome in ('engaged', 'completed', 'disengaged', 'declined', 'not-accepted')),
    outcome_on    date,
    outcome_notes text,
    recorded_by   text        not null,
    recorded_at   timestamptz not null,
    outcome_by    text,
    outcome_at    timestamptz,
    check ((outcome is null) = (outcome_on is null)),
    check (outcome_on is null or outcome_on >= referred_on)
);
create index diversion_referral_borough on diversion_referral (borough_code, referred_on);
create index diversion_referral_offender on diversion_referral (offender_id);
create trigger diversion_referral_versions before update on diversion_referral
    for each row execute function keep_previous_version('id');
create trigger diversion_referral_no_delete before delete on diversion_referral
    for each row execute function forbid_delete();
