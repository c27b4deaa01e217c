package dev.cohort.connector.air;

/** Adds what one type of AIR event says to the facts every event gets ({@link Extractors#common}). */
@FunctionalInterface
interface Extractor {
    void extract(EventFacts facts);
}
