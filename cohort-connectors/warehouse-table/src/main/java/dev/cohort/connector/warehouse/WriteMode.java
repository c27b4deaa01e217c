package dev.cohort.connector.warehouse;

/** How a delivery meets the rows already in its table: the {@code mode} setting. */
public enum WriteMode {
    /**
     * The table becomes exactly the delivery's rows: they are written into a staging table that is
     * swapped in, in one transaction, at finish. Readers see the old table or the new one, never a mix.
     */
    REPLACE,
    /**
     * The delivery's rows are added to the table (created when missing), in one transaction committed
     * at finish; its columns must fit the fields.
     */
    APPEND;

    /** {@code replace} or {@code append}, as written in settings. */
    public String settingValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
