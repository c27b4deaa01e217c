package dev.cohort.testing.destination;

import dev.cohort.spi.destination.DestinationSpec;
import dev.cohort.spi.destination.DestinationType;
import dev.cohort.spi.destination.TemplateContract;
import java.util.List;

/**
 * {@code test-fixed-layout}: a destination with a fixed file layout ({@code ROW_ID, EMAIL, PHONE,
 * CUSTOMFIELD1}) in which {@code ROW_ID} is required, like Koupon Media's.
 */
public final class FixedLayoutTestDestination implements DestinationType {
    public static final String TYPE = "test-fixed-layout";

    @Override
    public DestinationSpec spec() {
        return new DestinationSpec(TYPE, "Fixed layout (test)", "A fixed-layout destination for tests.",
                TemplateContract.fixedLayout(List.of("ROW_ID", "EMAIL", "PHONE", "CUSTOMFIELD1"), List.of("ROW_ID")));
    }
}
