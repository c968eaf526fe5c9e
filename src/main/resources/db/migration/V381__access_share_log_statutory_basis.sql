-- A disclosure the law requires without an agreement (a subject access answer, Data Protection Act 2018 s45) goes
-- through the same share gate and log: it names its statute here instead of an agreement.
alter table share_log add column statutory_basis text check (statutory_basis in ('subject_access'));
alter table share_log add constraint share_log_agreement_or_statute
    check (not (agreement_id is not null and statutory_basis is not null));
