package dev.stackdraft.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.account.TokenCipher;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The app's wiring: the registry, the catalog and one set of SDK clients, made without calling AWS. */
class AwsConfigurationTest {

    @Test
    void the_app_gets_the_registry_and_the_catalog_without_any_call_to_aws() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ApplicationContextRunner()
                .withBean(DataSource.class, () -> h2)
                .withBean(TokenCipher.class, () -> TokenCipher.withKey(new byte[32]))
                .withUserConfiguration(AwsConfiguration.class)
                .withPropertyValues("stackdraft.aws.layer-cache-seconds=5")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(AwsAccounts.class).hasSingleBean(LayerCatalog.class)
                            .hasSingleBean(AwsClients.class).hasSingleBean(AccessCheck.class);
                });
    }
}
