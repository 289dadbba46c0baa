package dev.stackdraft.arn;

import java.util.List;

/**
 * What {@link Arns#check} found: whether the ARN is fit for its use, and each problem as a sentence saying what is
 * wrong and how it should look (empty when valid).
 */
public record ArnCheck(boolean valid, List<String> problems) {

    public ArnCheck {
        problems = List.copyOf(problems);
    }

    static ArnCheck of(List<String> problems) {
        return new ArnCheck(problems.isEmpty(), problems);
    }
}
