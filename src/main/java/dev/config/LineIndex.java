package dev.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Maps character offsets in a text to 1-based line and column, as shown to users. */
final class LineIndex {
    private final int[] lineStarts;

    LineIndex(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    Location location(Path file, int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new Location(file, lo + 1, offset - lineStarts[lo] + 1);
    }
}
