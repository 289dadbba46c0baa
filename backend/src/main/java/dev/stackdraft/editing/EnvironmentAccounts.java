package dev.stackdraft.editing;

import dev.stackdraft.aws.AwsAccount;
import dev.stackdraft.aws.AwsAccounts;
import dev.stackdraft.aws.AwsException;
import dev.stackdraft.aws.Layer;
import dev.stackdraft.aws.LayerCatalog;
import dev.stackdraft.aws.LayerVersionArn;
import dev.stackdraft.environment.Environment;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Ties an environment to the user's AWS account registry: the environment names an account id and a region (in
 * {@code samconfig.toml}), the registry says how to reach that account (a role with its external id, or the server's
 * own credentials). Nothing that needs AWS is offered for an environment without both, and the page says why.
 */
@Service
public class EnvironmentAccounts {

    private final AwsAccounts accounts;
    private final LayerCatalog layers;

    EnvironmentAccounts(AwsAccounts accounts, LayerCatalog layers) {
        this.accounts = accounts;
        this.layers = layers;
    }

    /** How (or why not) the user reaches the environment's account. */
    public AwsReach reach(long userId, Environment environment) {
        String name = environment.name();
        if (environment.accountId() == null) {
            return new AwsReach.Unreachable("Environment " + name + " names no AWS account: tie it to one under "
                    + "Environments to see the layers in that account.");
        }
        if (environment.region() == null) {
            return new AwsReach.Unreachable("Environment " + name + " names no region: set one under Environments to "
                    + "see the layers in account " + environment.accountId() + ".");
        }
        Optional<AwsAccount> linked = accounts.list(userId).stream()
                .filter(a -> a.accountId().equals(environment.accountId())).findFirst();
        if (linked.isEmpty()) {
            return new AwsReach.Unreachable("No AWS account with id " + environment.accountId() + " is linked: link it "
                    + "under AWS accounts (a role to assume, or the server's own credentials) to see its layers.");
        }
        try {
            return new AwsReach.Reachable(accounts.target(userId, linked.get().name(), environment.region())
                    .withAccount(environment.accountId()), linked.get().name());
        } catch (AwsException e) {
            return new AwsReach.Unreachable(e.getMessage());
        }
    }

    /**
     * The paths inside one layer version's content in the environment's account (a custom runtime's bootstrap).
     *
     * @throws AwsException with a sentence when the environment's account cannot be reached, or AWS refuses
     */
    public List<String> layerFiles(AwsReach reach, String layerVersionArn) {
        if (!(reach instanceof AwsReach.Reachable reachable)) {
            throw new AwsException(reach.describe());
        }
        return layers.files(reachable.target(), LayerVersionArn.parse(layerVersionArn));
    }

    /**
     * The layers in the account and region, from the catalog's short cache unless {@code refresh}.
     *
     * @throws AwsException with a sentence when AWS cannot be reached or refuses
     */
    public List<Layer> layers(AwsReach.Reachable reach, boolean refresh) {
        return refresh ? layers.refresh(reach.target()) : layers.layers(reach.target());
    }
}
