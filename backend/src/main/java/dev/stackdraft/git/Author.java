package dev.stackdraft.git;

/** Who a commit is by: the signed-in user's name and e-mail as their git host knows them. */
public record Author(String name, String email) {}
