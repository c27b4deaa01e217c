/**
 * Cohort's stand-in for Braze's {@code POST /users/track}, the marketing platform's API that takes custom events,
 * attributes and purchases: {@link dev.cohort.sandbox.braze.SandboxBrazeServer} on the JDK's HTTP server, with REST
 * API keys, Braze's limits and answer shapes (non-fatal {@code errors[]} per object, {@code 400} for a request that is
 * too large or has nothing valid), a rate limit per key with {@code X-RateLimit-*} headers and {@code 429}, what it
 * received kept per user, and faults through {@link dev.cohort.sandbox.braze.BrazeFaults}. See
 * {@code docs/connectors/braze-sandbox.md} for what is Braze's public behaviour and what is the stand-in's assumption.
 */
package dev.cohort.sandbox.braze;
