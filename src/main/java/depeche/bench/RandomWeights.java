package depeche.bench;

import depeche.bench.SafetensorsWriter.Tensor;
import depeche.model.Architecture;
import depeche.model.ModelConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random weights under the names and shapes HF's {@code save_pretrained} writes for a config: linear weights
 * N(0, 1/fan_in), biases N(0, 0.05²), LayerNorm weights 1 + N(0, 0.1²), embeddings N(0, 0.2²). For tests of
 * shapes and switches, and for speed measurements, whose cost depends on shapes only.
 */
public final class RandomWeights {
    private final SplittableRandom random;
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();

    private RandomWeights(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static Map<String, Tensor> forConfig(ModelConfig c, long seed) {
        return new RandomWeights(seed).build(c);
    }

    private Map<String, Tensor> build(ModelConfig c) {
        int d = c.dModel();
        if (c.shareEncoderDecoderEmbeddings()) {
            normal("model.shared.weight", 0.2, c.vocabSize(), d);
        } else {
            normal("model.encoder.embed_tokens.weight", 0.2, c.vocabSize(), d);
            normal("model.decoder.embed_tokens.weight", 0.2, c.decoderVocabSize(), d);
        }
        for (String stack : new String[] {"encoder", "decoder"}) {
            String p = "model." + stack + ".";
            if (c.architecture() == Architecture.BART) {
                normal(p + "embed_positions.weight", 0.2, c.maxPositionEmbeddings() + 2, d);
                layerNorm(p + "layernorm_embedding", d);
            }
            boolean decoder = stack.equals("decoder");
            int layers = decoder ? c.decoderLayers() : c.encoderLayers();
            int ffn = decoder ? c.decoderFfnDim() : c.encoderFfnDim();
            for (int i = 0; i < layers; i++) {
                String l = p + "layers." + i + ".";
                attention(l + "self_attn", d);
                layerNorm(l + "self_attn_layer_norm", d);
                if (decoder) {
                    attention(l + "encoder_attn", d);
                    layerNorm(l + "encoder_attn_layer_norm", d);
                }
                linear(l + "fc1", d, ffn);
                linear(l + "fc2", ffn, d);
                layerNorm(l + "final_layer_norm", d);
            }
        }
        if (!c.tieWordEmbeddings()) {
            normal("lm_head.weight", 1 / Math.sqrt(d), c.decoderVocabSize(), d);
        }
        normal("final_logits_bias", 0.5, 1, c.decoderVocabSize());
        return tensors;
    }

    private void attention(String prefix, int d) {
        for (String proj : new String[] {"q_proj", "k_proj", "v_proj", "out_proj"}) {
            linear(prefix + "." + proj, d, d);
        }
    }

    private void linear(String prefix, int in, int out) {
        normal(prefix + ".weight", 1 / Math.sqrt(in), out, in);
        normal(prefix + ".bias", 0.05, out);
    }

    private void layerNorm(String prefix, int d) {
        Tensor w = normal(prefix + ".weight", 0.1, d);
        for (int i = 0; i < d; i++) {
            w.values()[i] += 1f;
        }
        normal(prefix + ".bias", 0.05, d);
    }

    private Tensor normal(String name, double std, long... shape) {
        long n = 1;
        for (long dim : shape) {
            n *= dim;
        }
        float[] values = new float[Math.toIntExact(n)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (gaussian() * std);
        }
        Tensor t = new Tensor(shape, values);
        tensors.put(name, t);
        return t;
    }

    /** Box-Muller on SplittableRandom (faster than java.util.Random for the 75M values of a real-size model). */
    private double gaussian() {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
