package dev.stackdraft.importer;

/** What came of one repository, to be written to its import item. */
record ItemResult(RepositoryOutcome outcome, int templates, String reason) {

    static ItemResult failed(String reason) {
        return new ItemResult(RepositoryOutcome.FAILED, 0, reason);
    }

    static ItemResult found(int templates, String note) {
        return new ItemResult(templates == 0 ? RepositoryOutcome.NO_TEMPLATE : RepositoryOutcome.IMPORTED, templates, note);
    }
}
