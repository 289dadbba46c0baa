/**
 * The lossless template engine: reading SAM / CloudFormation templates (YAML and JSON) and Serverless
 * Framework {@code serverless.yml} files into typed records that keep their source positions, refusing bad
 * input with a file / line / column, and writing {@link dev.stackdraft.template.Change changes} back as
 * minimal text patches in the file's own style. Also what a template keeps beside its resources for tools, such
 * as Infrastructure Composer's {@link dev.stackdraft.template.ResourceGroups groups}. Depends on neither Spring nor
 * Vaadin.
 */
@NullMarked
package dev.stackdraft.template;

import org.jspecify.annotations.NullMarked;
