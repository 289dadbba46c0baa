package dev.stackdraft.project;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A stack: one template in a repository (aggregate root). */
@Table
record Project(@Id @Nullable Long id, long repositoryId, String templatePath, String branch, String lastCommit,
               int resourceCount, ProjectState state, String stateMessage, String dialect, Instant updatedAt) {

    static Project of(long repositoryId, String branch, String commit, ScannedStack stack, Instant now) {
        return new Project(null, repositoryId, stack.path(), branch, commit, stack.resourceCount(), stack.state(),
                stack.message(), stack.dialect(), now);
    }

    /** This project as read again; unchanged when nothing about it moved, so re-imports write nothing. */
    Project update(String newBranch, String commit, ScannedStack stack, Instant now) {
        Project updated = new Project(id, repositoryId, templatePath, newBranch, commit, stack.resourceCount(),
                stack.state(), stack.message(), stack.dialect(), updatedAt);
        return updated.equals(this) ? this : updated.withUpdatedAt(now);
    }

    ScannedStack asScanned() {
        return new ScannedStack(templatePath, dialect, resourceCount, state, stateMessage);
    }

    Project withId(Long newId) {
        return new Project(newId, repositoryId, templatePath, branch, lastCommit, resourceCount, state,
                stateMessage, dialect, updatedAt);
    }

    private Project withUpdatedAt(Instant at) {
        return new Project(id, repositoryId, templatePath, branch, lastCommit, resourceCount, state, stateMessage,
                dialect, at);
    }
}
