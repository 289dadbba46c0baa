package dev.stackdraft.catalog;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a schema's documentation (markdown with links, HTML, notes, type tables) into the one or two plain sentences a
 * form shows under a field. Used by the generator only.
 */
final class DocText {

    /** Longer than this, a description is cut at a word boundary. */
    static final int MAX_LENGTH = 280;

    private static final Pattern MARKDOWN_LINK = Pattern.compile("!?\\[([^\\]]*)]\\(([^)\\s]*)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HTML_LINK = Pattern.compile("(?is)<a\\s[^>]*>(.*?)</a>");
    private static final Pattern HTML_TAG = Pattern.compile("(?s)</?[a-zA-Z][^>]*>");
    private static final Pattern BARE_URL_IN_PARENS = Pattern.compile("\\s*\\(https?://[^)\\s]*\\)");
    /** A sentence ends at . ! or ? followed by space and a capital, a quote or a digit; not after e.g. / i.e. / etc. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\b(?:e\\.g|i\\.e|etc|vs|approx|Inc|e\\.x))[.!?](?=\\s+[\"'`A-Z0-9(])");

    private DocText() {
    }

    /** The first one or two sentences of a documentation text, as plain text; empty for an empty text. */
    static String summary(String documentation) {
        String paragraph = firstParagraph(documentation);
        String plain = plain(paragraph);
        if (plain.isEmpty()) {
            return "";
        }
        Matcher end = SENTENCE_END.matcher(plain);
        String summary = plain;
        if (end.find()) {
            int first = end.end();
            summary = plain.substring(0, first);
            // a short first sentence ("The name of the queue.") says little: take the second one too
            if (first < 90 && end.find() && end.end() <= MAX_LENGTH) {
                summary = plain.substring(0, end.end());
            }
        }
        return cut(summary.strip());
    }

    /** The first line that says something: SAM puts "*Type*: ..." lines and notes after the first. */
    private static String firstParagraph(String text) {
        for (String line : text.split("\\r?\\n")) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("*Type*") || stripped.startsWith("*Required*")) {
                continue;
            }
            return stripped;
        }
        return "";
    }

    /** Links become their text, markup goes, spaces are single. */
    static String plain(String markdown) {
        String text = markdown;
        text = MARKDOWN_LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        text = HTML_LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        text = HTML_TAG.matcher(text).replaceAll("");
        text = BARE_URL_IN_PARENS.matcher(text).replaceAll("");
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&nbsp;", " ")
                .replace("&amp;", "&").replace('\u00a0', ' ');
        text = text.replace("**", "").replace("`", "").replace("\\_", "_").replace("\\*", "*");
        // emphasis with single asterisks or underscores around words (*Amazon SQS Developer Guide*)
        text = text.replaceAll("(?<![\\w*])\\*(?!\\s)([^*]+?)(?<!\\s)\\*(?![\\w*])", "$1");
        text = text.replaceAll("\\s+", " ");
        // the AWS docs put a space before punctuation after a closing emphasis or link ("Guide* .")
        text = text.replaceAll(" ([.,;:])(?=\\s|$)", "$1");
        text = text.replace("( ", "(").replace(" )", ")");
        return text.strip();
    }

    private static String cut(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int space = text.lastIndexOf(' ', MAX_LENGTH - 1);
        String head = text.substring(0, space > MAX_LENGTH / 2 ? space : MAX_LENGTH - 1);
        return head.replaceAll("[\\s,;:(]+$", "") + "\u2026";
    }

    /** The documentation page of a CloudFormation property, in the address scheme of the current AWS docs. */
    static String cloudFormationDocsUrl(String type, String property) {
        String[] parts = type.split("::");
        String service = parts[1].toLowerCase(Locale.ROOT);
        String resource = parts[2].toLowerCase(Locale.ROOT);
        return "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-" + service + "-" + resource
                + ".html#cfn-" + service + "-" + resource + "-" + property.toLowerCase(Locale.ROOT);
    }

    /** The documentation page of a SAM resource property ({@code AWS::Serverless::Function} → sam-resource-function). */
    static String samDocsUrl(String type, String property) {
        String resource = type.substring(type.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
        return "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-" + resource
                + ".html#sam-" + resource + "-" + property.toLowerCase(Locale.ROOT);
    }
}
