-- Conventions: see db/README.md.
-- Runs whose partner completes the delivery later (Insider One): a run in WAITING_FOR_PARTNER waits for the
-- partner's report on its callback URL until partner_deadline_at; the report's counts are kept on the run.
ALTER TABLE runs ADD COLUMN partner_waiting_for TEXT;
ALTER TABLE runs ADD COLUMN partner_deadline_at    TEXT;
ALTER TABLE runs ADD COLUMN partner_accepted    INTEGER;
ALTER TABLE runs ADD COLUMN partner_rejected    INTEGER;

-- Finding the waits that ran out: only waiting runs are indexed.
CREATE INDEX ix_runs_workspace_id_partner_deadline_at ON runs (workspace_id, partner_deadline_at) WHERE status = 'WAITING_FOR_PARTNER';
