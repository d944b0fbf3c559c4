package ai.burncloud.router.translate.ir;

import ai.burncloud.router.translate.TranslationException;
import java.util.Locale;

/**
 * A base64 {@code data:} URL split into media type and payload, the form OpenAI clients use for
 * inline images. The payload stays base64: every upstream wants it that way.
 */
public record DataUrl(String mediaType, String base64) {

    /** Parses {@code url} when it is a data URL, or returns null for any other URL. */
    public static DataUrl parse(String url) throws TranslationException {
        if (url == null || !url.regionMatches(true, 0, "data:", 0, 5)) {
            return null;
        }
        int comma = url.indexOf(',');
        if (comma < 0) {
            throw new TranslationException("malformed data URL (no comma)");
        }
        String meta = url.substring(5, comma);
        if (!meta.toLowerCase(Locale.ROOT).endsWith(";base64")) {
            throw new TranslationException("only base64 data URLs are supported");
        }
        String media = meta.substring(0, meta.length() - ";base64".length());
        int semicolon = media.indexOf(';');
        if (semicolon >= 0) {
            media = media.substring(0, semicolon);
        }
        if (media.isBlank()) {
            media = "application/octet-stream";
        }
        return new DataUrl(media.toLowerCase(Locale.ROOT), url.substring(comma + 1));
    }

    public String toUrl() {
        return "data:" + mediaType + ";base64," + base64;
    }

    /** A media type guessed from a URL's file extension, or null. */
    public static String guessMediaType(String url) {
        String path = url.toLowerCase(Locale.ROOT);
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        if (path.endsWith(".png")) {
            return "image/png";
        } else if (path.endsWith(".jpg") || path.endsWith(".jpeg")) {
            return "image/jpeg";
        } else if (path.endsWith(".gif")) {
            return "image/gif";
        } else if (path.endsWith(".webp")) {
            return "image/webp";
        } else if (path.endsWith(".pdf")) {
            return "application/pdf";
        }
        return null;
    }
}
