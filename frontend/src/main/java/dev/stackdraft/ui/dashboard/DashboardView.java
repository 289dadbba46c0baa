package dev.stackdraft.ui.dashboard;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/** The start page. Projects arrive in a later issue; for now it greets and says so. */
@Route("")
@PageTitle("Stackdraft")
class DashboardView extends VerticalLayout {

    DashboardView() {
        H1 title = new H1("Stackdraft");
        title.setId("dashboard-title");
        Paragraph notice = new Paragraph("Your projects will be listed here in a later release.");
        notice.setId("dashboard-notice");
        add(title, notice);
    }
}
