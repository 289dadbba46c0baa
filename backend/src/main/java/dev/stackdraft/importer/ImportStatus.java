package dev.stackdraft.importer;

/** Where an import job stands. */
public enum ImportStatus { RUNNING, FINISHED, FAILED }
