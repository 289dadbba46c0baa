package dev.stackdraft.template;

/** A template after an edit: the new text, read back and proven to mean what the edit meant. */
public record EditResult(Template before, Template after) {

    public String text() {
        return after.source().text();
    }

    public boolean changed() {
        return !before.source().text().equals(after.source().text());
    }

    public String diff() {
        return UnifiedDiff.of(before.file(), before.source().text(), after.source().text());
    }
}
