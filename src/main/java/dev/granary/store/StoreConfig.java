package dev.granary.store;

/**
 * Where deals, machines and node metadata are kept.
 *
 * @param url      empty for the embedded SQLite file in the repo's {@code db/} folder, or
 *                 {@code postgres://user[:password]@host[:port]/database} for a shared Postgres
 * @param poolSize connections to keep open against Postgres (SQLite always uses one writer connection)
 */
public record StoreConfig(String url, int poolSize) {
    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
