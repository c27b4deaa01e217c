/**
 * The objects of a workspace as immutable records: tables, queries, data templates, credentials (as
 * references to secrets, never their values), notification channels, destinations, orchestrations and
 * runs. Nothing here touches a file, a database or the network.
 */
package dev.cohort.model;
