package dev.stackdraft.config;

import dev.stackdraft.project.ConnectedHost;
import dev.stackdraft.project.UserHosts;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which hosts each test user reaches: set by the test. */
public final class TestHosts implements UserHosts {

    private final Map<Long, List<ConnectedHost>> hosts = new ConcurrentHashMap<>();

    public void give(long userId, ConnectedHost... connected) {
        hosts.put(userId, List.of(connected));
    }

    @Override
    public List<ConnectedHost> hostsOf(long userId) {
        return hosts.getOrDefault(userId, List.of());
    }
}
