package dev.stackdraft.template;

/** How the file is written; edits write new text in the same notation. */
public enum SourceFormat { YAML, JSON }
