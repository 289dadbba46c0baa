package dev.stackdraft.ui.login;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.stackdraft.security.HostSignIn;
import dev.stackdraft.security.HostSignIns;
import dev.stackdraft.security.SignInFailure;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in: the local password form (the embedded default's administrator) and a button per configured git
 * host. A failed sign-in comes back here with {@code ?error} (a refused one with the wait in a sentence); a form
 * posted without a valid CSRF token with {@code ?expired}; signing out with {@code ?logout}.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Stackdraft")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final Paragraph message = new Paragraph();
    private final AuthenticationContext authentication;

    LoginView(HostSignIns hosts, AuthenticationContext authentication) {
        this.authentication = authentication;
        addClassName("login-page");

        Div card = new Div();
        card.addClassName("login-card");
        H1 brand = new H1("Stackdraft");
        brand.addClassName("login-brand");
        Paragraph tagline = new Paragraph("The visual editor for your AWS SAM and Serverless templates, straight from Git.");
        tagline.addClassName("login-tagline");
        message.setId("login-message");
        message.addClassName("login-message");
        message.setVisible(false);
        card.add(brand, tagline, message);

        List<HostSignIn> configured = hosts.all();
        if (!configured.isEmpty()) {
            Div buttons = new Div();
            buttons.addClassName("login-hosts");
            for (HostSignIn host : configured) {
                Anchor button = new Anchor(host.authorizationPath(), "Sign in with " + host.displayName());
                button.setRouterIgnore(true); // a server endpoint, not a view
                button.setId("sign-in-" + host.registrationId());
                button.addClassNames("host-button", "host-" + host.registrationId());
                buttons.add(button);
            }
            Span or = new Span("or");
            or.addClassName("login-divider");
            card.add(buttons, or);
        }

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(configured.isEmpty() ? "Sign in" : "With a local account");
        i18n.getForm().setSubmit("Sign in");
        i18n.getErrorMessage().setTitle("Incorrect username or password");
        i18n.getErrorMessage().setMessage("Check them and try again. The administrator's password was printed in "
                + "the server log when Stackdraft first started.");
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setId("login-form");
        card.add(form);

        Paragraph hint = new Paragraph("First start? Sign in as admin with the password Stackdraft printed to its "
                + "log, once.");
        hint.addClassName("login-hint");
        card.add(hint);
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        if (query.containsKey("error")) {
            VaadinServletRequest request = VaadinServletRequest.getCurrent();
            Optional<String> failure = SignInFailure.take(
                    request == null ? null : request.getHttpServletRequest().getSession(false));
            failure.ifPresentOrElse(this::show, () -> form.setError(true));
        } else if (query.containsKey("expired")) {
            show(SignInFailure.expired());
        } else if (query.containsKey("logout")) {
            show("You signed out.");
        } else if (authentication.isAuthenticated()) {
            event.forwardTo("");
        }
    }

    private void show(String text) {
        message.setText(text);
        message.setVisible(true);
    }
}
