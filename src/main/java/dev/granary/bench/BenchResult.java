package dev.granary.bench;

import io.vertx.core.json.JsonObject;

/** One measured line of a benchmark: how many operations took how long. */
public record BenchResult(String name, String unit, long operations, double seconds, String note) {
    public double perSecond() {
        return operations / seconds;
    }

    public JsonObject toJson() {
        return new JsonObject().put("name", name).put("unit", unit).put("operations", operations)
                .put("seconds", seconds).put("perSecond", Math.round(perSecond())).put("note", note);
    }

    public String line() {
        return String.format("%-34s %12d %-12s %9.3f s %12.0f /s  %s", name, operations, unit, seconds, perSecond(),
                note == null ? "" : note);
    }
}
