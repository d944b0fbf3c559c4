package ai.burncloud.service;

/** What may be shown of an upstream credential: enough to recognise it, never enough to use it. */
public final class KeyHint {
    private KeyHint() {}

    public static String of(String key) {
        if (key == null || key.isEmpty()) {
            return "";
        }
        if (key.length() < 16) {
            return "****";
        }
        return key.substring(0, 4) + "..." + key.substring(key.length() - 4);
    }
}
