package dev.stackdraft.ui.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLayout;
import dev.stackdraft.account.AccountService;
import dev.stackdraft.account.LinkedAccount;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.security.CurrentUser;
import dev.stackdraft.security.HostSignIn;
import dev.stackdraft.security.HostSignIns;
import dev.stackdraft.security.SignedInUser;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * The header of every signed-in page: the brand (back to the dashboard), the AWS accounts page, the git host
 * accounts the user linked, a link for each configured host not linked yet, the user's name and signing out.
 */
@Layout
@PermitAll
public class MainLayout extends Div implements RouterLayout {

    private final Div content = new Div();

    MainLayout(CurrentUser currentUser, AccountService accounts, HostSignIns hosts) {
        SignedInUser user = currentUser.require();

        Anchor brand = new Anchor("", "Stackdraft");
        brand.addClassName("app-brand");
        Anchor awsAccounts = new Anchor("aws-accounts", "AWS accounts");
        awsAccounts.setId("nav-aws-accounts");
        awsAccounts.addClassName("app-nav");

        Div links = new Div();
        links.addClassName("app-accounts");
        List<LinkedAccount> linked = accounts.linkedAccounts(user.userId());
        for (LinkedAccount account : linked) {
            links.add(chip(account));
        }
        for (HostSignIn host : hosts.all()) {
            boolean alreadyLinked = linked.stream().anyMatch(a -> a.host() == host.kind()
                    && a.apiBase().equals(host.apiBase()));
            if (!alreadyLinked) {
                Anchor link = new Anchor(host.authorizationPath(), "Link " + host.displayName());
                link.setRouterIgnore(true);
                link.setId("link-" + host.registrationId());
                link.addClassName("link-host");
                links.add(link);
            }
        }

        Span name = new Span(user.displayName());
        name.setId("user-name");
        name.addClassName("app-user");
        Button signOut = new Button("Sign out", click -> currentUser.signOut());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.TERTIARY);

        Header header = new Header(brand, awsAccounts, links, name, signOut);
        header.addClassName("app-header");
        content.addClassName("app-content");
        addClassName("app-shell");
        add(header, content);
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.getElement().removeAllChildren();
        if (view != null) {
            content.getElement().appendChild(view.getElement());
        }
    }

    private static Component chip(LinkedAccount account) {
        String host = switch (account.host()) {
            case GITHUB -> "GitHub";
            case GITLAB -> "GitLab";
            case LOCAL -> "Local repositories";
        };
        Span chip = new Span(account.host() == HostKind.LOCAL ? host : host + " · " + account.login());
        chip.addClassNames("account-chip", "host-" + account.host().name().toLowerCase(java.util.Locale.ROOT));
        chip.getElement().setAttribute("title", account.host() == HostKind.LOCAL
                ? "The sample repositories in the data folder"
                : "Signed in to " + account.apiBase().getHost() + " as " + account.login());
        return chip;
    }
}
