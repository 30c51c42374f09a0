package app.pos.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageResultTests {

    @Test
    void probeRowBeyondThePageMeansMoreAndIsDropped() {
        PageResult<String> page = PageResult.fromProbe(List.of("a", "b", "c", "d"), 2, 3);

        assertThat(page.hasMore()).isTrue();
        assertThat(page.items()).containsExactly("a", "b", "c");
        assertThat(page.page()).isEqualTo(2);
        assertThat(page.size()).isEqualTo(3);
    }

    @Test
    void exactlyAFullPageHasNoMore() {
        PageResult<String> page = PageResult.fromProbe(List.of("a", "b", "c"), 0, 3);

        assertThat(page.hasMore()).isFalse();
        assertThat(page.items()).containsExactly("a", "b", "c");
    }

    @Test
    void fewerRowsThanThePageSizeHasNoMore() {
        PageResult<String> page = PageResult.fromProbe(List.of("a"), 0, 3);

        assertThat(page.hasMore()).isFalse();
        assertThat(page.items()).containsExactly("a");
    }

    @Test
    void noRowsIsAnEmptyLastPage() {
        PageResult<String> page = PageResult.fromProbe(List.of(), 5, 20);

        assertThat(page.hasMore()).isFalse();
        assertThat(page.items()).isEmpty();
        assertThat(page.page()).isEqualTo(5);
    }

    @Test
    void itemsAreAnImmutableCopyOfTheRows() {
        List<String> rows = new ArrayList<>(List.of("a", "b", "c"));
        PageResult<String> page = PageResult.fromProbe(rows, 0, 2);

        rows.set(0, "changed");

        assertThat(page.items()).containsExactly("a", "b");
        assertThatThrownBy(() -> page.items().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mapKeepsPagingInformation() {
        PageResult<Integer> page =
                PageResult.fromProbe(List.of("a", "bb", "ccc"), 1, 2).map(String::length);

        assertThat(page.items()).containsExactly(1, 2);
        assertThat(page.page()).isEqualTo(1);
        assertThat(page.size()).isEqualTo(2);
        assertThat(page.hasMore()).isTrue();
    }
}
