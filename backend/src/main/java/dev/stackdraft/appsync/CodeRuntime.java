package dev.stackdraft.appsync;

/** What a resolver's or function's code is written in: AppSync's JavaScript, or request/response VTL templates. */
public enum CodeRuntime {
    APPSYNC_JS,
    VTL
}
