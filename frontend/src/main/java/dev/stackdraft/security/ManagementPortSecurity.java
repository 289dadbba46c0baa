package dev.stackdraft.security;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The actuator endpoints ({@code /actuator/prometheus}, {@code /actuator/health}) answer without sign-in on the
 * management port, when one is set ({@code MANAGEMENT_SERVER_PORT}, bound with {@code MANAGEMENT_SERVER_ADDRESS} to
 * an address only the monitoring network reaches). Prometheus cannot fill in a sign-in form, and a port of its own
 * is what scrape configurations and Kubernetes expect: no secret to hand out, rotate or keep out of logs, and the
 * reverse proxy in front of the app never forwards to it.
 *
 * <p>Without a management port the endpoints are on the app's port, where {@link SecurityConfiguration}'s chain
 * applies: health is open, {@code /actuator/prometheus} needs a signed-in user. This chain matches only requests
 * that reach the management server ({@link EndpointRequest} leaves the app's port alone when the ports differ).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class ManagementPortSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain managementPort(HttpSecurity http) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
