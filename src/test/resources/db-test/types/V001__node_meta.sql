-- Node-wide key/value settings (identity, first-start markers, ...), written through MetaRepository.
CREATE TABLE node_meta (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
