/** The generic SFTP destination ({@code type: sftp}), built on the file-delivery toolkit. */
package dev.cohort.connector.sftp;
