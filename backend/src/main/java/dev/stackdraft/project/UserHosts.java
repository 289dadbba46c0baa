package dev.stackdraft.project;

import java.util.List;

/** The git hosts a user reaches: one per linked account, and the local provider where it is enabled. */
public interface UserHosts {

    /** Never throws for an account whose host is down: connecting is lazy, calls on the host may throw. */
    List<ConnectedHost> hostsOf(long userId);
}
