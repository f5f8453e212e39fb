package io.stockbridge.inventory.alert;

/** An alert's life: it is told, seen, and ends when its cause goes away. */
public enum AlertStatus {
  /** Its cause holds and nobody has acknowledged it. */
  OPEN,
  /** Someone has seen it; its cause still holds. */
  ACKNOWLEDGED,
  /** Its cause went away; a new occurrence opens a new alert. */
  RESOLVED
}
