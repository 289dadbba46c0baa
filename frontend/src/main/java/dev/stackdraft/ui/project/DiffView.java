package dev.stackdraft.ui.project;

import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;

/** A unified diff as lines with their old and new line numbers, added and removed lines coloured. */
final class DiffView {

    private DiffView() {}

    static Pre of(String diff) {
        Pre view = new Pre();
        view.addClassName("diff");
        if (diff.isEmpty()) {
            view.add(new Span("Nothing changes."));
            return view;
        }
        int oldLine = 0;
        int newLine = 0;
        for (String line : diff.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            String numbers;
            String kind;
            if (line.startsWith("@@")) {
                int[] starts = hunkStarts(line);
                oldLine = starts[0];
                newLine = starts[1];
                numbers = "";
                kind = "hunk";
            } else if (line.startsWith("---") || line.startsWith("+++")) {
                numbers = "";
                kind = "file";
            } else if (line.startsWith("+")) {
                numbers = pad("") + " " + pad(Integer.toString(newLine++));
                kind = "added";
            } else if (line.startsWith("-")) {
                numbers = pad(Integer.toString(oldLine++)) + " " + pad("");
                kind = "removed";
            } else {
                numbers = pad(Integer.toString(oldLine++)) + " " + pad(Integer.toString(newLine++));
                kind = "context";
            }
            Span row = new Span((numbers.isEmpty() ? "" : numbers + " ") + line + "\n");
            row.addClassNames("diff-line", "diff-" + kind);
            view.add(row);
        }
        return view;
    }

    /** {@code @@ -12,7 +12,8 @@}: 12 and 12. */
    private static int[] hunkStarts(String header) {
        String[] parts = header.split(" ");
        return new int[] {start(parts[1]), start(parts[2])};
    }

    private static int start(String range) {
        String digits = range.substring(1).split(",")[0];
        return Integer.parseInt(digits);
    }

    private static String pad(String number) {
        return " ".repeat(Math.max(0, 4 - number.length())) + number;
    }
}
