package depeche.hub;

import java.util.Locale;

/** What a model is used for; each role has one default model in the catalog. */
public enum Role {
    TRANSLATION,
    SUMMARIZATION;

    /** The role as the catalog writes it: {@code translation}, {@code summarization}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role fromLabel(String label) {
        for (Role role : values()) {
            if (role.label().equals(label)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + label + "' (translation or summarization)");
    }
}
