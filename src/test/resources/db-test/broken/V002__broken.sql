-- The first two statements succeed; the third fails, so the whole file must roll back.
CREATE TABLE partial_table (id INTEGER NOT NULL);
INSERT INTO partial_table (id) VALUES (1);
INSERT INTO no_such_table (id) VALUES (1);
