/**
 * Event connectors at work: {@link dev.cohort.runtime.event.EventIntake} checks and stores what arrives (before it
 * is answered), {@link dev.cohort.runtime.event.EventDispatcher} delivers it — one loop per connector, so a slow
 * platform never holds back another — with retries, back-off and dead letters, through the platforms each
 * {@link dev.cohort.runtime.event.BoundConnector} binds.
 */
package dev.cohort.runtime.event;
