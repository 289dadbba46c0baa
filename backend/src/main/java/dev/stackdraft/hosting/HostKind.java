package dev.stackdraft.hosting;

/** The kinds of git host Stackdraft talks to. */
public enum HostKind { GITHUB, GITLAB, LOCAL }
