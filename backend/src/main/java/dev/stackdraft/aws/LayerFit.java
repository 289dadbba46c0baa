package dev.stackdraft.aws;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a layer version fits a function: its runtime among the version's compatible runtimes, each of its
 * architectures among the compatible architectures. Lambda itself does not enforce these lists (they are what the
 * layer's publisher declared), so a version that declares none fits everything, and a misfit is marked rather than
 * refused.
 *
 * @param reasons one sentence per misfit, empty when it fits
 */
public record LayerFit(boolean runtimeFits, boolean architectureFits, List<String> reasons) {

    /** What Lambda assumes when a function names no architecture. */
    public static final List<String> DEFAULT_ARCHITECTURES = List.of("x86_64");

    public boolean fits() {
        return runtimeFits && architectureFits;
    }

    /**
     * @param runtime       the function's runtime; null: not known (an image function, an unresolved parameter), fits
     * @param architectures the function's architectures; empty: Lambda's default, x86_64
     */
    public static LayerFit of(LayerVersion version, @Nullable String runtime, List<String> architectures) {
        List<String> reasons = new ArrayList<>();
        boolean runtimeFits = runtime == null || runtime.isBlank() || version.runtimes().isEmpty()
                || version.runtimes().contains(runtime);
        if (!runtimeFits) {
            reasons.add(version.arn().name() + ":" + version.version() + " is for " + String.join(", ", version.runtimes())
                    + ", not " + runtime + ".");
        }
        List<String> wanted = architectures.isEmpty() ? DEFAULT_ARCHITECTURES : architectures;
        List<String> missing = version.architectures().isEmpty() ? List.of()
                : wanted.stream().filter(a -> !version.architectures().contains(a)).toList();
        if (!missing.isEmpty()) {
            reasons.add(version.arn().name() + ":" + version.version() + " is built for "
                    + String.join(", ", version.architectures()) + ", not " + String.join(", ", missing) + ".");
        }
        return new LayerFit(runtimeFits, missing.isEmpty(), List.copyOf(reasons));
    }
}
