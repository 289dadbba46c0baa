package dev.stackdraft.editing;

import dev.stackdraft.aws.Layer;
import dev.stackdraft.aws.LayerFit;
import dev.stackdraft.aws.LayerVersion;
import dev.stackdraft.aws.LayerVersionArn;
import dev.stackdraft.edit.FunctionLayerList;
import java.util.List;
import java.util.Optional;

/**
 * One layer of a function as the layer picker shows it for the selected environment.
 *
 * @param item     the layer as the template writes it (own or inherited, its place)
 * @param resolved the version the selected environment deploys: the ARN written, a {@code !Sub} with the
 *                 environment's region and account put in, or a parameter's value in the environment (else its
 *                 default); empty when it cannot be told (a layer built by this template, a computed value)
 * @param fromEnvironment true when {@code resolved} is the environment's own value of a parameter (parameter_overrides)
 * @param layer    the layer in the account with all its versions, when the account has it
 * @param fit      whether the deployed version fits the function's runtime and architectures, when known
 * @param newer    the account's newest version of the layer, when newer than the one deployed
 */
public record LayerRow(FunctionLayerList.Item item, Optional<LayerVersionArn> resolved, boolean fromEnvironment,
                       Optional<Layer> layer, Optional<LayerFit> fit, Optional<LayerVersion> newer) {

    /** A short name: the layer's name and version, or the template's layer, or what is written. */
    public String label() {
        return resolved.map(arn -> arn.name() + " · version " + arn.version())
                .or(() -> item.templateLayer().map(id -> id + " · defined in this template"))
                .orElse(item.written());
    }

    /** The account's versions of this layer, newest first (empty when the account does not have it). */
    public List<LayerVersion> versions() {
        return layer.map(Layer::versions).orElse(List.of());
    }
}
