package dev.stackdraft.catalog;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One row of SAM's connector profile table: a connector from a resource of {@code sourceType} to one of
 * {@code destinationType} may ask for the given permissions. Types are CloudFormation types (SAM resolves
 * {@code AWS::Serverless::Function} to {@code AWS::Lambda::Function} etc. before looking the pair up).
 */
public record ConnectorProfile(String sourceType, String destinationType, Set<ConnectorAccess> access) {

    public ConnectorProfile {
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(destinationType, "destinationType");
        access = access.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(access));
    }

    /** Whether this pair supports the given permission. */
    public boolean allows(ConnectorAccess permission) {
        return access.contains(permission);
    }
}
