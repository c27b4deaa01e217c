package dev.cohort.connector.air;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.PartnerException;
import dev.cohort.spi.destination.RecordBatch;
import dev.cohort.spi.destination.RowRejection;
import dev.cohort.spi.destination.WriteContext;
import dev.cohort.spi.destination.WriteResult;
import dev.cohort.spi.event.Trigger;
import dev.cohort.spi.event.TriggerResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery of an {@code eagle-eye-air-trigger} destination: {@link #write} sends one signed services/trigger per
 * row, in order, each after a permit, with the row's {@link RewardReference} as the wallet transaction reference —
 * so a rerun, or a retry of this delivery, finds the consumers already rewarded as duplicates instead of rewarding
 * them again. Nothing is kept from row to row but counters.
 *
 * <p>Per row: AIR's answer, a duplicate included, makes it sent; {@code 404} (no wallet with the identity) and
 * {@code 400} make it a rejected row, with a reason that never holds the identity value; {@code 401}, {@code 403}
 * and other permanent answers fail the delivery; {@code 429}, {@code 5xx} and connection failures throw a transient
 * error, and the runtime retries the delivery whole. When AIR refuses the first {@value #REFUSALS_BEFORE_GIVING_UP}
 * triggers and takes none, the delivery fails: the settings are surely wrong, and the run should not make a request
 * per row to learn it.
 *
 * <p>Rewards cannot be taken back: {@link #abort} sends nothing more, and what was rewarded stays. One thread at a time.
 */
final class AirTriggerWriter implements DestinationWriter {
    private static final Logger LOG = LoggerFactory.getLogger(AirTriggerWriter.class);
    /** Refused triggers, with none taken, after which a delivery fails. */
    static final int REFUSALS_BEFORE_GIVING_UP = 100;

    private enum State { OPEN, FINISHED, ABORTED }

    private final AirTriggerConfig config;
    private final WriteContext context;
    private final TriggerCall call;
    private final TriggerFields fields;
    private final String rewardKey;
    private State state = State.OPEN;
    private long rewarded;
    private long duplicates;
    private long refused;
    private long points;

    private AirTriggerWriter(AirTriggerConfig config, WriteContext context) {
        this.config = config;
        this.context = context;
        this.call = new TriggerCall(config.air());
        this.fields = TriggerFields.of(context.fields());
        this.rewardKey = config.rewardKey(context.test());
    }

    /** Opens a delivery: refuses a test run unless allowed, and fields that cannot make triggers. Sends nothing. */
    static AirTriggerWriter open(AirTriggerConfig config, WriteContext context) {
        if (context.test() && !config.allowTestRuns()) {
            throw new CohortException(AirErrors.TEST_RUN_REFUSED, "a test run of orchestration " + context.orchestration()
                    + " would reward its rows' consumers for real in Eagle Eye AIR, so it is refused: run it for real (each consumer"
                    + " is rewarded once per reward_key), point the destination's base_url at an AIR sandbox and set"
                    + " allow_test_runs: true, or set allow_test_runs: true knowing that the test's consumers are rewarded (under"
                    + " reward_key " + config.rewardKey(true) + ") and again by the real run");
        }
        List<String> problems = TriggerFields.problems(config, context.fields());
        if (!problems.isEmpty()) {
            throw new CohortException(AirErrors.TRIGGER_FIELDS, "orchestration " + context.orchestration() + " cannot send "
                    + context.objectName() + " as AIR rewards: " + String.join("; ", problems));
        }
        return new AirTriggerWriter(config, context);
    }

    @Override
    public List<RowRejection> write(RecordBatch batch) {
        requireOpen();
        List<RowRejection> rejections = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            RowRejection rejection = send(batch.rowNumber(i), batch.rows().get(i));
            if (rejection != null) {
                rejections.add(rejection);
            }
        }
        return rejections;
    }

    /** Sends one row's trigger; the rejection when the row cannot be or was not taken, else null. */
    private RowRejection send(long rowNumber, String[] row) {
        String identity = value(row, fields.identity());
        if (identity.isEmpty()) {
            return new RowRejection(rowNumber, "identity_value is empty: AIR finds the consumer's wallet by it; leave consumers"
                    + " without one out of the query");
        }
        if (identity.chars().anyMatch(Character::isISOControl)) {
            return new RowRejection(rowNumber, "identity_value holds a line break or another control character, which no AIR identity"
                    + " has: clean the column");
        }
        String action = value(row, fields.action());
        if (action.isEmpty()) {
            action = config.actionReference() == null ? "" : config.actionReference();
        }
        if (action.isEmpty()) {
            return new RowRejection(rowNumber, "action_reference is empty and the destination sets none: give the behavioural"
                    + " action's reference in the row, or set action_reference in the destination's settings");
        }
        if (action.chars().anyMatch(Character::isISOControl)) {
            return new RowRejection(rowNumber, "action_reference holds a line break or another control character: clean the column");
        }
        Trigger trigger = new Trigger(identity, RewardReference.of(rewardKey, identity, action), List.of(action));
        try {
            TriggerResult result = call.send(trigger, context.requests());
            if (result.duplicate()) {
                duplicates++;
            } else {
                rewarded++;
                points += result.pointsAwarded() == null ? 0 : result.pointsAwarded();
            }
            return null;
        } catch (PartnerException e) {
            if (e.errorCode().equals(AirErrors.WALLET_NOT_FOUND)) {
                return refused(rowNumber, "identity_value: AIR has no wallet with this identity (404; the value is not shown): the"
                        + " consumer is not a member of the loyalty programme, or the query gives another identity than the one"
                        + " AIR knows", e);
            }
            if (e.errorCode().equals(AirErrors.BAD_REQUEST)) {
                return refused(rowNumber, hidden(e.getMessage(), identity), e);
            }
            throw afterSent(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerException(AirErrors.INTERRUPTED, "sending AIR rewards was interrupted (the run was cancelled, or Cohort"
                    + " is stopping) after " + sent() + " triggers; the rewards already issued stay, and a new run finds them as"
                    + " duplicates", e);
        }
    }

    private RowRejection refused(long rowNumber, String reason, PartnerException cause) {
        refused++;
        if (refused >= REFUSALS_BEFORE_GIVING_UP && sent() == 0) {
            throw new PartnerException(AirErrors.TRIGGERS_REFUSED, "AIR refused the first " + refused + " triggers of "
                    + context.objectName() + " and took none (the last: " + reason + "); the settings are likely wrong: check"
                    + " that base_url and trigger_path reach services/trigger (" + config.air().triggerUrl() + "), that the"
                    + " action reference is a behavioural action of the unit, and that identity_value holds the identity AIR"
                    + " knows (e.g. the customer id, not the e-mail address); nothing was rewarded", cause);
        }
        return new RowRejection(rowNumber, reason);
    }

    /** The failure, with what this delivery had sent before it: a retry sends those rows again, as duplicates. */
    private PartnerException afterSent(PartnerException e) {
        String before = sent() == 0 ? " (before any trigger of this delivery was taken)"
                : " (after " + sent() + " triggers of this delivery were taken; sent again, they are duplicates: nobody is rewarded twice)";
        return new PartnerException(e.errorCode(), e.getMessage() + before, e.retryAfter().orElse(null), e);
    }

    @Override
    public WriteResult finish() {
        requireOpen();
        state = State.FINISHED;
        LOG.info("AIR rewards of run {} ({}, reward_key {}): {} triggers taken — {} consumers rewarded ({} points), {} already"
                        + " rewarded by an earlier run (duplicates: nothing issued again); {} refused by AIR", context.runId(),
                context.orchestration(), rewardKey, sent(), rewarded, points, duplicates, refused);
        return new WriteResult(sent(), List.of());
    }

    @Override
    public void abort() {
        if (state != State.OPEN) {
            return;
        }
        state = State.ABORTED;
        if (sent() > 0) {
            LOG.info("AIR rewards of run {} stopped after {} triggers were taken ({} rewarded, {} duplicates): those rewards stay in"
                    + " AIR; another run with reward_key {} finds them as duplicates", context.runId(), sent(), rewarded, duplicates,
                    rewardKey);
        }
    }

    @Override
    public void close() {
        abort();
    }

    private long sent() {
        return rewarded + duplicates;
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("this AIR rewards delivery is " + (state == State.FINISHED ? "finished" : "aborted"));
        }
    }

    private static String value(String[] row, int index) {
        if (index < 0 || index >= row.length || row[index] == null) {
            return "";
        }
        return row[index].strip();
    }

    /** {@code text} with every appearance of {@code identity}, in any case, blanked out. */
    private static String hidden(String text, String identity) {
        return Pattern.compile(Pattern.quote(identity), Pattern.CASE_INSENSITIVE).matcher(text).replaceAll(Matcher.quoteReplacement("****"));
    }
}
