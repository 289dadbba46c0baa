package dev.stackdraft.appsync;

import dev.stackdraft.template.DocPath;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A resolver: a field of a type bound to one data source (UNIT) or to a list of pipeline functions (PIPELINE). SAM
 * writes only pipeline resolvers; a SAM resolver with one function is SAM's way of binding a field to one data source.
 *
 * @param dataSource the data source's {@link DataSource#name()} of a UNIT resolver; null for a pipeline
 * @param pipeline   the names of a pipeline's functions ({@link PipelineFunction#name()}), in order; empty for UNIT
 * @param id         the {@code AWS::AppSync::Resolver}'s logical id, or the key under a SAM API's
 *                   {@code Resolvers.<Type>}
 * @param path       where it is defined in the template
 * @param line       the line of {@code id} in the template
 */
public record Resolver(String typeName, String fieldName, Kind kind, @Nullable String dataSource, List<String> pipeline,
                       CodeRuntime runtime, Code code, String id, DocPath path, int line) {

    public Resolver {
        pipeline = List.copyOf(pipeline);
    }

    public enum Kind { UNIT, PIPELINE }

    /** {@code Type.field}, the way the CLI names it. */
    public String coordinate() {
        return typeName + "." + fieldName;
    }

    /** Whether this resolver is an {@code AWS::AppSync::Resolver} resource (else a key of a SAM API's {@code Resolvers}). */
    public boolean isResource() {
        List<Object> segments = path.segments();
        return segments.size() >= 2 && "Resources".equals(segments.get(segments.size() - 2));
    }
}
