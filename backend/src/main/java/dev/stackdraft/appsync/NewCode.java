package dev.stackdraft.appsync;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The code a bind writes: text for the template, or the path of a file the caller writes into the repository (or an S3
 * URI). Null code given means the starter code of {@link StarterCode}.
 */
record NewCode(boolean file, String text) {

    /** One line, no spaces, ending in an extension AppSync code files have (or an S3 URI): a path, not code. */
    private static final Pattern PATH = Pattern.compile("[^\\s;{}()=]+\\.(js|mjs|cjs|vtl)|s3://\\S+");

    static boolean isFilePath(@Nullable String code) {
        return code != null && PATH.matcher(code).matches();
    }

    static @Nullable NewCode of(@Nullable String code) {
        return code == null ? null : new NewCode(isFilePath(code), code);
    }
}
