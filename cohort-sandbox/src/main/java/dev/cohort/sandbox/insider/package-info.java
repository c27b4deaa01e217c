/**
 * Cohort's stand-in for Insider One's First-Party Segment (FPS) API, the partner that takes audiences as a
 * file URL and reports back on a callback: {@link dev.cohort.sandbox.insider.SandboxInsiderServer} on the
 * JDK's HTTP server, with accounts, Insider's documented answers ({@code 202}, {@code 400 Segment Name
 * Exists.}, {@code 401 Bad Api Key.}, {@code 405 Invalid Payload.}), a per-account rate limit, a download
 * of stored segments for updates, and faults a real partner shows — failed uploads, late or missing
 * callbacks, other JSON field names, revoked tokens — through {@link dev.cohort.sandbox.insider.InsiderFaults}.
 * See {@code docs/connectors/insider-one-sandbox.md} for what is Insider's documented behaviour and what is
 * the stand-in's assumption.
 */
package dev.cohort.sandbox.insider;
