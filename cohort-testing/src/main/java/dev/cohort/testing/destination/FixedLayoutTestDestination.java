package dev.cohort.testing.destination;

import dev.cohort.spi.destination.Capability;
import dev.cohort.spi.destination.DestinationSpec;
import dev.cohort.spi.destination.TemplateContract;
import java.util.List;
import java.util.Set;

/**
 * {@code test-fixed-layout}: a destination with a fixed file layout ({@code ROW_ID, EMAIL, PHONE,
 * CUSTOMFIELD1}) in which {@code ROW_ID} is required, like Koupon Media's. For tests.
 */
public final class FixedLayoutTestDestination extends FolderDestinationType {
    public static final String TYPE = "test-fixed-layout";

    @Override
    public DestinationSpec spec() {
        return new DestinationSpec(TYPE, "Fixed layout (test)", "A fixed-layout destination for tests.", null,
                TemplateContract.fixedLayout(List.of("ROW_ID", "EMAIL", "PHONE", "CUSTOMFIELD1"), List.of("ROW_ID")),
                SETTINGS, List.of(), Set.of(Capability.FILES), null, null);
    }
}
