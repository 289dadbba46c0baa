# syntax=docker/dockerfile:1

# ---- build: the whole reactor, tests skipped (CI runs them); Vaadin's production frontend is prepared in
# prepare-package. With stock components Vaadin uses its pre-compiled bundle; once we ship custom frontend code
# the compiled bundle is committed under frontend/src/main/bundles, so this stage needs no Node either way.
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /build

# Poms first, so dependency downloads are cached until a pom changes.
COPY pom.xml ./
COPY backend/pom.xml backend/
COPY frontend/pom.xml frontend/
COPY backend/src backend/src
COPY frontend/src frontend/src
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -DskipTests -pl frontend -am package

# ---- run: a JRE, the Spring Boot jar, a non-root user, data on a volume.
FROM eclipse-temurin:25-jre
RUN groupadd --system stackdraft \
 && useradd --system --gid stackdraft --home-dir /app --shell /usr/sbin/nologin stackdraft \
 && mkdir -p /app /data \
 && chown stackdraft:stackdraft /data
WORKDIR /app
COPY --from=build /build/frontend/target/stackdraft.jar /app/stackdraft.jar

ENV STACKDRAFT_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
USER stackdraft

# Extra JVM flags go in JAVA_TOOL_OPTIONS, Spring settings in environment variables (SERVER_PORT, ...).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "stackdraft.jar"]
