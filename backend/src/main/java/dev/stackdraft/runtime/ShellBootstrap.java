package dev.stackdraft.runtime;

import java.util.regex.Pattern;

/**
 * The text of a small custom runtime in POSIX shell. Written after the shell example of AWS's "Tutorial: Building a
 * custom runtime" (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-walkthrough.html: source FILE.sh from
 * {@code _HANDLER}, loop on {@code invocation/next}, post the handler's output to {@code invocation/ID/response}),
 * with what the tutorial leaves out and "Building a custom runtime" (runtimes-custom.html) and the runtime API
 * (runtimes-api.html) ask for: errors reported to {@code init/error} and {@code invocation/ID/error}, the X-Ray
 * trace header passed on in {@code _X_AMZN_TRACE_ID}. It differs from the tutorial where the tutorial would break:
 * plain {@code sh} (the tutorial's {@code source} and {@code pipefail} are bash), the response sent through stdin
 * (a command-line argument is limited to 128 KB on Linux, a response may be 6 MB), the handler run with
 * {@code set -e} in a subshell so a failing command fails the invocation instead of being ignored. It needs
 * {@code curl}, which the provided.al2023 image carries as curl-minimal (aws/aws-lambda-base-images#92).
 */
final class ShellBootstrap {

    /** {@code FILE.FUNCTION} where FUNCTION is a shell function name. */
    private static final Pattern HANDLER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*\\.[A-Za-z_][A-Za-z0-9_]*");
    static final String DEFAULT_HANDLER = "function.handler";

    private ShellBootstrap() {}

    static String text(String handlerHint) {
        String handler = HANDLER.matcher(handlerHint.strip()).matches() ? handlerHint.strip() : DEFAULT_HANDLER;
        String file = handler.substring(0, handler.indexOf('.')) + ".sh";
        String function = handler.substring(handler.indexOf('.') + 1);
        return TEMPLATE.replace("@HANDLER@", handler).replace("@FILE@", file).replace("@FUNCTION@", function);
    }

    private static final String TEMPLATE = """
            #!/bin/sh
            # A custom runtime in POSIX shell for Lambda's OS-only runtimes (provided.al2023, provided.al2): Lambda
            # runs this file to start the function, and it answers invocations until Lambda stops it.
            # Written by Stackdraft after the shell example of AWS's "Tutorial: Building a custom runtime"
            # (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-walkthrough.html), with the error reports of
            # the runtime API (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html).
            #
            # The function's Handler, FILE.FUNCTION (here @HANDLER@), names the script FILE.sh in the function's
            # code (@FILE@) and the shell function FUNCTION it defines (@FUNCTION@). That function gets the event
            # (JSON) as $1 and writes its response on standard output; what it writes on standard error goes to
            # the function's log. It runs with set -eu: a failing command, an unset variable or a non-zero status
            # makes the invocation an error. For example, @FILE@:
            #
            #   @FUNCTION@() {
            #     echo "event: $1" >&2
            #     printf '{"received": %s}' "$1"
            #   }
            #
            # Lambda runs this file only if it is executable: chmod 755 bootstrap (git keeps that bit).

            set -eu

            if [ -z "${AWS_LAMBDA_RUNTIME_API:-}" ]; then
              echo "bootstrap: AWS_LAMBDA_RUNTIME_API is not set; this runs in Lambda (or sam local)" >&2
              exit 1
            fi
            api="http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime"
            handler="${_HANDLER:-@HANDLER@}"
            root="${LAMBDA_TASK_ROOT:-$(cd "$(dirname "$0")" && pwd)}"
            script="$root/${handler%%.*}.sh"
            fn="${handler#*.}"

            # POSTs standard input to the runtime API: $1 the path after /runtime/, $2 a header
            post() {
              curl -sS -o /dev/null -X POST "$api/$1" -H "$2" --data-binary @-
            }

            # an error as the runtime API takes it: $1 errorType, $2 errorMessage (made safe for JSON)
            error_json() {
              printf '{"errorType":"%s","errorMessage":"%s"}' "$1" "$(printf '%s' "$2" | tr -d '"\\\\' | tr '\\n\\r\\t' '   ')"
            }

            init_error() {
              echo "bootstrap: $2" >&2
              error_json "$1" "$2" | post init/error "Lambda-Runtime-Function-Error-Type: $1" || true
              exit 1
            }

            # a header of the last event, from the headers curl saved
            header() {
              grep -i "^$1:" "$headers" | head -n 1 | sed 's/^[^:]*:[[:space:]]*//' | tr -d '\\r'
            }

            # initialization: load the handler's script once
            [ -f "$script" ] || init_error Runtime.InvalidEntrypoint "no script $script for the handler $handler"
            . "$script"
            command -v "$fn" >/dev/null 2>&1 || init_error Runtime.HandlerNotFound "$script defines no function $fn"

            headers=$(mktemp)
            event=$(mktemp)
            trap 'rm -f "$headers" "$event"' EXIT

            # processing: one event after the other, until Lambda stops this process
            while :; do
              # waits until there is an event
              curl -sS -D "$headers" -o "$event" "$api/invocation/next"
              request_id=$(header Lambda-Runtime-Aws-Request-Id)
              _X_AMZN_TRACE_ID=$(header Lambda-Runtime-Trace-Id)
              export _X_AMZN_TRACE_ID

              set +e
              response=$(set -e; "$fn" "$(cat "$event")")
              status=$?
              set -e

              if [ "$status" -eq 0 ]; then
                printf '%s' "$response" | post "invocation/$request_id/response" "Content-Type: application/json"
              else
                echo "bootstrap: $fn failed with status $status" >&2
                error_json Runtime.HandlerError "$fn failed with status $status" \\
                  | post "invocation/$request_id/error" "Lambda-Runtime-Function-Error-Type: Unhandled"
              fi
            done
            """;
}
