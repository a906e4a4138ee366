package depeche.quality;

import depeche.document.Flag;
import depeche.document.SentencePair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Quotation marks, parentheses and brackets that pair up in the source must pair up in the target. French
 * « » may become “ ” or straight quotes, so double quotes of every style count as one kind. A source that is
 * itself unbalanced (a quotation running across sentences) is not checked for that kind. Single quotes are left
 * alone: ’ is also the apostrophe.
 */
final class BalanceCheck implements SentenceCheck {

    @Override
    public Optional<Flag> check(SentencePair pair) {
        List<String> broken = new ArrayList<>();
        checkPair(pair, '(', ')', "parentheses", broken);
        checkPair(pair, '[', ']', "brackets", broken);
        if (quotesBalanced(pair.source()) && !quotesBalanced(pair.target())) {
            broken.add("quotation marks");
        }
        return broken.isEmpty() ? Optional.empty() : Optional.of(FlagKind.UNBALANCED.flag(
                "the English's " + String.join(" and ", broken) + " do not pair up as the French's do"));
    }

    private static void checkPair(SentencePair pair, char open, char close, String name, List<String> broken) {
        if (nests(pair.source(), open, close) && !nests(pair.target(), open, close)) {
            broken.add(name);
        }
    }

    /** Every {@code open} is closed, in order. */
    static boolean nests(String text, char open, char close) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** As many opening as closing double quotes (« “ „ against » ”), and an even number of straight ones. */
    static boolean quotesBalanced(String text) {
        int opening = 0;
        int closing = 0;
        int straight = 0;
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '«', '“', '„' -> opening++;
                case '»', '”' -> closing++;
                case '"' -> straight++;
                default -> { }
            }
        }
        return opening == closing && straight % 2 == 0;
    }
}
