package depeche.tokenize;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import depeche.folder.JsonTree;
import depeche.folder.ModelException;
import depeche.folder.ModelFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code tokenizer.json} that transformers' {@code RobertaConverter} makes out of a GPT-2/BART/RoBERTa
 * {@code vocab.json} + {@code merges.txt}, so that the Rust library does the byte-level BPE exactly as HF does.
 */
final class ByteLevelBpeDefinition {
    static final String VOCAB = "vocab.json";
    static final String MERGES = "merges.txt";

    /** The special tokens of BartTokenizer/RobertaTokenizer, with the class defaults. */
    private static final Map<String, String> SPECIAL_TOKENS = Map.of(
            "bos_token", "<s>", "eos_token", "</s>", "sep_token", "</s>", "cls_token", "<s>",
            "unk_token", "<unk>", "pad_token", "<pad>", "mask_token", "<mask>");

    private ByteLevelBpeDefinition() {
    }

    static ObjectNode build(Path modelDir, TokenizerSettings settings) {
        Path vocabFile = modelDir.resolve(VOCAB);
        ObjectNode vocabJson = ModelFiles.readJsonObject(vocabFile);
        Vocabulary vocab = new Vocabulary(Vocabulary.idsOf(vocabJson, vocabFile));
        boolean addPrefixSpace = settings.flag("add_prefix_space", false);
        boolean trimOffsets = settings.flag("trim_offsets", true);
        String cls = settings.token("cls_token", SPECIAL_TOKENS.get("cls_token"));
        String sep = settings.token("sep_token", SPECIAL_TOKENS.get("sep_token"));
        String mask = settings.token("mask_token", SPECIAL_TOKENS.get("mask_token"));

        ObjectNode definition = JsonTree.NODES.objectNode();
        definition.put("version", "1.0");
        definition.putNull("truncation");
        definition.putNull("padding");
        definition.set("added_tokens", addedTokens(settings, vocab, vocabFile, mask));
        definition.putNull("normalizer");
        definition.set("pre_tokenizer", byteLevel(addPrefixSpace, trimOffsets));
        ObjectNode postProcessor = definition.putObject("post_processor");
        postProcessor.put("type", "RobertaProcessing");
        postProcessor.putArray("sep").add(sep).add(vocab.id(sep));
        postProcessor.putArray("cls").add(cls).add(vocab.id(cls));
        postProcessor.put("trim_offsets", trimOffsets);
        postProcessor.put("add_prefix_space", addPrefixSpace);
        // RobertaConverter's decoders.ByteLevel() keeps its defaults; they do not change decoding.
        definition.set("decoder", byteLevel(true, true));
        ObjectNode model = definition.putObject("model");
        model.put("type", "BPE");
        model.putNull("dropout");
        model.putNull("unk_token");
        model.put("continuing_subword_prefix", "");
        model.put("end_of_word_suffix", "");
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        model.set("vocab", vocabJson);
        model.set("merges", merges(modelDir.resolve(MERGES)));
        return definition;
    }

    /**
     * The special tokens as HF adds them, in id order. The mask token strips the space on its left and is matched
     * on the raw text, as BartTokenizer's {@code AddedToken(mask_token, lstrip=True)}.
     */
    private static ArrayNode addedTokens(TokenizerSettings settings, Vocabulary vocab, Path vocabFile, String mask) {
        Map<Long, String> byId = new TreeMap<>();
        SPECIAL_TOKENS.forEach((key, fallback) -> {
            String token = settings.token(key, fallback);
            long id = vocab.id(token);
            if (id < 0) {
                throw new ModelException(vocabFile, "lacks the special token " + token + " (" + key + ")");
            }
            byId.put(id, token);
        });
        ArrayNode added = JsonTree.NODES.arrayNode();
        byId.forEach((id, token) -> added.addObject()
                .put("id", id)
                .put("content", token)
                .put("single_word", false)
                .put("lstrip", token.equals(mask))
                .put("rstrip", false)
                .put("normalized", !token.equals(mask))
                .put("special", true));
        return added;
    }

    private static ObjectNode byteLevel(boolean addPrefixSpace, boolean trimOffsets) {
        return JsonTree.NODES.objectNode()
                .put("type", "ByteLevel")
                .put("add_prefix_space", addPrefixSpace)
                .put("trim_offsets", trimOffsets)
                .put("use_regex", true);
    }

    /** merges.txt: a {@code #version} header, then one {@code left right} pair per line, by rank. */
    private static ArrayNode merges(Path file) {
        List<String> lines = ModelFiles.readLines(file);
        ArrayNode merges = JsonTree.NODES.arrayNode();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || (i == 0 && line.startsWith("#version"))) {
                continue;
            }
            String[] pair = line.split(" ");
            if (pair.length != 2 || pair[0].isEmpty() || pair[1].isEmpty()) {
                throw new ModelException(file, "line " + (i + 1) + " is not two tokens separated by a space: " + line);
            }
            merges.addArray().add(pair[0]).add(pair[1]);
        }
        return merges;
    }
}
