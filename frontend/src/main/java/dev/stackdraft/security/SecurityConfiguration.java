package dev.stackdraft.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.stackdraft.account.AccountService;
import dev.stackdraft.ui.login.LoginView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * No open instance: every view needs a signed-in user. Local users sign in with a password at the
 * {@link LoginView}; GitHub and GitLab sign-in (OAuth2) is on only for the hosts whose client id and secret are
 * set. Only {@code /actuator/health} answers without signing in. Signing out invalidates the session.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final String LOGIN = "/login";

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
    SecurityFilterChain securityFilterChain(HttpSecurity http, HostSignIns hosts, AccountService accounts)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/styles.css").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, LOGIN + "?logout"));
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
}
