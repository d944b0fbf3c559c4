package ai.burncloud.tests;

import java.nio.file.Path;

/**
 * One fenced {@code bash}/{@code sh}/{@code shell} block of a Markdown document.
 *
 * @param file the document, as the failure message names it (e.g. {@code docs/API.md})
 * @param fenceLine the document's line number (from 1) of the block's opening fence
 * @param text the block's lines, fence indentation removed, each ending in a newline
 * @param notRunReason why the document marks it as not runnable ({@code <!-- not run: … -->}), or null
 */
record ShellExample(Path file, int fenceLine, String text, String notRunReason) {
    boolean runnable() {
        return notRunReason == null;
    }

    /** "docs/API.md:42" — where a reader finds this block's opening fence. */
    String where() {
        return file + ":" + fenceLine;
    }

    /** The document's line number of the block's line {@code index} (0 = the line after the fence). */
    int documentLine(int index) {
        return fenceLine + 1 + index;
    }
}
