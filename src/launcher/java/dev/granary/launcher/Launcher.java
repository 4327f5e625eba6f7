package dev.granary.launcher;

import java.lang.reflect.Method;

/**
 * The jar's entry point, compiled for Java 8 so that an operator who starts granary.jar with an older
 * java gets a sentence saying what to install instead of an UnsupportedClassVersionError.
 */
public final class Launcher {
    private static final int REQUIRED = 21;

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        int running = featureVersion(System.getProperty("java.specification.version"));
        if (running < REQUIRED) {
            System.err.println("granary needs Java " + REQUIRED + " or newer; this is Java " + running
                    + " at " + System.getProperty("java.home") + ". Run it with a newer java (JAVA_HOME/bin/java).");
            System.exit(2);
        }
        Method main = Class.forName("dev.granary.Main").getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** "1.8" -> 8, "17" -> 17. */
    static int featureVersion(String spec) {
        String s = spec.startsWith("1.") ? spec.substring(2) : spec;
        int dot = s.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? s : s.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
