package dev.granary.launcher;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LauncherTest {
    @ParameterizedTest
    @CsvSource({"1.8,8", "11,11", "17,17", "21,21", "25,25", "26.1,26", "garbage,0"})
    void readsTheFeatureVersionFromTheSpecificationVersion(String spec, int feature) {
        assertEquals(feature, Launcher.featureVersion(spec));
    }
}
