package dev.stackdraft.startup;

import dev.stackdraft.config.StartupProblem;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.core.env.Environment;

/**
 * Refuses to start when the HTTP port is taken, before anything else starts. Tomcat would find out too, but only
 * after the whole application started (a hundred lines of log later, with Vaadin's and Atmosphere's start-up in
 * between); this says it first, in one sentence naming the setting. Only in a context that runs a web server (not
 * in mock web tests), and not for port 0 (any free port).
 */
final class PortCheck implements BeanFactoryPostProcessor, ApplicationContextAware {

    private boolean runsAWebServer;
    private @Nullable Environment environment;

    @Override
    public void setApplicationContext(ApplicationContext context) throws BeansException {
        runsAWebServer = context instanceof WebServerApplicationContext;
        environment = context.getEnvironment();
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!runsAWebServer || environment == null) {
            return;
        }
        int port = environment.getProperty("server.port", Integer.class, 8080);
        if (port > 0) {
            check(environment.getProperty("server.address"), port);
        }
    }

    static void check(@Nullable String address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as Tomcat binds: a port in TIME_WAIT is free
            @Nullable InetAddress host = address == null || address.isBlank() ? null : InetAddress.getByName(address);
            socket.bind(host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port));
        } catch (BindException e) {
            throw new StartupProblem("Port " + port + " is already in use" + (address == null || address.isBlank()
                    ? "" : " on " + address) + ", so Stackdraft cannot listen on it.",
                    "Stop the process that listens on port " + port + ", or set SERVER_PORT (server.port) to a free "
                            + "port.");
        } catch (IOException e) {
            // an address that cannot be resolved or bound for another reason: Tomcat says so in its own words
        }
    }
}
