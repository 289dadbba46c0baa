package dev.stackdraft.project;

import dev.stackdraft.config.StackdraftSettings;
import dev.stackdraft.hosting.HostException;
import dev.stackdraft.hosting.HostRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks the hosts again about access older than the TTL; until then, reads show only repositories whose access is
 * fresher than the TTL ({@link #freshSince()}). A repository the host says the user can no longer read (or whose
 * account is no longer linked) loses its access row, so it disappears. When the host cannot answer (down,
 * rate-limited, token expired) the access stays stale, so the repository stays hidden and is asked about again next
 * time: access is never assumed.
 */
@Component
class AccessCheck {

    /** Over this many stale repositories on one host, one listing is cheaper than asking about each. */
    static final int LIST_INSTEAD_OVER = 10;

    private static final Logger log = LoggerFactory.getLogger(AccessCheck.class);

    private final ProjectQueries queries;
    private final RepositoryAccesses access;
    private final UserHosts userHosts;
    private final Clock clock;
    private final Duration ttl;

    AccessCheck(ProjectQueries queries, RepositoryAccesses access, UserHosts userHosts, Clock clock, StackdraftSettings settings) {
        this.queries = queries;
        this.access = access;
        this.userHosts = userHosts;
        this.clock = clock;
        this.ttl = settings.access().cacheTtl();
    }

    /** Access confirmed since this instant is trusted without asking the host. */
    Instant freshSince() {
        return clock.instant().minus(ttl);
    }

    /** @return whether any access was confirmed or revoked (what the user sees changed) */
    boolean refresh(long userId) {
        List<ProjectQueries.StaleAccess> stale = queries.staleAccess(userId, freshSince());
        if (stale.isEmpty()) {
            return false;
        }
        Map<String, List<ProjectQueries.StaleAccess>> byHost = stale.stream().collect(
                Collectors.groupingBy(s -> s.host() + " " + s.apiBase(), LinkedHashMap::new, Collectors.toList()));
        List<ConnectedHost> hosts = userHosts.hostsOf(userId);
        Verdicts verdicts = new Verdicts();
        for (List<ProjectQueries.StaleAccess> group : byHost.values()) {
            ProjectQueries.StaleAccess first = group.getFirst();
            Optional<ConnectedHost> host = hosts.stream().filter(h -> h.serves(first.host(), first.apiBase())).findFirst();
            if (host.isEmpty()) {
                group.forEach(verdicts::revoke); // the account was unlinked
            } else if (group.size() > LIST_INSTEAD_OVER) {
                checkByListing(host.get(), group, verdicts);
            } else {
                group.forEach(s -> checkOne(host.get(), s, verdicts));
            }
        }
        if (!verdicts.readable.isEmpty()) {
            access.checked(verdicts.readable, clock.instant());
        }
        access.deleteAllById(verdicts.revoked);
        return !verdicts.readable.isEmpty() || !verdicts.revoked.isEmpty();
    }

    private static void checkOne(ConnectedHost host, ProjectQueries.StaleAccess stale, Verdicts verdicts) {
        try {
            if (host.host().canRead(stale.repository())) {
                verdicts.readable.add(stale.accessId());
            } else {
                verdicts.revoke(stale);
            }
        } catch (HostException e) {
            if (e.reason() == HostException.Reason.NOT_FOUND) {
                verdicts.revoke(stale);
            } else {
                verdicts.hide(stale, e);
            }
        }
    }

    private static void checkByListing(ConnectedHost host, List<ProjectQueries.StaleAccess> group, Verdicts verdicts) {
        Set<String> listed;
        try {
            listed = host.host().repositories().stream().map(HostRepository::id).collect(Collectors.toSet());
        } catch (HostException e) {
            group.forEach(s -> verdicts.hide(s, e));
            return;
        }
        for (ProjectQueries.StaleAccess stale : group) {
            if (listed.contains(stale.repository().id())) {
                verdicts.readable.add(stale.accessId());
            } else {
                verdicts.revoke(stale);
            }
        }
    }

    private static final class Verdicts {
        final List<Long> readable = new ArrayList<>();
        final List<Long> revoked = new ArrayList<>();

        void revoke(ProjectQueries.StaleAccess stale) {
            revoked.add(stale.accessId());
        }

        void hide(ProjectQueries.StaleAccess stale, HostException e) {
            log.info("cannot confirm access to {} now ({}): hidden until the host answers", stale.repository().fullName(),
                    e.reason());
        }
    }
}
