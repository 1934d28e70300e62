package dev.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** "Did you mean" hints: the closest known word by edit distance, when it is close enough to be a typo. */
final class Suggest {
    private Suggest() {
    }

    /** The closest candidate, if it is within a typo's reach of {@code word}. */
    static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = word.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(lower, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        // One edit for short words, up to a third of the length for longer ones: close enough that
        // the suggestion is almost certainly what was meant.
        int allowed = Math.max(1, Math.min(3, Math.max(word.length(), best.length()) / 3));
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** {@code did you mean `health`?} or, with nothing close, the full list of valid words. */
    static String hint(String word, Collection<String> candidates, String listIntro) {
        Optional<String> c = closest(word, candidates);
        if (c.isPresent()) {
            return "did you mean `" + c.get() + "`?";
        }
        if (candidates.isEmpty()) {
            return null;
        }
        return listIntro + ": " + candidates.stream().map(s -> "`" + s + "`").collect(Collectors.joining(", "));
    }

    /** Damerau-Levenshtein (optimal string alignment): a swapped pair of letters counts as one typo. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
