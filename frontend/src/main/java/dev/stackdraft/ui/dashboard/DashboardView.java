package dev.stackdraft.ui.dashboard;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.stackdraft.importer.ImportService;
import dev.stackdraft.project.ProjectService;
import dev.stackdraft.security.CurrentUser;
import dev.stackdraft.ui.BackgroundWork;
import jakarta.annotation.security.PermitAll;

/**
 * The first page after signing in: the user's projects (searched and filtered) and the one-click import of
 * every template in the repositories their linked accounts can see.
 */
@Route("")
@PageTitle("Projects · Stackdraft")
@PermitAll
public class DashboardView extends Main {

    DashboardView(CurrentUser currentUser, ProjectService projects, ImportService imports, BackgroundWork background) {
        long userId = currentUser.require().userId();
        ProjectGrid grid = new ProjectGrid(projects, background, userId);
        ImportPanel importPanel = new ImportPanel(imports, background, userId, grid::projectsChanged);

        H1 title = new H1("Projects");
        title.setId("dashboard-title");
        title.addClassName("page-title");
        Paragraph lead = new Paragraph("Every SAM, CloudFormation and Serverless template in the repositories your "
                + "accounts can see.");
        lead.addClassName("page-lead");

        addClassName("page");
        add(new Div(title, lead), importPanel, grid);
    }
}
