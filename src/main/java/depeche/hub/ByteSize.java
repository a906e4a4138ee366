package depeche.hub;

import java.util.Locale;

/** Byte counts for people, in decimal units as the HuggingFace hub shows them (1 MB = 1,000,000 bytes). */
public final class ByteSize {
    private static final String[] UNITS = {"kB", "MB", "GB", "TB"};

    private ByteSize() {
    }

    public static String format(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
