/**
 * The canvas that draws a stack's resource graph ({@link dev.stackdraft.ui.canvas.ResourceCanvas}): a Flow
 * component over a React Flow view in TypeScript ({@code src/main/frontend/canvas}). The server owns what is drawn;
 * the browser lays it out, draws it and sends back what the user did.
 */
@NullMarked
package dev.stackdraft.ui.canvas;

import org.jspecify.annotations.NullMarked;
