package depeche.tokenize;

import depeche.testing.Fixtures;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which implementation a folder gets, vocabulary look-ups, long inputs, language codes, vocabularies and threads. */
class TokenizersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tempDir;

    @Test
    void aMarianFolderGetsTheMarianTokenizer() {
        try (TextTokenizer tokenizer = Tokenizers.load(Fixtures.dir(Fixtures.MARIAN))) {
            assertThat(tokenizer).isInstanceOf(MarianTokenizer.class);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TokenizerSetup.class, names = {"BART_TOKENIZER_JSON", "BART_VOCAB_MERGES"})
    void bartFoldersGetTheRustTokenizer(TokenizerSetup setup) {
        try (TextTokenizer tokenizer = Tokenizers.load(setup.folder(tempDir))) {
            assertThat(tokenizer).isInstanceOf(HuggingFaceJsonTokenizer.class);
        }
    }

    @Test
    void marianTokenIdsComeFromVocabJson() {
        try (TextTokenizer tokenizer = Tokenizers.load(Fixtures.dir(Fixtures.MARIAN))) {
            assertThat(tokenizer.tokenId("</s>")).isZero();
            assertThat(tokenizer.tokenId("<unk>")).isEqualTo(1);
            assertThat(tokenizer.tokenId("<pad>")).isEqualTo(404);
            assertThat(tokenizer.tokenId("▁Le")).isEqualTo(13);
            assertThat(tokenizer.tokenId("not a piece")).isEqualTo(-1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TokenizerSetup.class, names = {"BART_TOKENIZER_JSON", "BART_VOCAB_MERGES"})
    void bartTokenIdsCoverTheVocabularyAndTheSpecialTokens(TokenizerSetup setup) {
        try (TextTokenizer tokenizer = Tokenizers.load(setup.folder(tempDir))) {
            assertThat(tokenizer.tokenId("<s>")).isZero();
            assertThat(tokenizer.tokenId("<pad>")).isEqualTo(1);
            assertThat(tokenizer.tokenId("</s>")).isEqualTo(2);
            assertThat(tokenizer.tokenId("<unk>")).isEqualTo(3);
            assertThat(tokenizer.tokenId("<mask>")).isEqualTo(560);
            assertThat(tokenizer.tokenId("ĠTuesday")).isEqualTo(407);
            assertThat(tokenizer.tokenId("not a token")).isEqualTo(-1);
        }
    }

    /** 3000 words are far beyond the 512 tokens DJL truncates to by default: all must come back. */
    @ParameterizedTest
    @EnumSource(TokenizerSetup.class)
    void aLongTextIsNeitherTruncatedNorPadded(TokenizerSetup setup) {
        String word = setup == TokenizerSetup.MARIAN ? "gouvernement" : "government";
        String text = String.join(" ", Collections.nCopies(3000, word));
        try (TextTokenizer tokenizer = Tokenizers.load(setup.folder(tempDir))) {
            long[] first = tokenizer.encode(word);
            long[] next = tokenizer.encode(" " + word);
            int start = setup == TokenizerSetup.MARIAN ? 0 : 1; // BART: <s> first
            LongStream.Builder expected = LongStream.builder();
            LongStream.of(first).limit(first.length - 1).forEach(expected);
            for (int i = 1; i < 3000; i++) {
                Arrays.stream(next, start, next.length - 1).forEach(expected);
            }
            expected.add(first[first.length - 1]);

            long[] ids = tokenizer.encode(text);

            assertThat(ids).hasSizeGreaterThan(3000).containsExactly(expected.build().toArray());
            if (setup != TokenizerSetup.MARIAN) {
                assertThat(tokenizer.decode(ids, true)).isEqualTo(text);
            }
        }
    }

    @Test
    void bothBartFormsGiveTheSameIdsForALongText() {
        String text = String.join(" ", Collections.nCopies(300, "The minister said on Tuesday: “3,5 % more!” 😀"));
        try (TextTokenizer fromJson = Tokenizers.load(TokenizerSetup.BART_TOKENIZER_JSON.folder(tempDir));
             TextTokenizer fromMerges = Tokenizers.load(TokenizerSetup.BART_VOCAB_MERGES.folder(tempDir))) {
            long[] ids = fromJson.encode(text);
            assertThat(fromMerges.encode(text)).containsExactly(ids);
            assertThat(fromMerges.decode(ids, true)).isEqualTo(fromJson.decode(ids, true)).isEqualTo(text);
        }
    }

    /** transformers' clean_up_tokenization_spaces would turn " ," into ","; the interface asks for no clean-up. */
    @ParameterizedTest
    @EnumSource(value = TokenizerSetup.class, names = {"BART_TOKENIZER_JSON", "BART_VOCAB_MERGES"})
    void bartDecodingCleansNoSpacesUp(TokenizerSetup setup) {
        String text = "Oui , non . Quoi ? Non ! it 's we 're I 'm do n't";
        try (TextTokenizer tokenizer = Tokenizers.load(setup.folder(tempDir))) {
            assertThat(tokenizer.decode(tokenizer.encode(text), true)).isEqualTo(text);
        }
    }

    @Test
    void aLeadingLanguageCodeIsItsOwnToken() throws IOException {
        Path folder = TokenizerSetup.MARIAN.copy(tempDir);
        ObjectNode vocab = (ObjectNode) JSON.readTree(folder.resolve("vocab.json").toFile());
        vocab.put(">>fra<<", 405);
        JSON.writeValue(folder.resolve("vocab.json").toFile(), vocab);
        try (TextTokenizer tokenizer = Tokenizers.load(folder)) {
            long[] bonjour = tokenizer.encode("Bonjour");

            assertThat(tokenizer.tokenId(">>fra<<")).isEqualTo(405);
            assertThat(tokenizer.encode(">>fra<< Bonjour")).containsExactly(prepend(405, bonjour));
        }
    }

    @Test
    void languageCodesAreRemovedEverywhereButLookedUpOnlyAtTheStart() {
        try (TextTokenizer tokenizer = Tokenizers.load(Fixtures.dir(Fixtures.MARIAN))) {
            long[] bonjour = tokenizer.encode("Bonjour");

            assertThat(tokenizer.encode("Bon>>xx<<jour")).containsExactly(bonjour);
            // Python's "." matches "\r" (only "\n" ends it): the whole code is one unknown token.
            assertThat(tokenizer.encode(">>a\rb<< Bonjour")).containsExactly(prepend(tokenizer.tokenId("<unk>"), bonjour));
        }
    }

    @Test
    void separateVocabsDecodeThroughTargetVocabJson() throws IOException {
        Path folder = TokenizerSetup.MARIAN.copy(tempDir);
        ObjectNode config = (ObjectNode) JSON.readTree(folder.resolve("tokenizer_config.json").toFile());
        config.put("separate_vocabs", true);
        JSON.writeValue(folder.resolve("tokenizer_config.json").toFile(), config);
        Files.writeString(folder.resolve("target_vocab.json"), "{\"</s>\": 0, \"<unk>\": 1, \"▁Hello\": 2, \"<pad>\": 3}");
        String text = Fixtures.golden(Fixtures.MARIAN).at("/cases/0/text").asText();
        long[] sourceIds = Fixtures.ids(Fixtures.golden(Fixtures.MARIAN).at("/cases/0/input_ids"));
        try (TextTokenizer tokenizer = Tokenizers.load(folder)) {
            assertThat(tokenizer.encode(text)).containsExactly(sourceIds);
            assertThat(tokenizer.decode(new long[] {2, 0}, true)).isEqualTo("Hello");
            assertThat(tokenizer.decode(new long[] {2, 0}, false)).isEqualTo("Hello</s>");
        }
    }

    /** Encoding and decoding the golden inputs from 8 threads at once gives what one thread gets. */
    @ParameterizedTest
    @EnumSource(TokenizerSetup.class)
    void oneInstanceServesManyThreads(TokenizerSetup setup) throws Exception {
        List<String> texts = new ArrayList<>();
        Fixtures.golden(setup.fixture).path("cases").forEach(c -> texts.add(c.get("text").asText()));
        try (TextTokenizer tokenizer = Tokenizers.load(setup.folder(tempDir))) {
            Function<String, String> roundTrip = text -> {
                long[] ids = tokenizer.encode(text);
                return Arrays.toString(ids) + " -> " + tokenizer.decode(ids, false);
            };
            List<String> expected = texts.stream().map(roundTrip).toList();
            Callable<Boolean> sameEveryRound = () -> IntStream.range(0, 50)
                    .allMatch(round -> texts.stream().map(roundTrip).toList().equals(expected));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (Future<Boolean> result : pool.invokeAll(Collections.nCopies(8, sameEveryRound))) {
                    assertThat(result.get()).isTrue();
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    private static long[] prepend(long first, long[] rest) {
        return LongStream.concat(LongStream.of(first), LongStream.of(rest)).toArray();
    }
}
