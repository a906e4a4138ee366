package depeche.io;

import java.util.List;

/** A file's text, and what a reviewer should know about how it was decoded. */
record DecodedText(String text, List<String> warnings) {

    DecodedText {
        warnings = List.copyOf(warnings);
    }
}
