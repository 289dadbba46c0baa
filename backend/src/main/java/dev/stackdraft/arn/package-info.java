/**
 * Amazon Resource Names: {@link dev.stackdraft.arn.Arns#check} says what is wrong with an ARN a user typed (partition,
 * service, region, account, the resource form of its type) and {@link dev.stackdraft.arn.Arns#typeOf} which resource
 * type an ARN names, both from one table of ARN formats ({@code arn-formats.tsv} beside this package's classes). Used by
 * the graph (nodes outside the stack), by Use Existing and by referenced resources. Depends on the JDK alone.
 */
@NullMarked
package dev.stackdraft.arn;

import org.jspecify.annotations.NullMarked;
