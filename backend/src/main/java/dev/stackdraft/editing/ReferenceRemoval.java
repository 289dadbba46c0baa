package dev.stackdraft.editing;

/**
 * One thing {@link dev.stackdraft.edit.RemoveResourceWithReferences} takes away, for the confirmation dialog.
 *
 * @param place where it is, named from its resource: {@code ProcessOrderFunction.Environment.Variables.ORDERS_TABLE},
 *              {@code CreateOrderFunction.Policies[0]}, {@code OrdersDataSource} (a whole resource),
 *              {@code Outputs.OrdersTableName}, {@code Globals.Function.Environment.Variables.TABLE_NAME}
 * @param line  the 1-based line where it starts (its key, or its list dash)
 * @param text  its source lines, trimmed
 */
public record ReferenceRemoval(String place, int line, String text) {}
