-- A stage can end because the campaign was cancelled while it ran or waited; the loop journal
-- says so instead of leaving the stage running forever or calling it failed.
ALTER TABLE iteration_stage DROP CONSTRAINT iteration_stage_status_check;
ALTER TABLE iteration_stage ADD CONSTRAINT iteration_stage_status_check
    CHECK (status IN ('running', 'waiting', 'completed', 'failed', 'skipped', 'cancelled'));
