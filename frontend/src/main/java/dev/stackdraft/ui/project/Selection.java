package dev.stackdraft.ui.project;

import java.util.List;

/** What the user selected on the canvas: nothing, one card, several cards, or a group. */
sealed interface Selection {

    Selection NONE = new Nothing();

    static Selection of(String id) {
        return new One(id);
    }

    static Selection cards(List<String> ids) {
        return new Cards(List.copyOf(ids));
    }

    record Nothing() implements Selection {}

    record One(String id) implements Selection {}

    record Cards(List<String> ids) implements Selection {}

    record Group(String id) implements Selection {}
}
