package dev.stackdraft.project;

import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.LayerArn;
import dev.stackdraft.edit.UpgradeLayer;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.project.ProjectUpgrade.Kind;
import dev.stackdraft.project.ProjectWriteBack.BranchTemplate;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * "Upgrade this layer everywhere", across projects: every project of the user whose template uses the layer at an
 * older version gets {@link UpgradeLayer} committed through {@link ProjectWriteBack}, each as its own commit (or
 * branch and pull / merge request). One project's failure is recorded with its sentence and the others go on.
 * It reads and pushes one project after another: callers run it in the background.
 */
@Service
public class LayerUpgrades {

    private static final Logger log = LoggerFactory.getLogger(LayerUpgrades.class);
    private static final int PAGE = 100;

    private final ProjectService projects;
    private final ProjectWriteBack writeBack;
    private final TemplateReader reader = new TemplateReader();
    private final int pageSize;

    @Autowired
    LayerUpgrades(ProjectService projects, ProjectWriteBack writeBack) {
        this(projects, writeBack, PAGE);
    }

    LayerUpgrades(ProjectService projects, ProjectWriteBack writeBack, int pageSize) {
        this.projects = projects;
        this.writeBack = writeBack;
        this.pageSize = pageSize;
    }

    /**
     * Moves every use of the layer, in every project of the user that uses it at an older version, to
     * {@code layerVersionArn}'s version.
     *
     * @param skipProjects projects left out: the one open in the editor, where the upgrade is a pending edit
     * @throws IllegalArgumentException when {@code layerVersionArn} is not a layer version ARN (a sentence)
     */
    public LayerUpgradeSummary upgradeEverywhere(long userId, String layerVersionArn, Set<Long> skipProjects,
                                                 UpgradeDelivery delivery) {
        LayerArn target = LayerArn.parse(layerVersionArn).orElseThrow(() -> new IllegalArgumentException("'"
                + layerVersionArn.strip() + "' is not a layer version ARN: give the new version's full ARN, "
                + "arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION."));
        Run run = new Run(userId, target, delivery);
        for (ProjectSummary project : visible(userId)) {
            if (skipProjects.contains(project.id())) {
                continue;
            }
            run.checked++;
            try {
                run.check(project);
            } catch (RuntimeException e) {
                // one project's surprise must not cost the user the others
                log.warn("Upgrading layer {} in project {} ({}) failed", target, project.id(), project.repository(), e);
                run.failed(project, List.of(), "Stackdraft could not upgrade this project: open it and upgrade the "
                        + "layer in the editor.");
            }
        }
        LayerUpgradeSummary summary = run.summary();
        log.info("Layer {} upgraded everywhere for user {}: {} upgraded, {} already current, {} skipped, {} failed, "
                        + "{} of {} not using it", target, userId, summary.count(Kind.UPGRADED),
                summary.count(Kind.ALREADY_CURRENT), summary.count(Kind.SKIPPED), summary.count(Kind.FAILED),
                summary.notUsing(), summary.checked());
        return summary;
    }

    /**
     * The projects the user sees when the upgrade starts, read a page at a time. Taken whole before any commit, so
     * that what the upgrade writes (or access re-checked meanwhile) cannot shift a page and skip a project.
     */
    private List<ProjectSummary> visible(long userId) {
        projects.confirmAccess(userId);
        List<ProjectSummary> all = new ArrayList<>();
        for (int offset = 0; ; offset += pageSize) {
            List<ProjectSummary> page = projects.page(userId, ProjectQuery.ALL, offset, pageSize);
            all.addAll(page);
            if (page.size() < pageSize) {
                return all;
            }
        }
    }

    /** The branch a project's upgrade goes to on {@link UpgradeDelivery.NewBranches}: one per project. */
    static String branchName(LayerArn target, int nthInRepository) {
        return "stackdraft/upgrade-" + target.name() + "-v" + target.version()
                + (nthInRepository > 1 ? "-" + nthInRepository : "");
    }

    /** The commit message: the title a pull request gets, and a body saying what moved. */
    static String message(LayerArn target, SortedSet<Integer> before) {
        return "Upgrade layer " + target.name() + " to version " + target.version() + "\n\n"
                + "Moves every use of " + target.toString().substring(0, target.toString().lastIndexOf(':'))
                + " from version" + (before.size() > 1 ? "s " : " ") + list(before) + " to " + target.version() + ".";
    }

    private static String list(SortedSet<Integer> versions) {
        return versions.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** One upgrade everywhere: what was found so far, and the branch names taken per repository. */
    private final class Run {

        private final long userId;
        private final LayerArn target;
        private final UpgradeDelivery delivery;
        private final List<ProjectUpgrade> done = new ArrayList<>();
        private final Map<String, Integer> branchesPerRepository = new HashMap<>();
        int checked;
        private int notUsing;
        private int unreadable;

        Run(long userId, LayerArn target, UpgradeDelivery delivery) {
            this.userId = userId;
            this.target = target;
            this.delivery = delivery;
        }

        void check(ProjectSummary project) {
            Optional<String> text;
            try {
                text = writeBack.branchTemplate(userId, project.id()).map(BranchTemplate::text);
            } catch (ProjectUnavailableException e) {
                failed(project, List.of(), "Could not be read: " + e.getMessage());
                return;
            }
            if (text.isEmpty()) {
                checked--; // no longer visible to the user
                return;
            }
            SortedSet<Integer> before;
            try {
                before = LayerUses.versions(reader.read(project.templatePath(), text.get()), target);
            } catch (TemplateException e) {
                SortedSet<Integer> mentioned = LayerUses.versions(text.get(), target);
                if (mentioned.stream().anyMatch(v -> v < target.version())) {
                    failed(project, List.copyOf(mentioned), "The template cannot be read (" + e.getMessage()
                            + "): correct it, then upgrade the layer in the editor.");
                } else {
                    unreadable++;
                }
                return;
            }
            if (before.isEmpty()) {
                notUsing++;
            } else if (before.first() >= target.version()) {
                add(project, Kind.ALREADY_CURRENT, before, "Already on version " + list(before)
                        + ": nothing was written.");
            } else if (before.last() > target.version()) {
                add(project, Kind.SKIPPED, before, "Uses versions " + list(before) + ": the upgrade would move version "
                        + before.last() + " back to " + target.version() + ", so nothing was written. Upgrade it in "
                        + "the editor.");
            } else {
                commit(project, before);
            }
        }

        private void commit(ProjectSummary project, SortedSet<Integer> before) {
            WriteTarget where = target(project);
            List<EditCommand> upgrade = List.of(new UpgradeLayer(target.toString()));
            WriteBackResult result = writeBack.commit(userId, project.id(), upgrade, message(target, before), where);
            List<Integer> versions = List.copyOf(before);
            switch (result) {
                case WriteBackResult.Committed c -> done.add(new ProjectUpgrade(project.id(), project.repository(),
                        project.templatePath(), Kind.UPGRADED, versions, c.commitId(), c.branch(), c.pullRequest(),
                        c.message() + localNote(project, c.branch())));
                case WriteBackResult.NothingToChange n -> add(project, Kind.ALREADY_CURRENT, before, n.message());
                case WriteBackResult.Rejected r -> failed(project, versions, r.message() + " " + r.suggestion());
                default -> failed(project, versions, result.message());
            }
        }

        /** On the local provider, which has no pull requests, a new branch alone; said in {@link #localNote}. */
        private WriteTarget target(ProjectSummary project) {
            return switch (delivery) {
                case UpgradeDelivery.OwnBranch() -> WriteTarget.defaultBranch();
                case UpgradeDelivery.NewBranches(boolean openRequests) -> {
                    int nth = branchesPerRepository.merge(project.host() + " " + project.repository(), 1, Integer::sum);
                    yield WriteTarget.newBranch(branchName(target, nth), openRequests && project.host() != HostKind.LOCAL);
                }
            };
        }

        private String localNote(ProjectSummary project, String branch) {
            boolean asked = delivery instanceof UpgradeDelivery.NewBranches(boolean openRequests) && openRequests;
            return asked && project.host() == HostKind.LOCAL ? " The local provider has no pull requests: merge '"
                    + branch + "' into '" + project.branch() + "' when it suits you." : "";
        }

        private void add(ProjectSummary project, Kind kind, SortedSet<Integer> before, String message) {
            done.add(new ProjectUpgrade(project.id(), project.repository(), project.templatePath(), kind,
                    List.copyOf(before), null, project.branch(), null, message));
        }

        void failed(ProjectSummary project, List<Integer> before, String message) {
            done.add(new ProjectUpgrade(project.id(), project.repository(), project.templatePath(), Kind.FAILED,
                    before, null, project.branch(), null, message));
        }

        LayerUpgradeSummary summary() {
            return new LayerUpgradeSummary(target.toString(), done, checked, notUsing, unreadable);
        }
    }
}
