package depeche.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import depeche.folder.JsonTree;
import depeche.folder.ModelFiles;
import depeche.model.Architecture;
import depeche.model.ModelConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a model folder says about generation, decided key by key as transformers decides it (4.48 and 4.57 alike):
 *
 * <ul>
 *   <li>{@code generation_config.json}, when present, is the whole of the model's generation config
 *       ({@code PreTrainedModel.from_pretrained} → {@code GenerationConfig.from_pretrained}); config.json's
 *       generation keys are then ignored (warned about when they differ). Otherwise the generation config is made
 *       from config.json ({@code GenerationConfig.from_model_config}): its generation keys, the config class's
 *       default token ids, and what the class converted (BART's {@code force_bos_token_to_be_generated}).</li>
 *   <li>{@code generate()}'s legacy rule ({@code GenerationMixin._prepare_generation_config}): a
 *       generation_config.json marked {@code "_from_model_config": true} gives way to config.json when config.json
 *       holds non-default generation parameters and they no longer make the same generation config.</li>
 *   <li>The summarization pipeline ({@code Pipeline.__init__} in pipelines/base.py) starts from the model's
 *       generation config as loaded (the legacy rule does not apply: the pipeline passes it to generate()) and
 *       updates it with {@code task_specific_params["summarization"]}, whose {@code prefix} (or else config.json's
 *       {@code prefix}) goes before every input text.</li>
 *   <li>Special tokens are completed as {@code generate()} completes them (see {@link GenerationConfig#fromJson}).</li>
 * </ul>
 *
 * Keys depeche does not know, and generation settings it cannot follow, are warned about once each.
 *
 * @param generate             the settings of {@code model.generate(input_ids)} (translation, one-off commands)
 * @param summarization        the settings of {@code pipeline("summarization")}
 * @param summarizationPrefix  text the summarization pipeline puts before every input; empty when none
 * @param warnings             one line each, naming the file
 */
public record GenerationDefaults(GenerationConfig generate, GenerationConfig summarization,
                                 String summarizationPrefix, List<String> warnings) {
    private static final String TASKS = "task_specific_params";
    private static final String TASK = "summarization";
    private static final String PREFIX = "prefix";

    public GenerationDefaults {
        warnings = List.copyOf(warnings);
    }

    /** Reads the generation settings of the folder whose config.json gave {@code model}. */
    public static GenerationDefaults read(Path folder, ModelConfig model) {
        Path configFile = folder.resolve("config.json");
        Set<String> warnings = new LinkedHashSet<>();
        warnUnknown(configFile.toString(), model.otherKeys().keySet().stream()
                .filter(k -> !GenerationKeys.known(k) && !k.equals(TASKS) && !k.equals(PREFIX)).toList(), warnings);
        Sources sources = sources(folder, model, warnings);
        warnUnsupported(sources.generateFrom().toString(), sources.forGenerate(), warnings);
        GenerationConfig generate = settings(sources.generateFrom(), sources.forGenerate(), warnings);
        if (sources.forGenerate() != sources.loaded()) {
            warnUnsupported(sources.loadedFrom().toString(), sources.loaded(), warnings);
        }
        String prefix = model.otherKeys().getOrDefault(PREFIX, JsonTree.NODES.nullNode()).asText("");
        JsonNode task = model.otherKeys().getOrDefault(TASKS, JsonTree.NODES.nullNode()).path(TASK);
        if (!task.isObject()) {
            GenerationConfig summarization = sources.forGenerate() == sources.loaded()
                    ? generate : settings(sources.loadedFrom(), sources.loaded(), warnings);
            return new GenerationDefaults(generate, summarization, prefix, new ArrayList<>(warnings));
        }
        // Pipeline.__init__: the task's prefix replaces config.prefix, its other keys go to generation_config.update
        String label = configFile + " " + TASKS + "." + TASK;
        ObjectNode forSummary = sources.loaded().deepCopy();
        List<String> unknown = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = task.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(PREFIX)) {
                prefix = e.getValue().asText();
            } else if (GenerationKeys.known(e.getKey())) {
                forSummary.set(e.getKey(), e.getValue());
            } else {
                unknown.add(e.getKey());
            }
        }
        warnUnknown(label, unknown, warnings);
        warnUnsupported(label, (ObjectNode) task, warnings);
        GenerationConfig summarization = settings(sources.loadedFrom(), forSummary, warnings);
        return new GenerationDefaults(generate, summarization, prefix, new ArrayList<>(warnings));
    }

    /**
     * Where the settings come from.
     *
     * @param loaded       the model's generation config as {@code from_pretrained} leaves it
     * @param forGenerate  what {@code generate()} uses: {@code loaded}, unless the legacy rule picks config.json's
     */
    private record Sources(ObjectNode loaded, Path loadedFrom, ObjectNode forGenerate, Path generateFrom) {
    }

    private static Sources sources(Path folder, ModelConfig model, Set<String> warnings) {
        Path configFile = folder.resolve("config.json");
        Path generationFile = folder.resolve("generation_config.json");
        ObjectNode fromModel = fromModelConfig(model);
        if (!Files.isRegularFile(generationFile)) {
            return new Sources(fromModel, configFile, fromModel, configFile);
        }
        ObjectNode file = ModelFiles.readJsonObject(generationFile);
        List<String> unknown = new ArrayList<>();
        file.fieldNames().forEachRemaining(k -> {
            if (!GenerationKeys.known(k)) {
                unknown.add(k);
            }
        });
        warnUnknown(generationFile.toString(), unknown, warnings);
        ObjectNode loaded = knownKeys(file);
        if (file.path("_from_model_config").asBoolean(false) && hasNonDefaultGenerationParameters(model, fromModel)
                && !sameGenerationConfig(fromModel, loaded)) {
            warnings.add(generationFile + " was made from config.json (\"_from_model_config\": true) and"
                    + " config.json's generation settings no longer match it: transformers' generate() then uses"
                    + " config.json's (a legacy rule kept through 4.57), and so does depeche; the summarization"
                    + " pipeline keeps generation_config.json's");
            return new Sources(loaded, generationFile, fromModel, configFile);
        }
        warnIgnoredInConfig(configFile, model, fromModel, loaded, warnings);
        return new Sources(loaded, generationFile, loaded, generationFile);
    }

    /**
     * HF's {@code GenerationConfig.from_model_config(config)}: the config's attributes minus those that are None,
     * keeping the keys GenerationConfig knows. The config class supplies its default token ids; config.json's own
     * values (a null one removes the key) override them; forced_bos_token_id is what BartConfig made of it.
     */
    static ObjectNode fromModelConfig(ModelConfig model) {
        ObjectNode d = JsonTree.NODES.objectNode();
        Architecture.TokenDefaults t = model.architecture().tokenDefaults();
        d.put("pad_token_id", t.pad());
        if (t.bos() != null) {
            d.put("bos_token_id", t.bos());
        }
        d.put("eos_token_id", t.eos());
        d.put("decoder_start_token_id", t.decoderStart());
        if (t.forcedEos() != null) {
            d.put("forced_eos_token_id", t.forcedEos());
        }
        model.otherKeys().forEach((key, value) -> {
            if (GenerationKeys.known(key) && GenerationKeys.get(key).use() != GenerationKeys.Use.METADATA) {
                if (value.isNull()) {
                    d.remove(key);
                } else {
                    d.set(key, value);
                }
            }
        });
        if (model.forcedBosTokenId() != null) {
            d.put("forced_bos_token_id", model.forcedBosTokenId());
        } else {
            d.remove("forced_bos_token_id");
        }
        return d;
    }

    /** The keys of a generation_config.json that GenerationConfig knows, metadata left out. */
    private static ObjectNode knownKeys(ObjectNode file) {
        ObjectNode d = JsonTree.NODES.objectNode();
        file.fields().forEachRemaining(e -> {
            if (GenerationKeys.known(e.getKey())
                    && GenerationKeys.get(e.getKey()).use() != GenerationKeys.Use.METADATA) {
                d.set(e.getKey(), e.getValue());
            }
        });
        return d;
    }

    /** Resolves {@code settings}, saying when a special token had to be completed. */
    private static GenerationConfig settings(Path source, ObjectNode settings, Set<String> warnings) {
        GenerationConfig resolved = GenerationConfig.fromJson(source, settings);
        if (!settings.hasNonNull("decoder_start_token_id")) {
            warnings.add(source + ": no decoder_start_token_id, so every output starts with bos_token_id "
                    + resolved.decoderStartTokenId() + ", as in transformers");
        }
        if (resolved.eosTokenIds().length == 0) {
            warnings.add(source + ": no eos_token_id, so outputs end only at the length limit, as in transformers");
        }
        return resolved;
    }

    /**
     * {@code PretrainedConfig._get_non_default_generation_parameters}: a global generation parameter that is set
     * and differs from what the bare config class holds ({@code BartConfig()}, {@code MarianConfig()}).
     */
    private static boolean hasNonDefaultGenerationParameters(ModelConfig model, ObjectNode fromModel) {
        Long classForcedEos = model.architecture().tokenDefaults().forcedEos();
        for (String key : GenerationKeys.MODEL_CONFIG_PARAMETERS) {
            JsonNode value = fromModel.get(key);
            if (value == null || value.isNull()) {
                continue;
            }
            JsonNode classDefault = key.equals("forced_eos_token_id") && classForcedEos != null
                    ? JsonTree.NODES.numberNode(classForcedEos)
                    : GenerationKeys.get(key).defaultValue();
            if (!GenerationKeys.pythonEquals(value, classDefault)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code GenerationConfig.__eq__}: the two serialize to the same JSON, metadata left out. Every parameter counts,
     * and as JSON text {@code 2} and {@code 2.0} differ.
     */
    private static boolean sameGenerationConfig(ObjectNode a, ObjectNode b) {
        for (GenerationKeys.Key key : GenerationKeys.all().values()) {
            if (key.use() != GenerationKeys.Use.METADATA
                    && !GenerationKeys.effective(key.name(), a.get(key.name()))
                            .equals(GenerationKeys.effective(key.name(), b.get(key.name())))) {
                return false;
            }
        }
        return true;
    }

    /** config.json generation settings that a present generation_config.json overrides with other values. */
    private static void warnIgnoredInConfig(Path configFile, ModelConfig model, ObjectNode fromModel,
                                            ObjectNode loaded, Set<String> warnings) {
        Set<String> keys = new TreeSet<>();
        model.otherKeys().keySet().stream().filter(GenerationKeys::known).forEach(keys::add);
        boolean derivedBos = model.forcedBosTokenId() != null && !model.otherKeys().containsKey("forced_bos_token_id");
        if (derivedBos) {
            keys.add("forced_bos_token_id");
        }
        List<String> differing = new ArrayList<>();
        for (String key : keys) {
            GenerationKeys.Use use = GenerationKeys.get(key).use();
            if (use != GenerationKeys.Use.READ && use != GenerationKeys.Use.UNSUPPORTED) {
                continue;
            }
            JsonNode ours = GenerationKeys.effective(key, fromModel.get(key));
            JsonNode theirs = GenerationKeys.effective(key, loaded.get(key));
            if (!GenerationKeys.pythonEquals(ours, theirs)) {
                String origin = derivedBos && key.equals("forced_bos_token_id")
                        ? " (from force_bos_token_to_be_generated)" : "";
                differing.add(key + " " + shown(ours) + origin + " (generation_config.json: " + shown(theirs) + ")");
            }
        }
        if (!differing.isEmpty()) {
            warnings.add(configFile + ": generation settings ignored because generation_config.json is present, as"
                    + " transformers ignores them: " + String.join(", ", differing));
        }
    }

    private static void warnUnsupported(String source, ObjectNode settings, Set<String> warnings) {
        settings.fields().forEachRemaining(e -> {
            GenerationKeys.Key key = GenerationKeys.get(e.getKey());
            if (key != null && key.use() == GenerationKeys.Use.UNSUPPORTED
                    && !GenerationKeys.pythonEquals(GenerationKeys.effective(key.name(), e.getValue()),
                            key.defaultValue())) {
                warnings.add(source + ": " + key.name() + " " + e.getValue() + " is not supported: transformers would "
                        + key.effect() + "; depeche generates without it");
            }
        });
    }

    private static void warnUnknown(String source, List<String> keys, Set<String> warnings) {
        if (!keys.isEmpty()) {
            warnings.add(source + ": ignored keys that depeche does not know: "
                    + String.join(", ", new TreeSet<>(keys)));
        }
    }

    private static String shown(JsonNode value) {
        return value.isNull() ? "none" : value.toString();
    }
}
