/**
 * The connector SPI: what a destination plugin declares and implements. Depends on the JDK only, so a
 * connector module never sees the runtime, the model or another connector.
 */
package dev.cohort.spi;
