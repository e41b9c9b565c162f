-- Lineage a model version lacked: the hash of the resolved config it was trained with, so the
-- config.yaml beside its weights can be checked against what the registry recorded. Versions
-- registered before this column existed have none.
ALTER TABLE model_version ADD COLUMN config_sha256 text
    CHECK (config_sha256 ~ '^[0-9a-f]{64}$');
