package app.pos.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list, newest or best first; {@code hasMore} tells whether another page follows. */
public record PageResult<T>(List<T> items, int page, int size, boolean hasMore) {

    /** Builds a page from a query that fetched {@code size + 1} rows: the extra row only signals "more". */
    public static <T> PageResult<T> fromProbe(List<T> rows, int page, int size) {
        boolean more = rows.size() > size;
        return new PageResult<>(more ? List.copyOf(rows.subList(0, size)) : List.copyOf(rows), page, size, more);
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, hasMore);
    }
}
