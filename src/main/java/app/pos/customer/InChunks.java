package app.pos.customer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Values for an {@code IN (...)} list, a thousand at a time, so a whole import file never makes one huge statement. */
final class InChunks {

    private static final int SIZE = 1000;

    private InChunks() {}

    static <T> List<List<T>> of(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SIZE) {
            chunks.add(all.subList(from, Math.min(all.size(), from + SIZE)));
        }
        return chunks;
    }
}
