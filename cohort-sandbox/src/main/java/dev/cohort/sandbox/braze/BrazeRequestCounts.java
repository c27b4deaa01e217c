package dev.cohort.sandbox.braze;

/**
 * What {@code POST /users/track} received since the server started.
 *
 * @param requests every request, whatever its answer
 * @param succeeded answered {@code 201}
 * @param rejected answered {@code 400} (too many objects, nothing valid, malformed) or {@code 413}/{@code 415}
 * @param unauthorized answered {@code 401}
 * @param rateLimited answered {@code 429}, by the rate limit or the fault
 * @param failed answered {@code 5xx} by the fault
 * @param attributesProcessed attribute objects taken
 * @param eventsProcessed events taken
 * @param purchasesProcessed purchases taken
 * @param objectErrors objects skipped with a non-fatal error
 */
public record BrazeRequestCounts(long requests, long succeeded, long rejected, long unauthorized, long rateLimited, long failed,
                                 long attributesProcessed, long eventsProcessed, long purchasesProcessed, long objectErrors) {
}
