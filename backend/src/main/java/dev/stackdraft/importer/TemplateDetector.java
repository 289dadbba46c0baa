package dev.stackdraft.importer;

import dev.stackdraft.project.StackAssessor;

import dev.stackdraft.config.StackdraftSettings;
import dev.stackdraft.hosting.GitHost;
import dev.stackdraft.hosting.HostRepository;
import dev.stackdraft.hosting.RepositoryFile;
import dev.stackdraft.project.ScannedStack;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Finds the stacks of a repository without cloning it: the host's file list ({@link GitHost#files}) is narrowed
 * to {@link TemplateCandidates}, and at most {@code maxFilesRead} of them are read ({@link GitHost#read}), best
 * first. A named file ({@code template.yaml}, {@code serverless.yml} ...) is a stack even when unreadable; any other
 * candidate is one when our reader reads it and it declares {@code AWSTemplateFormatVersion}, the SAM transform, or
 * {@code AWS::*} resources (or, unreadable, when it plainly declares {@code AWSTemplateFormatVersion}). Holds one
 * file at a time.
 */
@Component
class TemplateDetector {

    private static final Logger log = LoggerFactory.getLogger(TemplateDetector.class);
    private static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";
    private static final Pattern DECLARES_VERSION = Pattern.compile("(?m)^\\s*\"?AWSTemplateFormatVersion\"?\\s*:");

    private final TemplateReader reader = new TemplateReader();
    private final StackAssessor assessor;
    private final int maxFilesRead;

    @Autowired
    TemplateDetector(StackdraftSettings settings) {
        this(new StackAssessor(), settings.importing().maxFilesRead());
    }

    TemplateDetector(StackAssessor assessor, int maxFilesRead) {
        this.assessor = assessor;
        this.maxFilesRead = maxFilesRead;
    }

    Detection detect(GitHost host, HostRepository repository, String ref) {
        List<RepositoryFile> files = host.files(repository, ref);
        List<TemplateCandidates.Candidate> candidates = TemplateCandidates.of(files);
        List<ScannedStack> stacks = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        int read = 0;
        for (TemplateCandidates.Candidate candidate : candidates) {
            if (candidate.named() && candidate.size() > TemplateCandidates.MAX_SIZE) {
                stacks.add(assessor.unreadable(candidate.path(), "the file is " + candidate.size()
                        + " bytes, over CloudFormation's limit of " + TemplateCandidates.MAX_SIZE + " bytes"));
            } else if (read >= maxFilesRead) {
                unread.add(candidate.path());
            } else {
                read++;
                inspect(candidate, host.read(repository, ref, candidate.path()), stacks);
            }
        }
        return new Detection(stacks, files.size(), candidates.size(), unread);
    }

    private void inspect(TemplateCandidates.Candidate candidate, byte[] bytes, List<ScannedStack> stacks) {
        String path = candidate.path();
        if (candidate.named()) {
            try {
                stacks.add(assessor.assess(path, reader.read(path, bytes)));
            } catch (TemplateException e) {
                stacks.add(assessor.unreadable(path, e.getMessage()));
            } catch (RuntimeException e) {
                log.warn("the template reader failed on {}", path, e); // an engine bug must not sink the repository
                stacks.add(assessor.unreadable(path, "the template reader failed: " + e));
            }
            return;
        }
        if (bytes.length > TemplateCandidates.MAX_SIZE) {
            return; // the host did not say its size
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.contains("AWSTemplateFormatVersion") && !text.contains("AWS::")) {
            return; // most YAML and JSON files are no templates: no need to parse them
        }
        Template template;
        try {
            template = reader.read(path, bytes);
        } catch (TemplateException e) {
            if (DECLARES_VERSION.matcher(text).find()) {
                stacks.add(assessor.unreadable(path, e.getMessage()));
            }
            return;
        } catch (RuntimeException e) {
            log.warn("the template reader failed on {}", path, e);
            return;
        }
        if (isTemplate(template)) {
            stacks.add(assessor.assess(path, template));
        }
    }

    private static boolean isTemplate(Template template) {
        return template.root().get("AWSTemplateFormatVersion").isPresent()
                || template.transforms().contains(SAM_TRANSFORM)
                || template.resources().stream().anyMatch(r -> r.type().value().startsWith("AWS::"));
    }
}
