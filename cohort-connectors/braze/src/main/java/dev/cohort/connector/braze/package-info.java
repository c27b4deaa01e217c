/**
 * Braze as an event connector's marketing platform ({@code platform: braze}): loyalty events become Braze custom
 * events, profile attributes and (optionally) purchases of the user named by {@code external_id}, sent to
 * {@code POST /users/track} in requests within Braze's object and size limits, paced by the {@code X-RateLimit-*}
 * headers Braze answers with, and judged per event from Braze's non-fatal {@code errors[]}.
 */
package dev.cohort.connector.braze;
