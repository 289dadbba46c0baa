package dev.stackdraft.cli;

import dev.stackdraft.aws.AccessCheck;
import dev.stackdraft.aws.AccessReport;
import dev.stackdraft.aws.AccountsFile;
import dev.stackdraft.aws.AwsAccount;
import dev.stackdraft.aws.AwsClients;
import dev.stackdraft.aws.AwsException;
import dev.stackdraft.aws.NewAwsAccount;
import dev.stackdraft.template.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code aws accounts|link|unlink|check}: the AWS accounts the CLI may use, kept in a small owner-only JSON file
 * ({@link AccountsFile}, {@code ~/.stackdraft/aws-accounts.json} or {@code --config FILE}); the server keeps its own
 * in the database. External ids are never printed.
 */
final class AwsCommand implements Command {

    private static final String ACCOUNT = "--account";
    private static final String ROLE_ARN = "--role-arn";
    private static final String EXTERNAL_ID = "--external-id";
    private static final String REGION = "--region";
    private static final String CONFIG = "--config";
    private static final String FORMAT = "--format";

    @Override
    public String name() {
        return "aws";
    }

    @Override
    public List<Form> forms() {
        return List.of(
                new Form("aws accounts [--config FILE] [--format text|json]",
                        "List the linked AWS accounts: name, account id, role and whether it has an external id "
                                + "(never the id itself). FILE defaults to ~/.stackdraft/aws-accounts.json."),
                new Form("aws link NAME --account ID [--role-arn ARN [--external-id X]] [--config FILE] [--dry-run]",
                        "Link an AWS account under NAME: reached through the role ARN (assumed with the external id), "
                                + "or without a role on the AWS SDK's own credentials. The file is owner-only."),
                new Form("aws unlink NAME [--config FILE] [--dry-run]", "Forget the AWS account NAME."),
                new Form("aws check NAME --region R [--config FILE]",
                        "Assume the account's role and try what Stackdraft needs (sts:GetCallerIdentity, "
                                + "lambda:ListLayers, lambda:ListLayerVersions, lambda:GetLayerVersion): each is "
                                + "reported allowed, denied, failed or skipped. Exit status 1 unless all are allowed."));
    }

    @Override
    public int run(List<String> args, Output output) {
        if (args.isEmpty()) {
            throw new UsageException("missing what to do: accounts, link, unlink or check");
        }
        String verb = args.getFirst();
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (verb) {
                case "accounts" -> accounts(Arguments.parse(rest, Set.of(CONFIG, FORMAT), Set.of()).noMorePositionalsThan(0),
                        output);
                case "link" -> link(Arguments.parse(rest, Set.of(ACCOUNT, ROLE_ARN, EXTERNAL_ID, CONFIG),
                        FileEdit.SWITCHES).noMorePositionalsThan(1), output);
                case "unlink" -> unlink(Arguments.parse(rest, Set.of(CONFIG), FileEdit.SWITCHES).noMorePositionalsThan(1),
                        output);
                case "check" -> check(Arguments.parse(rest, Set.of(REGION, CONFIG), Set.of()).noMorePositionalsThan(1),
                        output);
                default -> throw new UsageException("unknown aws command '" + verb
                        + "': use accounts, link, unlink or check");
            };
        } catch (AwsException e) {
            throw new CliFailure(e.getMessage());
        }
    }

    static AccountsFile accountsFile(Arguments arguments) {
        return new AccountsFile(AvailableLayers.configPath(arguments));
    }

    private static int accounts(Arguments arguments, Output output) {
        String format = arguments.choice(FORMAT, "text", "json");
        AccountsFile file = accountsFile(arguments);
        List<AwsAccount> accounts = file.read().stream().map(NewAwsAccount::summary).toList();
        if (format.equals("json")) {
            StringBuilder json = new StringBuilder("[");
            for (AwsAccount account : accounts) {
                json.append(json.length() == 1 ? "" : ",").append("{\"name\":").append(JsonText.quote(account.name()))
                        .append(",\"accountId\":").append(JsonText.quote(account.accountId()))
                        .append(",\"roleArn\":").append(account.roleArn() == null ? "null" : JsonText.quote(account.roleArn()))
                        .append(",\"externalId\":").append(account.hasExternalId()).append('}');
            }
            output.result(json.append(']').toString());
        } else {
            StringBuilder text = new StringBuilder();
            for (AwsAccount account : accounts) {
                text.append(account.name()).append("  ").append(account.accountId()).append("  ")
                        .append(account.roleArn() == null ? "own credentials" : account.roleArn())
                        .append(account.hasExternalId() ? "  (external id set)" : "").append('\n');
            }
            output.result(text.toString());
            output.note(accounts.size() + (accounts.size() == 1 ? " AWS account in " : " AWS accounts in ") + file.file());
        }
        return StackdraftCli.OK;
    }

    private static int link(Arguments arguments, Output output) {
        String name = arguments.positional(0, "NAME");
        NewAwsAccount account = new NewAwsAccount(name, arguments.required(ACCOUNT),
                arguments.option(ROLE_ARN).orElse(null), arguments.option(EXTERNAL_ID).orElse(null));
        AccountsFile file = accountsFile(arguments);
        List<NewAwsAccount> accounts = new ArrayList<>(file.read());
        boolean replaced = accounts.removeIf(a -> a.name().equals(name));
        accounts.add(account);
        String what = (replaced ? "Relinked" : "Linked") + " the AWS account " + name + " (" + account.accountId() + ", "
                + (account.roleArn() == null ? "own credentials" : "role " + account.roleArn()
                        + (account.externalId() == null ? "" : " with an external id")) + ")";
        if (arguments.has(FileEdit.DRY_RUN)) {
            output.note(what + " (dry run, " + file.file() + " not written)");
        } else {
            file.write(accounts);
            output.note(what + " in " + file.file());
        }
        return StackdraftCli.OK;
    }

    private static int unlink(Arguments arguments, Output output) {
        String name = arguments.positional(0, "NAME");
        AccountsFile file = accountsFile(arguments);
        List<NewAwsAccount> accounts = new ArrayList<>(file.read());
        if (!accounts.removeIf(a -> a.name().equals(name))) {
            throw new CliFailure("there is no AWS account named " + name + " in " + file.file());
        }
        if (arguments.has(FileEdit.DRY_RUN)) {
            output.note("Unlinked the AWS account " + name + " (dry run, " + file.file() + " not written)");
        } else {
            file.write(accounts);
            output.note("Unlinked the AWS account " + name + " from " + file.file());
        }
        return StackdraftCli.OK;
    }

    private static int check(Arguments arguments, Output output) {
        String name = arguments.positional(0, "NAME");
        String region = arguments.required(REGION);
        AccountsFile file = accountsFile(arguments);
        NewAwsAccount account = file.find(name).orElseThrow(() -> new CliFailure("there is no AWS account named "
                + name + " in " + file.file() + ": link it with 'stackdraft aws link'"));
        AccessReport report;
        try (AwsClients clients = AwsClients.standard()) {
            report = new AccessCheck(clients).check(account.target(region));
        }
        StringBuilder text = new StringBuilder();
        if (report.identityArn() != null) {
            text.append("as ").append(report.identityArn()).append('\n');
        }
        for (AccessReport.Permission permission : report.permissions()) {
            text.append(permission.action()).append("  ").append(permission.outcome().name().toLowerCase(Locale.ROOT));
            if (!permission.detail().isEmpty()) {
                text.append("  ").append(permission.detail());
            }
            text.append('\n');
        }
        output.result(text.toString());
        long refused = report.permissions().stream()
                .filter(p -> p.outcome() == AccessReport.Outcome.DENIED || p.outcome() == AccessReport.Outcome.FAILED)
                .count();
        output.note(report.allAllowed() ? name + " (" + report.target().describe() + "): everything Stackdraft needs "
                + "is allowed" : name + " (" + report.target().describe() + "): " + refused + " of "
                + report.permissions().size() + " checks denied or failed");
        return report.allAllowed() ? StackdraftCli.OK : StackdraftCli.FAILED;
    }
}
