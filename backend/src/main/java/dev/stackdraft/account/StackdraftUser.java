package dev.stackdraft.account;

/** A Stackdraft user: who signed in, whichever way (local password or a linked git host account). */
public record StackdraftUser(long id, String username, String displayName) {}
