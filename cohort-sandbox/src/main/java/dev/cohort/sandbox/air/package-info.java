/**
 * Cohort's stand-in for Eagle Eye AIR, the loyalty platform whose events and rewards the event connectors link to
 * marketing platforms: {@link dev.cohort.sandbox.air.SandboxAirServer} on the JDK's HTTP server, with one signed API
 * client, a points scheme, behavioural actions that issue points through {@code POST /2.0/services/trigger}
 * (idempotent per wallet transaction reference), tiers, wallets with identities, and the outbound event
 * notifications AIR's connector posts for every change — enriched with the wallet's identities, retried, in order
 * per wallet — with faults a real platform shows through {@link dev.cohort.sandbox.air.AirFaults}. See
 * {@code docs/connectors/eagle-eye-air-sandbox.md} for what is AIR's public behaviour and what is the stand-in's
 * assumption.
 */
package dev.cohort.sandbox.air;
