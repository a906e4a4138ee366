package depeche.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which files of a hub repository make a usable model folder.
 *
 * @param required groups of alternatives in order of preference: each group needs one of its files,
 *                 e.g. {@code [model.safetensors, pytorch_model.bin]}
 * @param optional files taken when the repository holds them
 */
public record FileRequirements(List<List<String>> required, List<String> optional) {

    /**
     * What any MarianMT/BART repository needs when the catalog does not say more. Weights are
     * safetensors (preferred: no pickle, memory-mappable) or a PyTorch checkpoint; the TensorFlow,
     * Flax, Rust and ONNX copies many repositories also hold are never fetched.
     */
    public static final FileRequirements ANY_SUPPORTED_MODEL = new FileRequirements(
            List.of(List.of("config.json"), List.of("model.safetensors", "pytorch_model.bin")),
            List.of("generation_config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
                    "source.spm", "target.spm", "vocab.json", "merges.txt"));

    public FileRequirements {
        required = required.stream().map(List::copyOf).toList();
        optional = List.copyOf(optional);
        if (required.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a required group names no file");
        }
    }

    /** The files to take from {@code available}, and the required groups it cannot satisfy. */
    public Selection select(Set<String> available) {
        List<String> files = new ArrayList<>();
        List<String> unmet = new ArrayList<>();
        for (List<String> group : required) {
            group.stream().filter(available::contains).findFirst()
                    .ifPresentOrElse(files::add, () -> unmet.add(String.join(" or ", group)));
        }
        for (String file : optional) {
            if (available.contains(file) && !files.contains(file)) {
                files.add(file);
            }
        }
        return new Selection(List.copyOf(files), List.copyOf(unmet));
    }

    /**
     * @param files the chosen files, required ones first
     * @param unmet one entry per unsatisfied group, e.g. {@code "model.safetensors or pytorch_model.bin"}
     */
    public record Selection(List<String> files, List<String> unmet) {
        public boolean complete() {
            return unmet.isEmpty();
        }
    }
}
