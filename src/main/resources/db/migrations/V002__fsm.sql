-- State machines (deals, sectors, ...) and their bounded event logs, written through MachineRepository.
-- terminal is 0 or 1; deadline is epoch millis of the state's timeout, NULL when the state has none.
CREATE TABLE fsm_machine (
    machine_type TEXT     NOT NULL,
    machine_id   TEXT     NOT NULL,
    state        TEXT     NOT NULL,
    data         TEXT     NOT NULL,
    version      BIGINT   NOT NULL,
    log_seq      BIGINT   NOT NULL,
    terminal     SMALLINT NOT NULL,
    deadline     BIGINT   NULL,
    updated_at   BIGINT   NOT NULL,
    PRIMARY KEY (machine_type, machine_id)
);

-- loadActive at startup: partial, so it stays the size of the active set however many finished
-- machines pile up; queries must spell "terminal = 0" literally for either planner to pick it.
CREATE INDEX fsm_machine_active ON fsm_machine (machine_type, machine_id) WHERE terminal = 0;

-- listByState: one range of the index, already in id order, so LIMIT stops early.
CREATE INDEX fsm_machine_state ON fsm_machine (machine_type, state, machine_id);

-- Reads (oldest first) and trims (seq <= newest - limit) are both ranges of the primary key.
CREATE TABLE fsm_log (
    machine_type TEXT   NOT NULL,
    machine_id   TEXT   NOT NULL,
    seq          BIGINT NOT NULL,
    at           BIGINT NOT NULL,
    event        TEXT   NOT NULL,
    from_state   TEXT   NULL,
    to_state     TEXT   NULL,
    outcome      TEXT   NOT NULL,
    detail       TEXT   NULL,
    PRIMARY KEY (machine_type, machine_id, seq)
);
