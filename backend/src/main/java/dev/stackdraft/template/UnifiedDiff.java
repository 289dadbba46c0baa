package dev.stackdraft.template;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts by lines (Myers' algorithm through a plain LCS table over the changed middle;
 * templates are small enough), with three lines of context, as {@code git diff} shows it.
 */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    public static String of(String name, String before, String after) {
        String path = name.replace('\\', '/');
        return hunks(path.startsWith("/") ? path.substring(1) : path, operations(before, after));
    }

    /** The edit script: each line of either text prefixed by ' ' (kept), '-' (removed) or '+' (added). */
    private static List<String> operations(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> ops = new ArrayList<>(); // each op: ' ', '-', '+' then the line
        for (int i = 0; i < prefix; i++) {
            ops.add(" " + a.get(i));
        }
        middle(a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix), ops);
        for (int i = a.size() - suffix; i < a.size(); i++) {
            ops.add(" " + a.get(i));
        }
        return ops;
    }

    /** The number of lines added plus the number removed. */
    public static int changedLines(String before, String after) {
        List<String> ops = operations(before, after);
        return (int) ops.stream().filter(op -> op.charAt(0) != ' ').count();
    }

    private static void middle(List<String> a, List<String> b, List<String> ops) {
        int n = a.size();
        int m = b.size();
        if ((long) n * m > 4_000_000L) {
            a.forEach(l -> ops.add("-" + l));
            b.forEach(l -> ops.add("+" + l));
            return;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                ops.add(" " + a.get(i++));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                ops.add("-" + a.get(i++));
            } else {
                ops.add("+" + b.get(j++));
            }
        }
        while (i < n) {
            ops.add("-" + a.get(i++));
        }
        while (j < m) {
            ops.add("+" + b.get(j++));
        }
    }

    private static String hunks(String name, List<String> ops) {
        StringBuilder out = new StringBuilder();
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k).charAt(0) == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            int lastChange = k;
            while (end < ops.size() && (ops.get(end).charAt(0) != ' ' || end - lastChange <= 2 * CONTEXT)) {
                if (ops.get(end).charAt(0) != ' ') {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            if (out.isEmpty()) {
                out.append("--- a/").append(name).append('\n').append("+++ b/").append(name).append('\n');
            }
            int oldStart = 1 + count(ops.subList(0, start), '+');
            int newStart = 1 + count(ops.subList(0, start), '-');
            int oldLen = count(ops.subList(start, end), '+');
            int newLen = count(ops.subList(start, end), '-');
            out.append("@@ -").append(oldLen == 0 ? oldStart - 1 : oldStart).append(',').append(oldLen)
                    .append(" +").append(newLen == 0 ? newStart - 1 : newStart).append(',').append(newLen).append(" @@\n");
            for (String op : ops.subList(start, end)) {
                out.append(op).append('\n');
            }
            k = end;
        }
        return out.toString();
    }

    /** Lines of ops that are not of kind {@code skip}. */
    private static int count(List<String> ops, char skip) {
        int n = 0;
        for (String op : ops) {
            if (op.charAt(0) != skip) {
                n++;
            }
        }
        return n;
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start) + "\n\\ No newline at end of file");
        }
        return lines;
    }
}
