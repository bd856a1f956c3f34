package io.patronage.enrollment.chains;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/** BCP 47 language tags as members and chains give them. */
public final class LanguageTags {

    private static final int MAX_LENGTH = 64;
    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> ISO_REGIONS = Set.of(Locale.getISOCountries());

    private LanguageTags() {
    }

    /**
     * The canonical form ({@code EL-gr} → {@code el-GR}) of a well-formed BCP 47 tag whose language is an
     * ISO 639 code (two-letter codes and regions checked against the JDK's ISO lists), else null.
     */
    public static String canonical(String tag) {
        if (tag == null || tag.length() > MAX_LENGTH) {
            return null;
        }
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            return null;
        }
        String language = locale.getLanguage();
        boolean knownLanguage = language.length() == 2 ? ISO_LANGUAGES.contains(language) : language.length() == 3;
        boolean knownRegion = locale.getCountry().length() != 2 || ISO_REGIONS.contains(locale.getCountry());
        return knownLanguage && knownRegion ? locale.toLanguageTag() : null;
    }
}
