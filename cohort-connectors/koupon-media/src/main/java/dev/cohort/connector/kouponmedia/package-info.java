/** {@code type: koupon-media}: Koupon Media's 29-column customer file, delivered over SFTP. */
package dev.cohort.connector.kouponmedia;
