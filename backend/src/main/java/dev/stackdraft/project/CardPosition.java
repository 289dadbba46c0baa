package dev.stackdraft.project;

/** Where a card of the canvas stands, in the canvas's own coordinates (its top-left corner). */
public record CardPosition(double x, double y) {

    public CardPosition {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a card's position must be finite, not (" + x + ", " + y + ")");
        }
    }
}
