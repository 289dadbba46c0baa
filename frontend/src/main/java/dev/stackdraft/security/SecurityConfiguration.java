package dev.stackdraft.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.stackdraft.account.AccountService;
import dev.stackdraft.ui.login.LoginView;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No open instance: every view needs a signed-in user. Local users sign in with a password at the
 * {@link LoginView}; GitHub and GitLab sign-in (OAuth2) is on only for the hosts whose client id and secret are
 * set. Only {@code /actuator/health} answers without signing in. Signing out invalidates the session.
 *
 * <p>Hardening (docs/security.md): failed password sign-ins are slowed and then refused for a while
 * ({@link ThrottledPasswordSignIn}, settings {@code stackdraft.sign-in.*}); the sign-in form needs Spring's CSRF
 * token like every other form post (Vaadin's own requests carry Vaadin's token); Spring Security's headers plus a
 * content security policy the Vaadin client runs under.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SignInSettings.class)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final String LOGIN = "/login";

    /**
     * What the pages may load and run. Vaadin Flow needs {@code 'unsafe-inline'} and {@code 'unsafe-eval'} for scripts
     * (its bootstrap is an inline script; its client turns the server's JavaScript expressions into functions) and
     * inline styles (as does React Flow: node positions are style attributes); images also come as {@code data:} and
     * {@code blob:} URLs (the canvas's PNG and SVG export). Push uses a websocket to the same origin ({@code 'self'}).
     * No frames, plugins, foreign forms or base URL.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Bean
    HostSignIns hostSignIns(Environment environment) {
        HostSignIns hosts = HostSignIns.fromEnvironment(environment);
        if (hosts.isEmpty()) {
            log.info("Sign-in: local users only (set STACKDRAFT_GITHUB_CLIENT_ID/SECRET or "
                    + "STACKDRAFT_GITLAB_CLIENT_ID/SECRET to sign in with GitHub or GitLab)");
        } else {
            hosts.all().forEach(host -> log.info("Sign-in with {} at {} (API {})", host.displayName(),
                    host.baseUrl(), host.apiBase()));
        }
        return hosts;
    }

    @Bean
    SignInThrottle signInThrottle(DataSource dataSource, PlatformTransactionManager transactions,
                                  SignInSettings settings, ObjectProvider<Clock> clock) {
        return new SignInThrottle(JdbcClient.create(dataSource), new TransactionTemplate(transactions), settings,
                clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    TrustedDevices trustedDevices(DataSource dataSource, SignInSettings settings, ObjectProvider<Clock> clock) {
        return new TrustedDevices(JdbcClient.create(dataSource), settings, clock.getIfUnique(Clock::systemUTC));
    }

    /** The one authentication provider for passwords (the OAuth2 sign-in brings its own). */
    @Bean
    AuthenticationProvider passwordSignIn(AccountService accounts, PasswordEncoder passwords, SignInThrottle throttle,
                                          TrustedDevices devices) {
        DaoAuthenticationProvider checker = new DaoAuthenticationProvider(new LocalUsers(accounts));
        checker.setPasswordEncoder(passwords);
        return new ThrottledPasswordSignIn(checker, throttle, devices, ThrottledPasswordSignIn::sleep);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, HostSignIns hosts, AccountService accounts,
                                            RequestUtil requestUtil, TrustedDevices devices) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/styles.css").permitAll());
        // Vaadin's configurer exempts the login form's POST from Spring's CSRF check (vaadin/flow#17427), though the
        // page carries the token (meta tags that vaadin-login-form copies into its native form): its CSRF part is
        // off, and only Vaadin's own requests, which carry Vaadin's token, are exempt
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView(LoginView.class, LOGIN + "?logout")
                .enableCsrfConfiguration(false));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest));
        // CsrfFilter takes the explicitly set handler (not the per-request defaults)
        http.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(expiredSignInPage()));
        http.formLogin(form -> form
                .authenticationDetailsSource(SignInDetails::of)
                .failureHandler(new SimpleUrlAuthenticationFailureHandler(LOGIN + "?error")));
        http.sessionManagement(sessions -> sessions.addSessionAuthenticationStrategy(devices));
        http.headers(headers -> headers
                // before the request runs: Vaadin's pages are served through a forward, which Tomcat commits on the
                // unwrapped response, so headers written at commit (the default) never reach them
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        http.logout(logout -> logout.invalidateHttpSession(true).clearAuthentication(true)
                .deleteCookies("JSESSIONID"));
        if (!hosts.isEmpty()) {
            http.oauth2Login(oauth -> oauth
                    .loginPage(LOGIN)
                    .clientRegistrationRepository(hosts.repository())
                    .authorizedClientService(new NoTokensInMemory())
                    .userInfoEndpoint(userInfo -> userInfo.userService(new HostAccountUserService(accounts, hosts)))
                    .defaultSuccessUrl("/", true)
                    .failureUrl(LOGIN + "?error"));
        }
        return http.build();
    }

    /**
     * A sign-in form posted without a valid token (most often a page left open until its session ended) goes back to
     * the sign-in page with a sentence instead of a bare 403; any other refusal there stays a 403.
     */
    private static AccessDeniedHandler expiredSignInPage() {
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        RequestMatcher signInPost = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, LOGIN);
        return (request, response, denied) -> {
            if (denied instanceof CsrfException && signInPost.matches(request)) {
                response.setStatus(HttpServletResponse.SC_FOUND);
                response.setHeader("Location", request.getContextPath() + LOGIN + "?expired");
            } else {
                forbidden.handle(request, response, denied);
            }
        };
    }
}
