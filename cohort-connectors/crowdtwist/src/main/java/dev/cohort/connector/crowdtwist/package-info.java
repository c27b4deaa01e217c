/** {@code type: crowdtwist-segment}: CrowdTwist client-defined segment files, delivered over SFTP. */
package dev.cohort.connector.crowdtwist;
