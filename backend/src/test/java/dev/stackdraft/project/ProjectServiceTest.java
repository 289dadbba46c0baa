package dev.stackdraft.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.config.BareRepos;
import dev.stackdraft.config.PlatformTest;
import dev.stackdraft.config.StackdraftSettings;
import dev.stackdraft.hosting.HostException;
import dev.stackdraft.hosting.HostRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProjectServiceTest extends PlatformTest {

    @Autowired
    ProjectService projects;
    @Autowired
    ProjectStore store;
    @Autowired
    StackdraftSettings settings;

    long user;
    LocalHostFixture local;
    Duration ttl;

    @BeforeEach
    void setUp() {
        user = newUser("pat");
        local = newLocalHost();
        hosts.give(user, local.connected());
        ttl = settings.access().cacheTtl();
    }

    @Test
    void a_search_matches_every_word_in_the_repository_or_the_path_ignoring_case() {
        record("acme/Orders-Service", stack("template.yaml", ProjectState.VALID), stack("infra/Network.json", ProjectState.VALID));
        record("acme/billing", stack("stacks/orders.yaml", ProjectState.VALID));

        assertThat(paths(projects.visibleTo(user, "orders", null)))
                .as("by repository ignoring case, then by path")
                .containsExactly("acme/billing:stacks/orders.yaml", "acme/Orders-Service:infra/Network.json",
                        "acme/Orders-Service:template.yaml");
        assertThat(paths(projects.visibleTo(user, "  ORDERS   network ", null)))
                .containsExactly("acme/Orders-Service:infra/Network.json");
        assertThat(paths(projects.visibleTo(user, "", null))).hasSize(3);
        assertThat(projects.visibleTo(user, "nothing-like-this", null)).isEmpty();
    }

    @Test
    void wildcards_in_a_search_are_plain_characters() {
        record("acme/app", stack("a_b/template.yaml", ProjectState.VALID), stack("axb/template.yaml", ProjectState.VALID),
                stack("100%/template.yaml", ProjectState.VALID));

        assertThat(paths(projects.visibleTo(user, "a_b", null))).containsExactly("acme/app:a_b/template.yaml");
        assertThat(paths(projects.visibleTo(user, "100%", null))).containsExactly("acme/app:100%/template.yaml");
        assertThat(paths(projects.visibleTo(user, "!", null))).isEmpty();
    }

    @Test
    void projects_can_be_filtered_by_state() {
        record("acme/app", stack("ok.yaml", ProjectState.VALID), stack("warn.yaml", ProjectState.HAS_FINDINGS),
                stack("bad.yaml", ProjectState.UNREADABLE));

        assertThat(paths(projects.visibleTo(user, "", ProjectState.HAS_FINDINGS))).containsExactly("acme/app:warn.yaml");
        assertThat(paths(projects.visibleTo(user, "", ProjectState.UNREADABLE))).containsExactly("acme/app:bad.yaml");
        assertThat(paths(projects.visibleTo(user, "ok", ProjectState.UNREADABLE))).isEmpty();
    }

    @Test
    void find_gives_one_project_with_everything_the_dashboard_shows() {
        record("acme/app", new ScannedStack("template.yaml", "SAM", 7, ProjectState.HAS_FINDINGS, "1 error; first: x"));
        ProjectSummary listed = projects.visibleTo(user, "", null).getFirst();

        assertThat(projects.find(user, listed.id())).contains(listed);
        assertThat(listed.resourceCount()).isEqualTo(7);
        assertThat(listed.stateMessage()).isEqualTo("1 error; first: x");
        assertThat(listed.lastCommit()).isEqualTo("c0ffee");
        assertThat(listed.branch()).isEqualTo("main");
        assertThat(projects.find(user, listed.id() + 1_000_000)).isEmpty();
        assertThat(projects.find(newUser("stranger"), listed.id())).isEmpty();
    }

    @Test
    void access_is_trusted_within_the_ttl_and_asked_again_after_it() {
        record("acme/app", stack("template.yaml", ProjectState.VALID));

        clock.advance(ttl.minusSeconds(1));
        assertThat(projects.visibleTo(user, "", null)).hasSize(1);
        assertThat(local.host().accessChecks.get()).isZero();

        clock.advance(Duration.ofSeconds(2));
        assertThat(projects.visibleTo(user, "", null)).hasSize(1);
        assertThat(local.host().accessChecks.get()).isEqualTo(1);

        assertThat(projects.visibleTo(user, "", null)).hasSize(1);
        assertThat(local.host().accessChecks.get()).as("confirmed access is trusted again for a TTL").isEqualTo(1);
    }

    @Test
    void a_repository_the_user_can_no_longer_read_disappears_after_the_ttl() {
        record("acme/kept", stack("template.yaml", ProjectState.VALID));
        record("acme/revoked", stack("template.yaml", ProjectState.VALID));
        local.host().readable(r -> !r.fullName().equals("acme/revoked"));

        assertThat(repositories(projects.visibleTo(user, "", null))).as("still within the TTL")
                .containsExactly("acme/kept", "acme/revoked");
        clock.advance(ttl.plusSeconds(1));

        assertThat(repositories(projects.visibleTo(user, "", null))).containsExactly("acme/kept");
        local.host().readable(r -> true);
        assertThat(repositories(projects.visibleTo(user, "", null))).as("access comes back with an import, not by itself")
                .containsExactly("acme/kept");
    }

    @Test
    void while_the_host_cannot_answer_its_repositories_are_hidden_not_forgotten() {
        record("acme/app", stack("template.yaml", ProjectState.VALID));
        clock.advance(ttl.plusSeconds(1));
        local.host().down(HostException.Reason.UNAVAILABLE);

        assertThat(projects.visibleTo(user, "", null)).isEmpty();

        local.host().down(null);
        assertThat(projects.visibleTo(user, "", null)).hasSize(1);
    }

    @Test
    void an_unlinked_account_takes_its_repositories_along() {
        record("acme/app", stack("template.yaml", ProjectState.VALID));
        hosts.give(user);
        clock.advance(ttl.plusSeconds(1));

        assertThat(projects.visibleTo(user, "", null)).isEmpty();
        hosts.give(user, local.connected());
        assertThat(projects.visibleTo(user, "", null)).isEmpty();
    }

    @Test
    void many_stale_repositories_are_checked_with_one_listing_instead_of_one_call_each() {
        for (int i = 0; i < AccessCheck.LIST_INSTEAD_OVER + 2; i++) {
            record("acme/app-" + i, stack("template.yaml", ProjectState.VALID));
        }
        local.host().readable(r -> !r.fullName().equals("acme/app-3"));
        int listings = local.host().listings.get();
        clock.advance(ttl.plusSeconds(1));

        List<ProjectSummary> visible = projects.visibleTo(user, "", null);

        assertThat(visible).hasSize(AccessCheck.LIST_INSTEAD_OVER + 1);
        assertThat(repositories(visible)).doesNotContain("acme/app-3");
        assertThat(local.host().listings.get()).isEqualTo(listings + 1);
        assertThat(local.host().accessChecks.get()).isZero();
    }

    @Test
    void pages_follow_the_chosen_order_without_overlapping_and_the_count_matches() {
        for (int i = 0; i < 23; i++) {
            record(String.format("acme/app-%02d", i), new ScannedStack("template.yaml", "SAM", 23 - i % 5,
                    ProjectState.values()[i % 3], i % 3 == 0 ? "" : "something"));
        }
        ProjectQuery all = ProjectQuery.ALL;

        assertThat(projects.count(user, all)).isEqualTo(23);
        for (ProjectOrder order : ProjectOrder.values()) {
            for (boolean descending : List.of(false, true)) {
                ProjectQuery query = all.sortedBy(order, descending);
                List<ProjectSummary> paged = new ArrayList<>();
                for (int offset = 0; offset < 23; offset += 5) {
                    paged.addAll(projects.page(user, query, offset, 5));
                }
                assertThat(paged).as(order + (descending ? " desc" : "")).hasSize(23).doesNotHaveDuplicates()
                        .isEqualTo(projects.page(user, query, 0, 100));
            }
        }
        assertThat(projects.page(user, all.sortedBy(ProjectOrder.RESOURCES, true), 0, 100))
                .extracting(ProjectSummary::resourceCount).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(projects.page(user, all.sortedBy(ProjectOrder.STATE, false), 0, 100))
                .extracting(ProjectSummary::state).as("worst first")
                .isSortedAccordingTo(Comparator.comparing(List.of(ProjectState.UNREADABLE, ProjectState.HAS_FINDINGS,
                        ProjectState.VALID)::indexOf));
        assertThat(repositories(projects.page(user, all, 20, 10))).containsExactly("acme/app-20", "acme/app-21", "acme/app-22");
        assertThat(projects.count(user, ProjectQuery.matching("app-1", null))).isEqualTo(10);
        assertThat(projects.count(user, ProjectQuery.matching("", ProjectState.VALID))).isEqualTo(8);
    }

    @Test
    void projects_can_be_filtered_by_owner_and_each_owner_says_how_many_it_holds() {
        record("acme/orders", stack("template.yaml", ProjectState.VALID), stack("infra.yaml", ProjectState.VALID));
        record("acme/billing", stack("template.yaml", ProjectState.VALID));
        record("Platform/network", stack("template.yaml", ProjectState.VALID));

        assertThat(projects.owners(user)).containsExactly(new OwnerCount("acme", 3), new OwnerCount("Platform", 1));
        assertThat(paths(projects.page(user, ProjectQuery.ALL.withOwner("Platform"), 0, 10)))
                .containsExactly("Platform/network:template.yaml");
        assertThat(projects.count(user, ProjectQuery.matching("template", null).withOwner("acme"))).isEqualTo(2);
        assertThat(projects.owners(newUser("stranger"))).isEmpty();
    }

    @Test
    void pages_hide_access_older_than_the_ttl_until_the_host_confirms_it() {
        record("acme/app", stack("template.yaml", ProjectState.VALID));
        clock.advance(ttl.plusSeconds(1));

        assertThat(projects.count(user, ProjectQuery.ALL)).as("not confirmed lately: hidden, and no host call on a page")
                .isZero();
        assertThat(local.host().accessChecks.get()).isZero();

        assertThat(projects.confirmAccess(user)).as("something changed").isTrue();
        assertThat(projects.page(user, ProjectQuery.ALL, 0, 10)).hasSize(1);
        assertThat(projects.confirmAccess(user)).as("nothing stale any more").isFalse();
    }

    /** A repository in the user's host with the given stacks recorded, as an import would leave it. */
    private void record(String fullName, ScannedStack... stacks) {
        BareRepos.create(local.root(), fullName, Map.of("README.md", "# " + fullName));
        HostRepository repository = local.host().repositories().stream()
                .filter(r -> r.fullName().equals(fullName)).findFirst().orElseThrow();
        long id = store.saveRepository(local.connected().kind(), local.apiBase(), repository);
        store.grantAccess(user, id);
        store.recordScan(id, "main", "c0ffee", List.of(stacks), List.of());
    }

    private static ScannedStack stack(String path, ProjectState state) {
        return new ScannedStack(path, "SAM", 1, state, state == ProjectState.VALID ? "" : "something");
    }

    private static List<String> paths(List<ProjectSummary> projects) {
        return projects.stream().map(p -> p.repository() + ":" + p.templatePath()).toList();
    }

    private static List<String> repositories(List<ProjectSummary> projects) {
        return projects.stream().map(ProjectSummary::repository).distinct().toList();
    }
}
