package dev.cohort.sandbox.insider;

/**
 * How one account's authenticated requests fared against the rate limit.
 *
 * @param admitted requests within the limit, whatever they were answered next (202, 400, 405, 500, 200, 404)
 * @param rateLimited requests refused with {@code 429} because the account had used its requests for that second
 */
public record InsiderRequestCounts(long admitted, long rateLimited) {
    public long total() {
        return admitted + rateLimited;
    }
}
