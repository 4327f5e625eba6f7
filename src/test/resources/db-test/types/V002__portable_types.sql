-- Both dialect tokens, plus a ';' and a '?' inside a literal and comments; neither may split or bind.
CREATE TABLE blob_thing (
    id   ${BIGSERIAL_PK},
    data ${BYTES} NOT NULL,
    size BIGINT NOT NULL,
    note TEXT NOT NULL DEFAULT 'a;b?' -- trailing; comment?
);
/* a block comment; with a semicolon */
CREATE INDEX blob_thing_size ON blob_thing (size);
