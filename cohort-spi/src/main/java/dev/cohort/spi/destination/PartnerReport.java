package dev.cohort.spi.destination;

/**
 * What a partner reported about a delivery it completed later (see {@link PartnerWait}).
 *
 * @param succeeded whether the partner took the delivery
 * @param accepted  values or rows the partner took (Insider's valid count); -1 when it does not say
 * @param rejected  values or rows it could not use (Insider's invalid count); -1 when it does not say
 * @param message   the partner's reason when it failed, else null
 */
public record PartnerReport(boolean succeeded, long accepted, long rejected, String message) {
    public static PartnerReport completed(long accepted, long rejected) {
        return new PartnerReport(true, accepted, rejected, null);
    }

    public static PartnerReport failed(String message) {
        return new PartnerReport(false, -1, -1, message);
    }
}
