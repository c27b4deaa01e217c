/**
 * {@code type: insider-one}: Insider One first-party segments through its FPS API. A run's values are
 * normalised for the segment's attribute and written to a one-column file; Cohort's server lends the file at
 * a signed URL, the connector asks Insider to fetch it, and the run waits for Insider's report of valid and
 * invalid values on the run's callback URL.
 */
package dev.cohort.connector.insider;
