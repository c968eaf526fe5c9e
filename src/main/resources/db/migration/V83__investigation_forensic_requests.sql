-- A request for forensic or digital examination of one exhibit or device on a crime, with the triage decision that
-- routed it (kiosk, local hub or central unit) and its reasons. Status changes update the row; the trigger keeps
-- each previous version in record_history, and no request is ever deleted (a mistaken one is cancelled).
create table forensic_request (
    id                bigserial primary key,
    crime_id          text      not null references crime (id),
    item_description  text      not null check (length(item_description) between 1 and 500),
    item_type         text      not null check (item_type in ('MOBILE_PHONE', 'COMPUTER', 'TABLET', 'STORAGE_MEDIA',
                                        'CCTV', 'VEHICLE_TELEMATICS', 'DNA_SWAB', 'FINGERPRINT_LIFT', 'OTHER_EXHIBIT')),
    full_extraction   boolean   not null,
    deleted_data      boolean   not null,
    specialist        boolean   not null,
    priority          text check (priority in ('HIGH', 'MEDIUM', 'ROUTINE')),
    route             text      not null check (route in ('KIOSK', 'LOCAL_HUB', 'CENTRAL_UNIT')),
    target_days       int       not null check (target_days > 0),
    reasons           text      not null,
    rule_version      text      not null,
    status            text      not null default 'requested'
                                check (status in ('requested', 'in-progress', 'complete', 'cancelled')),
    requested_at      timestamp not null,
    requested_by      text      not null,
    started_at        timestamp,
    started_by        text,
    completed_at      timestamp,
    completed_by      text,
    result_summary    text,
    cancelled_at      timestamp,
    cancelled_by      text,
    cancel_reason     text,
    check (status <> 'complete' or (completed_at is not null and result_summary is not null)),
    check (status <> 'cancelled' or (cancelled_at is not null and cancel_reason is not null))
);
create index forensic_request_crime on forensic_request (crime_id);
create index forensic_request_open on forensic_request (route, requested_at) where status in ('requested', 'in-progress');
create trigger forensic_request_versions before update on forensic_request
    for each row execute function keep_previous_version('id');
create trigger forensic_request_no_delete before delete on forensic_request
    for each row execute function forbid_delete();
