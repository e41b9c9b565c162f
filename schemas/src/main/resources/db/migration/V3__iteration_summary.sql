-- What an iteration did, as the loop itself summarises it when the iteration ends (frames
-- collected, mined and labeled, the candidate, its mAP per slice, the deploy gate's reasons).
-- The dashboard reads weeks of loop history from here, also after Temporal has dropped the
-- closed iteration workflows at the end of their retention.
ALTER TABLE iteration ADD COLUMN summary jsonb;
