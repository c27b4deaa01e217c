/**
 * Destination plugins. A destination type is found with {@link java.util.ServiceLoader} as a
 * {@link dev.cohort.spi.destination.DestinationType} and declares, through its
 * {@link dev.cohort.spi.destination.DestinationSpec}, what a data template must provide for it.
 */
package dev.cohort.spi.destination;
