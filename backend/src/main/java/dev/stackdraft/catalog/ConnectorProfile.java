package dev.stackdraft.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One row of SAM's connector profile table: a connector from a resource of {@code sourceType} to one of
 * {@code destinationType} may ask for the given permissions. Types are CloudFormation types (SAM resolves
 * {@code AWS::Serverless::Function} to {@code AWS::Lambda::Function} etc. before looking the pair up: see
 * {@link #endType}).
 *
 * @param validCombinations the {@code Permissions} SAM accepts for this pair when the profile restricts them
 *                          ({@code ValidAccessCategories}: an SQS queue to a function takes Read and Write together
 *                          only); empty when any non-empty combination of {@code access} is valid
 */
public record ConnectorProfile(String sourceType, String destinationType, Set<ConnectorAccess> access,
                               List<Set<ConnectorAccess>> validCombinations) {

    /** The SAM types a connector end may name by {@code Id}, and the CloudFormation type SAM looks them up by. */
    private static final Map<String, String> SAM_TO_CLOUDFORMATION = Map.of(
            "AWS::Serverless::Function", "AWS::Lambda::Function",
            "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine",
            "AWS::Serverless::Api", "AWS::ApiGateway::RestApi",
            "AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api",
            "AWS::Serverless::SimpleTable", "AWS::DynamoDB::Table");

    public ConnectorProfile {
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(destinationType, "destinationType");
        access = access.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(access));
        validCombinations = validCombinations.stream()
                .<Set<ConnectorAccess>>map(c -> Collections.unmodifiableSet(EnumSet.copyOf(c))).toList();
    }

    public ConnectorProfile(String sourceType, String destinationType, Set<ConnectorAccess> access) {
        this(sourceType, destinationType, access, List.of());
    }

    /** Whether this pair supports the given permission. */
    public boolean allows(ConnectorAccess permission) {
        return access.contains(permission);
    }

    /**
     * The {@code Permissions} a connector of this pair may ask for: the profile's own list where it has one, else
     * each permission alone and then all of them together (Read, Write, Read and Write).
     */
    public List<Set<ConnectorAccess>> combinations() {
        if (!validCombinations.isEmpty()) {
            return validCombinations;
        }
        List<Set<ConnectorAccess>> out = new ArrayList<>();
        access.forEach(a -> out.add(Collections.unmodifiableSet(EnumSet.of(a))));
        if (access.size() > 1) {
            out.add(access);
        }
        return out;
    }

    /** Whether SAM accepts exactly these permissions for this pair. */
    public boolean accepts(Set<ConnectorAccess> permissions) {
        return combinations().contains(permissions.isEmpty() ? Set.of() : EnumSet.copyOf(permissions));
    }

    /** The type SAM looks a connector end up by: a SAM type's CloudFormation type, any other type itself. */
    public static String endType(String type) {
        return SAM_TO_CLOUDFORMATION.getOrDefault(type, type);
    }
}
