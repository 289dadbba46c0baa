/**
 * Flyway migrations that SQL alone cannot write for both H2 and PostgreSQL (they find generated constraint names,
 * compute values in Java). Flyway finds them here, beside the SQL ones in {@code src/main/resources/db/migration},
 * by its convention: package {@code db.migration}, class name {@code V<n>__<description>}.
 */
@NullMarked
package db.migration;

import org.jspecify.annotations.NullMarked;
