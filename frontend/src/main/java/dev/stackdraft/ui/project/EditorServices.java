package dev.stackdraft.ui.project;

import dev.stackdraft.aws.AwsAccounts;
import dev.stackdraft.editing.EnvironmentAccounts;
import dev.stackdraft.project.LayerUpgrades;
import dev.stackdraft.project.ProjectOutlines;
import dev.stackdraft.project.ProjectSummary;
import dev.stackdraft.ui.BackgroundWork;

/** What the editor of one project needs besides its session: the signed-in user and the services it calls. */
record EditorServices(long userId, ProjectSummary project, ProjectOutlines outlines, EnvironmentAccounts environments, AwsAccounts accounts,
                      BackgroundWork background, LayerUpgrades upgrades) {}
