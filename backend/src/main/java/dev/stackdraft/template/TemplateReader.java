package dev.stackdraft.template;

import dev.stackdraft.template.Value.Tagged;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
        try {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw tooLarge(file.toString(), size);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TemplateException(new SourceLocation(file.toString(), 1, 1), "no such file", "check the path");
        } catch (IOException e) {
            throw new TemplateException(new SourceLocation(file.toString(), 1, 1), "cannot read the file: " + e.getMessage(), "");
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
            throw new TemplateException(new SourceLocation(name, badByteLine(bytes), 1), "the file is not UTF-8 text",
                    "CloudFormation reads templates as UTF-8; save the file in that encoding");
        }
        return read(name, text);
    }

    public Template read(String name, String text) {
        boolean bom = text.startsWith("\uFEFF");
        String body = bom ? text.substring(1) : text;
        if (body.length() > limits.maxBytes()) {
            throw tooLarge(name, body.length());
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

    private static int badByteLine(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        int line = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
            int b = bytes[i] & 0xFF;
            if (b >= 0x80) {
                int len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, i, Math.min(len, bytes.length - i)));
                } catch (CharacterCodingException e) {
                    return line;
                }
                i += len - 1;
            }
        }
        return line;
    }
}
