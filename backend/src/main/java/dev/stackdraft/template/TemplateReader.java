package dev.stackdraft.template;

import dev.stackdraft.template.Value.Tagged;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads SAM / CloudFormation templates (YAML or JSON) and {@code serverless.yml} files into {@link Template}s,
 * or refuses them with a {@link TemplateException} that says where and why. Thread-safe.
 */
public final class TemplateReader {

    private final ParseLimits limits;

    public TemplateReader() {
        this(ParseLimits.DEFAULT);
    }

    public TemplateReader(ParseLimits limits) {
        this.limits = limits;
    }

    public Template read(Path file) {
        byte[] bytes;
        if (Files.isDirectory(file)) {
            throw new TemplateException(new SourceLocation(file.toString(), 1, 1), "this is a folder, not a file",
                    "name the template file itself");
        }
        try {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw tooLarge(file.toString(), size);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TemplateException(new SourceLocation(file.toString(), 1, 1), "no such file", "check the path");
        } catch (AccessDeniedException e) {
            throw new TemplateException(new SourceLocation(file.toString(), 1, 1), "no permission to read the file",
                    "check the file's permissions");
        } catch (IOException e) {
            String reason = e.getMessage() == null || e.getMessage().equals(file.toString()) ? "input/output error"
                    : e.getMessage().replace(file.toString() + ": ", "");
            throw new TemplateException(new SourceLocation(file.toString(), 1, 1), "cannot read the file: " + reason, "");
        }
        return read(file.toString(), bytes);
    }

    public Template read(String name, byte[] bytes) {
        if (bytes.length > limits.maxBytes()) {
            throw tooLarge(name, bytes.length);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw notUtf8(name, bytes);
        }
        return read(name, text);
    }

    public Template read(String name, String text) {
        boolean bom = text.startsWith("\uFEFF");
        String body = bom ? text.substring(1) : text;
        // a char takes one to three bytes in UTF-8: count the bytes only where the chars alone do not decide
        long size = 3L * (body.length() + 1) <= limits.maxBytes() ? body.length() : utf8Length(body) + (bom ? 3 : 0);
        if (size > limits.maxBytes()) {
            throw tooLarge(name, size);
        }
        TextIndex index = new TextIndex(body);
        if (looksLikeJson(name, body)) {
            JsonTreeBuilder builder = new JsonTreeBuilder(name, index, limits);
            Value root = builder.build();
            return TemplateModel.of(new SourceText(name, body, bom, SourceFormat.JSON), root, List.of(), builder.findings());
        }
        YamlTreeBuilder builder = new YamlTreeBuilder(name, index, limits);
        Value root = builder.build();
        List<Tagged> unknownTags = builder.unknownTags();
        return TemplateModel.of(new SourceText(name, body, bom, SourceFormat.YAML), root, unknownTags, builder.findings());
    }

    /**
     * Reads a piece of YAML (or JSON) that is not a whole template, such as a value typed into a form, into a
     * {@link Value}. Lines and columns of a refusal count within the piece, and {@code name} stands for it in the
     * refusal's location. A duplicate key is refused here: a value typed now has no reader to leave the choice to.
     */
    public Value readValue(String name, String text) {
        if (text.length() > limits.maxBytes()) {
            throw tooLarge(name, text.length());
        }
        YamlTreeBuilder builder = new YamlTreeBuilder(name, new TextIndex(text), limits);
        Value value;
        try {
            value = builder.build();
        } catch (TemplateException e) {
            if (text.isBlank() || e.problem().startsWith("the file holds only comments")) {
                throw new TemplateException(e.location(), text.isBlank() ? "there is no value" : "there are only comments, no value",
                        "write the value");
            }
            throw e;
        }
        for (Finding finding : builder.findings()) {
            if (finding.isError()) {
                throw new TemplateException(finding.location(), finding.message(), "");
            }
        }
        return value;
    }

    private static boolean looksLikeJson(String name, String body) {
        if (name.endsWith(".json")) {
            return true;
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' && !name.endsWith(".yaml") && !name.endsWith(".yml");
            }
        }
        return false;
    }

    private TemplateException tooLarge(String name, long size) {
        return new TemplateException(new SourceLocation(name, 1, 1),
                "the file is " + size + " bytes, over the limit of " + limits.maxBytes() + " bytes",
                "CloudFormation refuses template bodies over 1 MB: split the stack into nested stacks");
    }

    /** The UTF-8 size of a text without encoding it. */
    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Where the first byte that is not UTF-8 stands (line, and column counted in chars like a {@link Span}), and what it is. */
    private static TemplateException notUtf8(String name, byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            return new TemplateException(new SourceLocation(name, 1, 1), "the file is UTF-16 text, not UTF-8",
                    "CloudFormation reads templates as UTF-8; save the file in that encoding");
        }
        var decoder = StandardCharsets.UTF_8.newDecoder();
        int line = 1;
        int lineStart = 0;
        int bad = bytes.length;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\n') {
                line++;
                lineStart = i + 1;
            } else if (b >= 0x80) {
                int len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, i, Math.min(len, bytes.length - i)));
                } catch (CharacterCodingException e) {
                    bad = i;
                    break;
                }
                i += len - 1;
            }
        }
        int column = new String(bytes, lineStart, Math.max(0, bad - lineStart), StandardCharsets.UTF_8).length() + 1;
        String what = bad < bytes.length ? String.format(java.util.Locale.ROOT, "byte 0x%02X here", bytes[bad] & 0xFF)
                : "an incomplete character at the end";
        return new TemplateException(new SourceLocation(name, line, column), "the file is not UTF-8 text (" + what + ")",
                "CloudFormation reads templates as UTF-8; save the file in that encoding (it may be Latin-1 or Windows-1252)");
    }
}
