/**
 * Benchmarks, run by the {@code bench} Maven profile (see docs/benchmarks.md), not by the test suite:
 * JMH for the in-process engine, a process timer for the whole CLI beside cfn-lint.
 */
@NullMarked
package dev.stackdraft.bench;

import org.jspecify.annotations.NullMarked;
