package dev.stackdraft.appsync;

import dev.stackdraft.template.DocPath;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A pipeline function of an API.
 *
 * @param name       what a pipeline calls it by: the key under a SAM API's {@code Functions}, or the {@code Name} of an
 *                   {@code AWS::AppSync::FunctionConfiguration} (its logical id where the name is computed)
 * @param dataSource its data source's {@link DataSource#name()}; null when not known
 * @param id         the key under {@code Functions}, or the resource's logical id
 */
public record PipelineFunction(String name, @Nullable String dataSource, CodeRuntime runtime, Code code, String id,
                               DocPath path, int line) {

    /** Whether this is an {@code AWS::AppSync::FunctionConfiguration} resource (else a key of a SAM API's {@code Functions}). */
    public boolean isResource() {
        List<Object> segments = path.segments();
        return segments.size() >= 2 && "Resources".equals(segments.get(segments.size() - 2));
    }
}
