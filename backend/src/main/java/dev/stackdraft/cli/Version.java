package dev.stackdraft.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, from the Maven descriptor the jar carries. */
final class Version {

    private static final String DESCRIPTOR = "/META-INF/maven/dev.stackdraft/stackdraft-backend/pom.properties";

    private Version() {}

    static String current() {
        String fromManifest = Version.class.getPackage().getImplementationVersion();
        if (fromManifest != null) {
            return fromManifest;
        }
        try (InputStream in = Version.class.getResourceAsStream(DESCRIPTOR)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through: a version we cannot read is unknown
        }
        return "unknown (not run from the built jar)";
    }
}
