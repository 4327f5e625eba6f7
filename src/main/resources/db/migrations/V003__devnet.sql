-- The embedded devnet's chain state, written through DevnetRepository in one transaction per epoch so a
-- restarted node continues its chain. Token amounts are decimal attoFIL text (they outgrow BIGINT); CIDs are
-- their text form; epochs are -1 where unset (lotus' convention).

-- Scalars (height, counters, the miner's info, the genesis seed) as key -> JSON.
CREATE TABLE devnet_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Where each reorg generation starts: tipsets from from_epoch on (until the next row) were produced in that
-- generation, which is part of their CID. Generation 0 starts at genesis and has no row.
CREATE TABLE devnet_fork (
    from_epoch BIGINT PRIMARY KEY,
    generation BIGINT NOT NULL
);

-- Accounts and built-in actors; key_address is the binary f1/f3/f4 address of accounts, NULL otherwise.
CREATE TABLE devnet_actor (
    id          BIGINT PRIMARY KEY,
    key_address ${BYTES} NULL,
    kind        TEXT   NOT NULL,
    balance     TEXT   NOT NULL,
    nonce       BIGINT NOT NULL
);

-- Market escrow per actor ID.
CREATE TABLE devnet_escrow (
    id     BIGINT PRIMARY KEY,
    escrow TEXT NOT NULL,
    locked TEXT NOT NULL
);

-- Published deals; proposal is the normalised DealProposal's CBOR.
CREATE TABLE devnet_deal (
    deal_id            BIGINT   PRIMARY KEY,
    proposal           ${BYTES} NOT NULL,
    proposal_cid       TEXT     NOT NULL,
    sector_number      BIGINT   NOT NULL,
    sector_start_epoch BIGINT   NOT NULL,
    last_updated_epoch BIGINT   NOT NULL,
    slash_epoch        BIGINT   NOT NULL
);

-- Every sector number the miner ever allocated, from pre-commit to its end; deal_ids are comma-separated.
CREATE TABLE devnet_sector (
    sector_number     BIGINT   PRIMARY KEY,
    status            TEXT     NOT NULL,
    seal_proof        BIGINT   NOT NULL,
    sealed_cid        TEXT     NOT NULL,
    seal_rand_epoch   BIGINT   NOT NULL,
    precommit_deals   TEXT     NOT NULL,
    expiration        BIGINT   NOT NULL,
    unsealed_cid      TEXT     NULL,
    precommit_deposit TEXT     NOT NULL,
    precommit_epoch   BIGINT   NOT NULL,
    activation        BIGINT   NOT NULL,
    initial_pledge    TEXT     NOT NULL,
    faulty            SMALLINT NOT NULL,
    deal_ids          TEXT     NOT NULL,
    ended_at          BIGINT   NOT NULL
);

-- The message pool and every executed message with its receipt; executed_epoch is -1 while pending.
-- notes holds what execution had to say (skipped deals, the failure), one per line.
CREATE TABLE devnet_message (
    cid            TEXT     PRIMARY KEY,
    signed         ${BYTES} NOT NULL,
    pushed_at      BIGINT   NOT NULL,
    executed_epoch BIGINT   NOT NULL,
    exit_code      BIGINT   NULL,
    return_value   ${BYTES} NULL,
    gas_used       BIGINT   NULL,
    notes          TEXT     NOT NULL
);

CREATE INDEX devnet_message_pending ON devnet_message (executed_epoch, pushed_at);
