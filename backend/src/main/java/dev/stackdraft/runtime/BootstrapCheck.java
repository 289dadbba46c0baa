package dev.stackdraft.runtime;

import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Scalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whether a function on an OS-only runtime ({@code provided.al2023}, {@code provided.al2}, {@code provided}) has its
 * {@code bootstrap}, and the shell one Stackdraft offers when it has not.
 *
 * <p>Where Lambda looks, from AWS's "Custom AWS Lambda runtimes" (runtimes-custom.html, "Using a custom runtime"):
 * "If there's a file named bootstrap in your deployment package, Lambda executes that file. If not, Lambda looks for
 * a runtime in the function's layers." The deployment package is extracted to {@code /var/task}, layers to
 * {@code /opt} ("Tutorial: Building a custom runtime": "This adds the runtime to the function in the /opt directory.
 * Lambda uses this runtime, but only if you remove it from the function's deployment package"): a layer brings a
 * bootstrap when {@code bootstrap} sits at the root of its content. So: the function's code folder first, then each
 * layer in order; the first found ends the search.
 */
public final class BootstrapCheck {

    /** sam build methods that write the bootstrap themselves: a Go or Rust binary; dotnet* for .NET Native AOT. */
    private static final Set<String> BUILDS_BOOTSTRAP = Set.of("go1.x", "rust-cargolambda");

    private BootstrapCheck() {}

    /** {@link #check(Template, String, String, RepositoryFiles, LayerFiles)} with the path the template was read as. */
    public static BootstrapReport check(Template template, String functionId, RepositoryFiles files,
                                        LayerFiles accountLayers) {
        return check(template, template.file(), functionId, files, accountLayers);
    }

    /**
     * Looks for the function's bootstrap: in its code folder in the repository, then in its layers (own and
     * inherited, in Lambda's order): a layer of this template in its content folder, a layer given by ARN in its zip
     * through {@code accountLayers}. Asks nothing when the function needs no bootstrap.
     *
     * @param templatePath the template's path in the repository (its folder is where relative code paths start)
     * @throws IllegalArgumentException when the template has no function {@code functionId}
     */
    public static BootstrapReport check(Template template, String templatePath, String functionId, RepositoryFiles files,
                                        LayerFiles accountLayers) {
        FunctionCode function = FunctionCode.of(template, templatePath, functionId);
        if (function.isImage()) {
            return notNeeded(functionId + " is a container image function: its image brings the runtime, so it needs "
                    + "no bootstrap file.");
        }
        Optional<Value> runtimeValue = function.runtime();
        if (runtimeValue.isEmpty()) {
            return notNeeded(functionId + " names no runtime, so Stackdraft cannot tell whether it needs a bootstrap "
                    + "file.");
        }
        if (!(runtimeValue.get() instanceof Scalar scalar) || scalar.text().isBlank()) {
            return notNeeded(functionId + "'s runtime is computed when deploying ("
                    + FunctionCode.describe(runtimeValue.get()) + "), so Stackdraft cannot tell whether it needs a "
                    + "bootstrap file.");
        }
        String runtime = scalar.text().strip();
        if (!runtime.startsWith("provided")) {
            return notNeeded(functionId + " runs on " + runtime + ", which brings its own runtime: no bootstrap file "
                    + "needed.");
        }
        if (!function.hasHandler()) {
            return notNeeded(functionId + " has no handler in serverless.yml (an image function?), so Stackdraft does "
                    + "not check its bootstrap.");
        }
        return search(template, function, runtime, files, accountLayers);
    }

    private static BootstrapReport search(Template template, FunctionCode function, String runtime,
                                          RepositoryFiles files, LayerFiles accountLayers) {
        String id = function.id();
        List<String> looked = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();
        Optional<String> build = function.buildMethod();
        if (build.isPresent() && buildsBootstrap(build.get())) {
            String where = "sam build (BuildMethod " + build.get() + ")";
            looked.add(where);
            return new BootstrapReport(true, true, where, looked, "sam build writes " + id + "'s bootstrap (BuildMethod "
                    + build.get() + ").");
        }
        @Nullable String codeFolder = null;
        FunctionCode.Code code = function.code();
        if (code instanceof FunctionCode.Code.Folder(String folder)) {
            String path = RepoPaths.file(folder, "bootstrap");
            looked.add(path);
            if (files.exists(path)) {
                return new BootstrapReport(true, true, path, looked, id + "'s bootstrap is " + path + ".");
            }
            codeFolder = folder;
        } else if (code instanceof FunctionCode.Code.Elsewhere(String why)) {
            looked.add("not checked: " + why);
            notChecked.add(why);
        }
        List<String> layersChecked = new ArrayList<>();
        for (Value layer : function.layers()) {
            LayerLook look = LayerLook.of(template, function.templateFolder(), layer, files, accountLayers);
            looked.add(look.looked());
            if (look.found()) {
                return new BootstrapReport(true, true, look.where(), looked, id + "'s bootstrap comes from the "
                        + look.where() + "; Lambda finds it in /opt/bootstrap.");
            }
            if (look.name() != null) {
                layersChecked.add(look.name());
            }
            if (look.notChecked() != null) {
                notChecked.add(look.notChecked());
            }
        }
        return new BootstrapReport(true, false, "", looked,
                missing(runtime, codeFolder, layersChecked, notChecked, build.orElse(null)));
    }

    private static boolean buildsBootstrap(String method) {
        String lower = method.toLowerCase(Locale.ROOT);
        return BUILDS_BOOTSTRAP.contains(lower) || lower.startsWith("dotnet");
    }

    private static String missing(String runtime, @Nullable String codeFolder, List<String> layers,
                                  List<String> notChecked, @Nullable String build) {
        String places;
        String layerList = (layers.size() == 1 ? "layer " : "layers ") + String.join(", ", layers);
        if (codeFolder != null) {
            places = "in " + RepoPaths.show(codeFolder) + (layers.isEmpty() ? "" : " nor in " + layerList);
        } else if (!layers.isEmpty()) {
            places = "in " + layerList;
        } else {
            return "Stackdraft could not look for the bootstrap file Lambda's " + runtime + " runtime starts the "
                    + "function with: " + String.join("; ", notChecked) + ".";
        }
        StringBuilder message = new StringBuilder("No bootstrap file " + places + ": Lambda's " + runtime
                + " runtime starts the function by running it. ");
        if ("makefile".equalsIgnoreCase(build)) {
            message.append("The Makefile's build target must write one into $(ARTIFACTS_DIR); or add one to the code "
                    + "folder, or pick a layer that brings one.");
        } else if (codeFolder != null) {
            message.append("Add one (Stackdraft can write a shell bootstrap) or pick a layer that brings one.");
        } else {
            message.append("Put one in the function's code package or pick a layer that brings one.");
        }
        if (!notChecked.isEmpty()) {
            message.append(" Not checked: ").append(String.join("; ", notChecked)).append('.');
        }
        return message.toString();
    }

    private static BootstrapReport notNeeded(String message) {
        return new BootstrapReport(false, false, "", List.of(), message);
    }

    /**
     * A small custom runtime in POSIX shell, to be written as {@code bootstrap} (executable) into the function's
     * code folder: it sources {@code FILE.sh} of the function's {@code FILE.FUNCTION} handler and runs
     * {@code FUNCTION} with each event, posting its output as the response or an error when it fails. After the
     * shell example of AWS's "Tutorial: Building a custom runtime".
     *
     * @param handlerHint the function's Handler ({@code function.handler}), named in the script's comments and used
     *                    when Lambda gives none; anything that is not FILE.FUNCTION falls back to
     *                    {@code function.handler}
     */
    public static String shellBootstrap(String handlerHint) {
        return ShellBootstrap.text(handlerHint);
    }

    /**
     * Where {@link #shellBootstrap} would be written: the function's code folder in the repository, plus
     * {@code /bootstrap} ({@code src/hello/bootstrap}; {@code bootstrap} when the code is the repository's root).
     *
     * @param templatePath the template's path in the repository
     * @throws IllegalArgumentException when the template has no function {@code functionId}, or the function has
     *                                  no code folder in the repository (an image, S3, inline code, an archive, a
     *                                  computed path), with a sentence that says which
     */
    public static String bootstrapPath(Template template, String templatePath, String functionId) {
        FunctionCode function = FunctionCode.of(template, templatePath, functionId);
        if (function.isImage()) {
            throw new IllegalArgumentException(functionId + " is a container image function: a bootstrap file in the "
                    + "repository would not be used.");
        }
        if (!function.hasHandler()) {
            throw new IllegalArgumentException(functionId + " has no handler in serverless.yml, so Stackdraft does not "
                    + "know its code folder.");
        }
        return switch (function.code()) {
            case FunctionCode.Code.Folder(String folder) -> RepoPaths.file(folder, "bootstrap");
            case FunctionCode.Code.Elsewhere(String why) -> throw new IllegalArgumentException(functionId
                    + " has no code folder in the repository to write a bootstrap into: " + why + ".");
        };
    }
}
