package ai.burncloud.server;

import io.vertx.ext.web.RoutingContext;

/**
 * Path and query parameters, checked: a malformed one is a 400 naming it. A malformed %-escape
 * anywhere in the query, or a control character (NUL, which PostgreSQL refuses in text) in a value,
 * is the client's 400 too, never the database's 500.
 */
final class Params {
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    private Params() {}

    static long id(RoutingContext ctx) {
        return pathLong(ctx, "id");
    }

    static long pathLong(RoutingContext ctx, String name) {
        String v = ctx.pathParam(name);
        Long id = parseLong(v);
        if (id == null || id < 1) {
            throw ApiException.invalid(name + " must be a positive whole number");
        }
        return id;
    }

    static String query(RoutingContext ctx, String name) {
        String v;
        try {
            v = ctx.queryParams().get(name);
        } catch (RuntimeException e) {
            // Vert.x reports a malformed %-escape as an HttpException wrapping IllegalArgumentException
            throw ApiException.invalid("malformed percent-escape in the query");
        }
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.length() > 256) {
            throw ApiException.invalid(name + " is too long");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalid(name + " must not contain control characters");
        }
        return v;
    }

    static Long queryLong(RoutingContext ctx, String name) {
        String v = query(ctx, name);
        if (v == null) {
            return null;
        }
        Long n = parseLong(v);
        if (n == null) {
            throw ApiException.invalid(name + " must be a whole number");
        }
        return n;
    }

    static Boolean queryBool(RoutingContext ctx, String name) {
        String v = query(ctx, name);
        if (v == null) {
            return null;
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw ApiException.invalid(name + " must be true or false");
    }

    /** {@code page} from 1 (default 1) and {@code size} 1..100 (default 20). */
    static int[] paging(RoutingContext ctx) {
        Long page = queryLong(ctx, "page");
        Long size = queryLong(ctx, "size");
        if (page != null && (page < 1 || page > 1_000_000)) {
            throw ApiException.invalid("page must be between 1 and 1000000");
        }
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            throw ApiException.invalid("size must be between 1 and " + MAX_SIZE);
        }
        return new int[] {page == null ? 1 : page.intValue(), size == null ? DEFAULT_SIZE : size.intValue()};
    }

    private static Long parseLong(String v) {
        if (v == null || v.isEmpty() || v.length() > 19 || !v.matches("-?\\d+")) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
