-- The closed data loop's registry. Every table an activity writes has a natural,
-- content-derived unique key so that a retried activity upserts instead of duplicating.

-- Campaigns: long-running dataset-iteration loops, one Temporal workflow each.
CREATE TABLE campaign (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    workflow_id text        NOT NULL UNIQUE,
    config      jsonb       NOT NULL,
    status      text        NOT NULL DEFAULT 'running'
                CHECK (status IN ('running', 'paused', 'completed', 'failed', 'cancelled')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- One pass of the loop: collect → analyze → mine → annotate → convert → train → evaluate → deploy.
CREATE TABLE iteration (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id bigint      NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    number      integer     NOT NULL CHECK (number >= 1),
    workflow_id text        NOT NULL UNIQUE,
    stage       text        NOT NULL DEFAULT 'collect'
                CHECK (stage IN ('collect', 'analyze', 'mine', 'annotate', 'convert',
                                 'train', 'evaluate', 'deploy', 'done')),
    status      text        NOT NULL DEFAULT 'running'
                CHECK (status IN ('running', 'waiting', 'completed', 'failed', 'cancelled')),
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    UNIQUE (campaign_id, number)
);

-- Each stage's own timeline, so a person can see where an iteration spent its days.
CREATE TABLE iteration_stage (
    iteration_id bigint      NOT NULL REFERENCES iteration (id) ON DELETE CASCADE,
    stage        text        NOT NULL
                 CHECK (stage IN ('collect', 'analyze', 'mine', 'annotate', 'convert',
                                  'train', 'evaluate', 'deploy')),
    status       text        NOT NULL
                 CHECK (status IN ('running', 'waiting', 'completed', 'failed', 'skipped')),
    attempts     integer     NOT NULL DEFAULT 1 CHECK (attempts >= 1),
    started_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    detail       jsonb,
    PRIMARY KEY (iteration_id, stage)
);

-- A dataset is a task's definition (taxonomy, annotation standard); its content lives in versions.
CREATE TABLE dataset (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL UNIQUE,
    task       text        NOT NULL,
    definition jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Immutable dataset versions. The content hash covers the manifest, so converting the same
-- accepted labels twice lands on the same version; the parent link keeps the lineage.
CREATE TABLE dataset_version (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dataset_id        bigint      NOT NULL REFERENCES dataset (id),
    version           integer     NOT NULL CHECK (version >= 1),
    parent_version_id bigint      REFERENCES dataset_version (id),
    content_hash      text        NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    manifest_uri      text        NOT NULL,
    frame_count       integer     NOT NULL CHECK (frame_count >= 0),
    object_count      integer     NOT NULL CHECK (object_count >= 0),
    iteration_id      bigint      REFERENCES iteration (id),
    note              text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (dataset_id, version),
    UNIQUE (dataset_id, content_hash),
    CHECK (parent_version_id IS NULL OR parent_version_id <> id)
);

-- A camera frame, identified by the hash of its image bytes wherever it came from.
CREATE TABLE sample (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    content_hash  text        NOT NULL UNIQUE CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    uri           text        NOT NULL,
    width         integer     NOT NULL CHECK (width > 0),
    height        integer     NOT NULL CHECK (height > 0),
    source        text        NOT NULL,
    original_id   text,
    sequence_id   text,
    frame_index   integer,
    attributes    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    collected_at  timestamptz NOT NULL DEFAULT now(),
    iteration_id  bigint      REFERENCES iteration (id)
);
CREATE INDEX sample_sequence_idx ON sample (sequence_id, frame_index);

CREATE TABLE dataset_version_sample (
    dataset_version_id bigint NOT NULL REFERENCES dataset_version (id) ON DELETE CASCADE,
    sample_id          bigint NOT NULL REFERENCES sample (id),
    split              text   NOT NULL CHECK (split IN ('train', 'val', 'test')),
    PRIMARY KEY (dataset_version_id, sample_id)
);

-- A labeling job sent to a vendor. The key is derived from the chosen frames, so a retried
-- export finds its batch; the status walks requested → returned → accepted | rework.
CREATE TABLE annotation_batch (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_key     text        NOT NULL UNIQUE,
    iteration_id  bigint      REFERENCES iteration (id),
    dataset_id    bigint      NOT NULL REFERENCES dataset (id),
    vendor        text        NOT NULL,
    status        text        NOT NULL DEFAULT 'requested'
                  CHECK (status IN ('requested', 'returned', 'accepted', 'rework', 'abandoned')),
    export_uri    text        NOT NULL,
    return_uri    text,
    return_format text,
    rework_count  integer     NOT NULL DEFAULT 0 CHECK (rework_count >= 0),
    qa_report     jsonb,
    requested_at  timestamptz NOT NULL DEFAULT now(),
    returned_at   timestamptz,
    decided_at    timestamptz
);

-- Why each frame was sent for labeling (uncertainty, rarity, diversity, ...).
CREATE TABLE annotation_batch_sample (
    batch_id  bigint NOT NULL REFERENCES annotation_batch (id) ON DELETE CASCADE,
    sample_id bigint NOT NULL REFERENCES sample (id),
    reasons   jsonb  NOT NULL DEFAULT '[]'::jsonb,
    score     double precision,
    PRIMARY KEY (batch_id, sample_id)
);

-- Labels of one frame from one origin: a vendor batch, an imported dataset, or a model's
-- pre-annotation. Objects follow the unified frame format.
CREATE TABLE annotation (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sample_id    bigint      NOT NULL REFERENCES sample (id),
    origin       text        NOT NULL CHECK (origin IN ('import', 'vendor', 'prediction')),
    batch_id     bigint      REFERENCES annotation_batch (id),
    content_hash text        NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    objects      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (sample_id, origin, content_hash),
    CHECK ((origin = 'vendor') = (batch_id IS NOT NULL))
);

CREATE TABLE model (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL UNIQUE,
    task       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- A training attempt; per-epoch metrics arrive while it runs (the role wandb plays).
CREATE TABLE training_run (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_key            text        NOT NULL UNIQUE,
    model_id           bigint      NOT NULL REFERENCES model (id),
    dataset_version_id bigint      NOT NULL REFERENCES dataset_version (id),
    config             jsonb       NOT NULL,
    seed               bigint      NOT NULL,
    device             text        NOT NULL,
    status             text        NOT NULL DEFAULT 'running'
                       CHECK (status IN ('running', 'completed', 'failed')),
    checkpoint_uri     text,
    iteration_id       bigint      REFERENCES iteration (id),
    started_at         timestamptz NOT NULL DEFAULT now(),
    finished_at        timestamptz
);

CREATE TABLE training_epoch (
    training_run_id   bigint           NOT NULL REFERENCES training_run (id) ON DELETE CASCADE,
    epoch             integer          NOT NULL CHECK (epoch >= 0),
    step              bigint           NOT NULL CHECK (step >= 0),
    loss              double precision NOT NULL,
    loss_parts        jsonb            NOT NULL DEFAULT '{}'::jsonb,
    learning_rate     double precision NOT NULL,
    images_per_second double precision,
    val_map           double precision,
    checkpoint_uri    text,
    recorded_at       timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (training_run_id, epoch)
);

CREATE TABLE model_version (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model_id           bigint      NOT NULL REFERENCES model (id),
    version            integer     NOT NULL CHECK (version >= 1),
    dataset_version_id bigint      NOT NULL REFERENCES dataset_version (id),
    training_run_id    bigint      REFERENCES training_run (id),
    config             jsonb       NOT NULL,
    code_version       text        NOT NULL,
    artifact_uri       text        NOT NULL,
    params_hash        text        NOT NULL UNIQUE CHECK (params_hash ~ '^[0-9a-f]{64}$'),
    created_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (model_id, version)
);

-- Aliases (candidate, staging, production) point at one version of a model each.
CREATE TABLE model_alias (
    model_id         bigint      NOT NULL REFERENCES model (id),
    alias            text        NOT NULL CHECK (alias ~ '^[a-z][a-z0-9-]*$'),
    model_version_id bigint      NOT NULL REFERENCES model_version (id),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (model_id, alias)
);

-- Every move of an alias, with who moved it and why: promotion and rollback history.
CREATE TABLE model_alias_event (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model_id              bigint      NOT NULL REFERENCES model (id),
    alias                 text        NOT NULL,
    from_model_version_id bigint      REFERENCES model_version (id),
    to_model_version_id   bigint      NOT NULL REFERENCES model_version (id),
    actor                 text        NOT NULL,
    reason                text        NOT NULL,
    moved_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX model_alias_event_alias_idx ON model_alias_event (model_id, alias, moved_at);

-- One evaluation of a model version on a frozen split, with its per-slice breakdown.
CREATE TABLE evaluation (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model_version_id   bigint           NOT NULL REFERENCES model_version (id),
    dataset_version_id bigint           NOT NULL REFERENCES dataset_version (id),
    split              text             NOT NULL CHECK (split IN ('train', 'val', 'test')),
    protocol           text             NOT NULL CHECK (protocol IN ('coco', 'kitti')),
    map                double precision NOT NULL CHECK (map >= 0 AND map <= 1),
    metrics            jsonb            NOT NULL,
    iteration_id       bigint           REFERENCES iteration (id),
    created_at         timestamptz      NOT NULL DEFAULT now(),
    UNIQUE (model_version_id, dataset_version_id, split, protocol)
);

-- Slices are keyed like 'timeofday=night', 'weather=fog', 'size=small' or 'tag=mined'.
CREATE TABLE evaluation_slice (
    evaluation_id bigint           NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,
    slice_key     text             NOT NULL CHECK (slice_key ~ '^[a-z_]+=[A-Za-z0-9_.-]+$'),
    frame_count   integer          NOT NULL CHECK (frame_count >= 0),
    object_count  integer          NOT NULL CHECK (object_count >= 0),
    map           double precision CHECK (map >= 0 AND map <= 1),
    metrics       jsonb            NOT NULL,
    PRIMARY KEY (evaluation_id, slice_key)
);
