package dev.cohort.connector.braze;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code /users/track} request: the items (events) it carries and, for each of its arrays, which item each object
 * came from — so that Braze's {@code errors[]}, which name an array and an index, lead back to the event.
 */
final class TrackRequest {
    /** Braze's arrays, as named in the body and in {@code errors[].input_array}. */
    enum Array {
        ATTRIBUTES("attributes"), EVENTS("events"), PURCHASES("purchases");

        final String field;

        Array(String field) {
            this.field = field;
        }

        static Array byField(String field) {
            for (Array array : values()) {
                if (array.field.equalsIgnoreCase(field)) {
                    return array;
                }
            }
            return null;
        }
    }

    /**
     * An event ready to send: its place in the {@code send} call, its objects, and their JSON.
     *
     * @param position where the event is in the list handed to {@code send}
     */
    record Item(int position, MappedEvent mapped, byte[] attributes, byte[] event, byte[] purchase) {
        static Item of(int position, MappedEvent mapped) {
            return new Item(position, mapped, encode(mapped.attributes()), encode(mapped.event()), encode(mapped.purchase()));
        }

        private static byte[] encode(Object object) {
            return object == null ? null : Json.write(object);
        }

        byte[] object(Array array) {
            return switch (array) {
                case ATTRIBUTES -> attributes;
                case EVENTS -> event;
                case PURCHASES -> purchase;
            };
        }

        int objects() {
            return (attributes == null ? 0 : 1) + (event == null ? 0 : 1) + (purchase == null ? 0 : 1);
        }

        int count(Array array) {
            return object(array) == null ? 0 : 1;
        }

        /** The bytes its objects add to a body, with their commas. */
        long bytes() {
            long total = 0;
            for (Array array : Array.values()) {
                byte[] json = object(array);
                total += json == null ? 0 : json.length + 1;
            }
            return total;
        }
    }

    /** {@code {"attributes":[],"events":[],"purchases":[]}} without the objects. */
    static final int FRAME_BYTES = 48;

    private final List<Item> items;

    TrackRequest(List<Item> items) {
        this.items = List.copyOf(items);
    }

    List<Item> items() {
        return items;
    }

    /** The item whose object is at {@code index} of {@code array}, or null when there is none. */
    Item owner(Array array, int index) {
        int seen = 0;
        for (Item item : items) {
            if (item.object(array) != null) {
                if (seen == index) {
                    return item;
                }
                seen++;
            }
        }
        return null;
    }

    /** The JSON body; arrays without objects are left out. */
    byte[] body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('{');
        boolean firstArray = true;
        for (Array array : Array.values()) {
            List<byte[]> objects = new ArrayList<>();
            for (Item item : items) {
                if (item.object(array) != null) {
                    objects.add(item.object(array));
                }
            }
            if (objects.isEmpty()) {
                continue;
            }
            if (!firstArray) {
                out.write(',');
            }
            firstArray = false;
            out.writeBytes(("\"" + array.field + "\":[").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < objects.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.writeBytes(objects.get(i));
            }
            out.write(']');
        }
        out.write('}');
        return out.toByteArray();
    }

    /** The first half of its items and the rest, for a request Braze found too large. */
    List<TrackRequest> halves() {
        int half = items.size() / 2;
        return List.of(new TrackRequest(items.subList(0, half)), new TrackRequest(items.subList(half, items.size())));
    }
}
