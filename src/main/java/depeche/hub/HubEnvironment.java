package depeche.hub;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * The HuggingFace settings HF's own tools read from the environment, read the same way.
 *
 * @param endpoint  {@code HF_ENDPOINT} without a trailing slash, default {@code https://huggingface.co}
 * @param token     {@code HF_TOKEN}, sent as {@code Authorization: Bearer} to the endpoint only
 * @param offline   {@code HF_HUB_OFFLINE} set to a true value: no network access at all
 * @param userAgent {@code depeche/<version>}
 */
public record HubEnvironment(String endpoint, Optional<String> token, boolean offline, String userAgent) {
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";
    /** The values huggingface_hub's {@code _is_true} accepts. */
    private static final Set<String> TRUE_VALUES = Set.of("1", "ON", "YES", "TRUE");

    /** The settings found in {@code env} (a variable lookup: tests pass a map's {@code get}). */
    public static HubEnvironment from(Function<String, String> env) {
        String endpoint = Optional.ofNullable(env.apply("HF_ENDPOINT")).map(String::strip)
                .filter(value -> !value.isEmpty()).orElse(DEFAULT_ENDPOINT);
        while (endpoint.endsWith("/")) {
            endpoint = endpoint.substring(0, endpoint.length() - 1);
        }
        Optional<String> token = Optional.ofNullable(env.apply("HF_TOKEN")).map(String::strip)
                .filter(value -> !value.isEmpty());
        String offline = Optional.ofNullable(env.apply("HF_HUB_OFFLINE")).orElse("").strip();
        return new HubEnvironment(endpoint, token, TRUE_VALUES.contains(offline.toUpperCase(Locale.ROOT)),
                "depeche/" + version());
    }

    /** The version Maven records in the jar; {@code dev} when running from compiled classes. */
    private static String version() {
        try (InputStream in = HubEnvironment.class.getResourceAsStream(
                "/META-INF/maven/depeche/depeche/pom.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "dev");
            }
        } catch (IOException e) {
            // The User-Agent is informative only.
        }
        return "dev";
    }
}
