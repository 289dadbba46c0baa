package dev.stackdraft.arn;

import java.util.List;
import java.util.regex.Pattern;

/** One row of {@code arn-formats.tsv}: how the ARN of one resource type looks. */
record ArnFormat(String type, List<String> also, String service, Part region, Part account, Pattern resource,
                 String form, boolean serviceDefault, String example) {

    /** Whether an ARN holds a region or account, leaves it empty, or (accounts) may name AWS itself. */
    enum Part { REQUIRED, NONE, AWS }

    boolean names(String anyType) {
        return type.equals(anyType) || also.contains(anyType);
    }

    /** The literal start of the resource form ({@code table/}, {@code function:}), empty where the form starts with a name. */
    String prefix() {
        int end = 0;
        while (end < form.length() && !Character.isUpperCase(form.charAt(end)) && form.charAt(end) != '[') {
            end++;
        }
        return form.substring(0, end);
    }

    /** {@code arn:PARTITION:service:REGION:ACCOUNT:form}, as a user reads it. */
    String shape() {
        return "arn:PARTITION:" + service + ":" + (region == Part.NONE ? "" : "REGION") + ":"
                + (account == Part.NONE ? "" : "ACCOUNT") + ":" + form;
    }
}
