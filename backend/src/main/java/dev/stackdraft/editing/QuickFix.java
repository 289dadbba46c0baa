package dev.stackdraft.editing;

import dev.stackdraft.edit.EditCommand;

/** An obvious fix for a validation finding: what the button says, and the edit it makes. */
public record QuickFix(String label, EditCommand command) {}
