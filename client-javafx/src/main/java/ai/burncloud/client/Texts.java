package ai.burncloud.client;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The user-visible words in one language (English or Chinese), from {@code messages*.properties}. */
public final class Texts {
    static final String BUNDLE = "ai.burncloud.client.messages";
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private final Locale locale;
    private final ResourceBundle bundle;

    public Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** English unless the tag (or, without one, the system) says Chinese. */
    public static Texts forTag(String tag) {
        Locale l = tag == null || tag.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(tag);
        return new Texts("zh".equals(l.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
    }

    public Locale locale() {
        return locale;
    }

    public String tag() {
        return locale.toLanguageTag();
    }

    /** The text, or {@code !key!} when it is missing (the tests look for that mark). */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }

    ResourceBundle bundle() {
        return bundle;
    }
}
