package io.kdg4j.core.kdg;

/**
 * A template after KDG's pre-processing (trimmed, every {@code \n} removed, {@code \r} kept), with the way back
 * from each position in it to the line and column of the template as the user wrote it.
 */
final class SourceText {
    private final String original;
    private final String text;
    private final int[] originalOffsets;

    SourceText(String original) {
        this.original = original;
        int start = 0;
        int end = original.length();
        while (start < end && Character.isWhitespace(original.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(original.charAt(end - 1))) {
            end--;
        }
        StringBuilder kept = new StringBuilder(end - start);
        int[] offsets = new int[end - start + 1];
        int n = 0;
        for (int i = start; i < end; i++) {
            char c = original.charAt(i);
            if (c != '\n') {
                offsets[n++] = i;
                kept.append(c);
            }
        }
        offsets[n] = end;
        this.text = kept.toString();
        this.originalOffsets = java.util.Arrays.copyOf(offsets, n + 1);
    }

    /** The pre-processed template, as KDG renders it. */
    String text() {
        return text;
    }

    /** 1-based line in the original of pre-processed position {@code index}. */
    int line(int index) {
        int offset = originalOffsets[Math.min(index, originalOffsets.length - 1)];
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (original.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** 1-based column in the original of pre-processed position {@code index}. */
    int column(int index) {
        int offset = originalOffsets[Math.min(index, originalOffsets.length - 1)];
        int lineStart = original.lastIndexOf('\n', offset - 1) + 1;
        return offset - lineStart + 1;
    }

    TemplateException error(int index, String token, String problem, String suggestion) {
        return new TemplateException(line(index), column(index), token, problem, suggestion);
    }
}
