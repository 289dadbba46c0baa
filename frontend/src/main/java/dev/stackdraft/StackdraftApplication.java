package dev.stackdraft;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the Stackdraft web application and configures the Vaadin app shell. */
@SpringBootApplication
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@Push
public class StackdraftApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(StackdraftApplication.class, args);
    }
}
