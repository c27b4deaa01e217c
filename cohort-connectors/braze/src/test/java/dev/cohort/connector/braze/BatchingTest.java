package dev.cohort.connector.braze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.event.LoyaltyEvent.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BatchingTest {
    /** {@code count} items; each has a custom event, and every {@code attributesEvery}-th also an attributes object. */
    private static List<TrackRequest.Item> items(int count, int attributesEvery, BrazeConfig config) {
        List<TrackRequest.Item> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var event = i % attributesEvery == 0 ? Events.full(Kind.POINTS_AWARDED, "e" + i) : Events.bare(Kind.POINTS_AWARDED, "e" + i);
            items.add(TrackRequest.Item.of(i, EventMapper.map(event, "cust-" + i, config)));
        }
        return items;
    }

    private static List<Integer> sizes(List<TrackRequest> requests) {
        return requests.stream().map(request -> request.items().size()).toList();
    }

    @Test
    void combinedCountingPutsAtMostBatchSizeObjectsInARequest() {
        BrazeConfig config = Events.config();
        List<TrackRequest> requests = Batching.requests(items(75, 1, config), config, Batching.MAX_REQUEST_BYTES);

        assertThat(sizes(requests)).containsExactly(37, 37, 1);
        for (TrackRequest request : requests) {
            JsonNode body = Json.read(request.body());
            assertThat(body.path("events").size() + body.path("attributes").size()).isLessThanOrEqualTo(75);
        }
    }

    @Test
    void perArrayCountingFillsEachArrayToBatchSize() {
        BrazeConfig config = Events.config("batch_counting", "per_array");
        List<TrackRequest> requests = Batching.requests(items(75, 1, config), config, Batching.MAX_REQUEST_BYTES);

        assertThat(sizes(requests)).containsExactly(75);
        JsonNode body = Json.read(requests.getFirst().body());
        assertThat(body.path("events").size()).isEqualTo(75);
        assertThat(body.path("attributes").size()).isEqualTo(75);
        assertThat(sizes(Batching.requests(items(75, 1, Events.config("batch_counting", "per_array", "batch_size", 50L)),
                Events.config("batch_counting", "per_array", "batch_size", 50L), Batching.MAX_REQUEST_BYTES))).containsExactly(50, 25);
    }

    @Test
    void aSmallerBatchSizeMakesMoreRequests() {
        BrazeConfig config = Events.config("batch_size", 50L);

        List<TrackRequest> requests = Batching.requests(items(75, 3, config), config, Batching.MAX_REQUEST_BYTES);

        // every third event also sets attributes: 37 events make 50 objects, the other 38 make the other 50
        assertThat(sizes(requests)).containsExactly(37, 38);
        assertThat(requests).allSatisfy(request -> {
            JsonNode body = Json.read(request.body());
            assertThat(body.path("events").size() + body.path("attributes").size()).isEqualTo(50);
        });
    }

    @Test
    void requestsKeepWithinTheByteLimitAndTheEventsOrder() {
        BrazeConfig config = Events.config();
        List<TrackRequest.Item> items = items(30, 1, config);
        long limit = TrackRequest.FRAME_BYTES + items.get(0).bytes() * 4 + 10;
        List<TrackRequest> requests = Batching.requests(items, config, limit);

        assertThat(requests).allSatisfy(request -> assertThat(request.body().length).isLessThanOrEqualTo((int) limit));
        assertThat(requests.stream().flatMap(request -> request.items().stream()).map(TrackRequest.Item::position).toList())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 30).boxed().toList());
        assertThat(requests).hasSizeGreaterThan(5);
    }

    @Test
    void anObjectIsTracedBackToItsEventByArrayAndIndex() {
        BrazeConfig config = Events.config();
        TrackRequest request = Batching.requests(items(6, 3, config), config, Batching.MAX_REQUEST_BYTES).getFirst();

        assertThat(request.owner(TrackRequest.Array.EVENTS, 4).position()).isEqualTo(4);
        assertThat(request.owner(TrackRequest.Array.ATTRIBUTES, 0).position()).isEqualTo(0);
        assertThat(request.owner(TrackRequest.Array.ATTRIBUTES, 1).position()).as("events 0 and 3 have attributes").isEqualTo(3);
        assertThat(request.owner(TrackRequest.Array.ATTRIBUTES, 2)).isNull();
        assertThat(request.owner(TrackRequest.Array.PURCHASES, 0)).isNull();
    }

    @Test
    void theBodyHasOnlyTheArraysThatHaveObjects() {
        BrazeConfig config = Events.config();
        TrackRequest request = Batching.requests(items(2, 5, config).subList(1, 2), config, Batching.MAX_REQUEST_BYTES).getFirst();

        JsonNode body = Json.read(request.body());
        assertThat(body.propertyNames()).containsExactly("events");
        assertThat(body.path("events").get(0).path("external_id").stringValue()).isEqualTo("cust-1");
    }

    @Test
    void halvesSplitARequestInOrder() {
        BrazeConfig config = Events.config();
        List<TrackRequest> halves = Batching.requests(items(5, 1, config), config, Batching.MAX_REQUEST_BYTES).getFirst().halves();

        assertThat(halves.get(0).items()).extracting(TrackRequest.Item::position).containsExactly(0, 1);
        assertThat(halves.get(1).items()).extracting(TrackRequest.Item::position).containsExactly(2, 3, 4);
    }
}
