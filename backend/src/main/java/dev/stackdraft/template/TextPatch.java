package dev.stackdraft.template;

/** Replace {@code [start, end)} of the original text with {@code text}; an insertion has start == end. */
record TextPatch(int start, int end, String text) {}
