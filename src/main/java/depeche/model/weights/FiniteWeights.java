package depeche.model.weights;

import depeche.folder.ModelException;
import depeche.model.weights.TensorData.DType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Checks that every floating-point tensor of a checkpoint holds finite numbers. One NaN in one weight makes a
 * network compute garbage (empty or all-dots translations) without any error, so a damaged checkpoint is refused
 * when it is loaded and reported by {@code models verify}.
 *
 * <p>Why it is cheap: a value is NaN or infinite exactly when its exponent bits are all ones. The bytes are read
 * as 64-bit words, each holding 1 (F64), 2 (F32) or 4 (F16, BF16) values, and a carry trick tests every value of a
 * word at once, with no branch per value. Only a tensor found damaged is read again, value by value, to count.
 * {@code depeche.bench.WeightsScanCost} measures it on the 300 MB opus-mt-fr-en shape.
 */
public final class FiniteWeights {
    /** Words read per bulk copy: large enough to amortise the copy, small enough to stay in the L1/L2 cache. */
    private static final int CHUNK_WORDS = 4096;
    /** Bytes scanned as one task when a tensor is scanned in parallel. */
    private static final int PIECE_BYTES = 1 << 20;

    /**
     * Where the exponent bits of each value sit in a 64-bit word, and the words to test each value for zero
     * ({@code (x - ones) & ~x & high} is non-zero exactly when some value of {@code x} is zero; every value of
     * {@code x = (word & exponent) ^ exponent} has its top bit clear, so no value can look zero by overflow).
     */
    private record Lanes(long exponent, long ones, long high) {
    }

    private static final Lanes F64 = new Lanes(0x7FF0000000000000L, 0x0000000000000001L, 0x8000000000000000L);
    private static final Lanes F32 = new Lanes(0x7F8000007F800000L, 0x0000000100000001L, 0x8000000080000000L);
    private static final Lanes F16 = new Lanes(0x7C007C007C007C00L, 0x0001000100010001L, 0x8000800080008000L);
    private static final Lanes BF16 = new Lanes(0x7F807F807F807F80L, 0x0001000100010001L, 0x8000800080008000L);

    private FiniteWeights() {
    }

    /**
     * What was found in the first damaged tensor.
     *
     * @param file     the weights file that holds it (the shard, for a sharded checkpoint)
     * @param tensor   the tensor's name
     * @param nan      how many of its values are NaN
     * @param infinite how many are +Inf or -Inf
     */
    public record Damage(Path file, String tensor, long nan, long infinite) {

        /** "tensor 'x' holds NaN (3 values); the weights are damaged": the problem, without the file. */
        public String problem() {
            String what = nan > 0 && infinite > 0 ? count("NaN", nan) + " and " + count("Inf", infinite)
                    : nan > 0 ? count("NaN", nan) : count("Inf", infinite);
            return "tensor '" + tensor + "' holds " + what + "; the weights are damaged";
        }

        private static String count(String kind, long n) {
            return kind + " (" + n + (n == 1 ? " value)" : " values)");
        }
    }

    /** The first floating-point tensor, in checkpoint order, that holds a NaN or infinite value. */
    public static Optional<Damage> firstDamage(Checkpoint checkpoint) {
        for (String name : checkpoint.distinctNames()) {
            if (lanes(checkpoint.info(name).dtype()) == null) {
                continue; // integers and booleans are always finite
            }
            Optional<Damage> damage = damage(checkpoint, name, checkpoint.tensor(name));
            if (damage.isPresent()) {
                return damage;
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses one tensor of {@code checkpoint} that holds a NaN or infinite value. The network calls it on each
     * tensor as it reads it, so the check touches the file's pages once, when they are read anyway.
     *
     * @throws ModelException naming the file and the tensor
     */
    public static void require(Checkpoint checkpoint, String name, TensorData tensor) {
        damage(checkpoint, name, tensor).ifPresent(damage -> {
            throw new ModelException(damage.file(), damage.problem());
        });
    }

    private static Optional<Damage> damage(Checkpoint checkpoint, String name, TensorData tensor) {
        DType dtype = tensor.dtype();
        if (lanes(dtype) == null || allFiniteInParallel(dtype, tensor.data())) {
            return Optional.empty();
        }
        long[] counts = count(dtype, tensor.data());
        return Optional.of(new Damage(checkpoint.fileOf(name), name, counts[0], counts[1]));
    }

    private static Lanes lanes(DType dtype) {
        return switch (dtype) {
            case F64 -> F64;
            case F32 -> F32;
            case F16 -> F16;
            case BF16 -> BF16;
            default -> null;
        };
    }

    /**
     * {@link #allFinite} over pieces of {@code data} at once: the page faults of a mapped file and the arithmetic
     * both spread over the cores, and a model's largest tensor (the token embeddings, 40% of opus-mt-fr-en) is
     * not left to one of them.
     */
    private static boolean allFiniteInParallel(DType dtype, ByteBuffer data) {
        int pieces = (data.limit() + PIECE_BYTES - 1) / PIECE_BYTES;
        if (pieces <= 1) {
            return allFinite(dtype, data);
        }
        return IntStream.range(0, pieces).parallel().allMatch(piece -> {
            int from = piece * PIECE_BYTES; // a multiple of 8, so no value is split
            return allFinite(dtype, data.slice(from, Math.min(PIECE_BYTES, data.limit() - from)));
        });
    }

    /** Whether every value of {@code data} (little-endian {@code dtype} values) is finite. */
    static boolean allFinite(DType dtype, ByteBuffer data) {
        Lanes lanes = lanes(dtype);
        ByteBuffer bytes = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        LongBuffer words = bytes.asLongBuffer();
        long[] chunk = new long[Math.min(CHUNK_WORDS, words.remaining())];
        long exponent = lanes.exponent();
        long ones = lanes.ones();
        long high = lanes.high();
        while (words.hasRemaining()) {
            int n = Math.min(chunk.length, words.remaining());
            words.get(chunk, 0, n);
            long found = 0;
            for (int i = 0; i < n; i++) {
                long x = (chunk[i] & exponent) ^ exponent;
                found |= (x - ones) & ~x & high;
            }
            if (found != 0) {
                return false;
            }
        }
        // The values after the last whole word (a tensor of an odd number of F32 values, say).
        int tail = bytes.limit() % 8;
        return tail == 0 || isZero(count(dtype, bytes.slice(bytes.limit() - tail, tail)));
    }

    /** {NaN count, infinite count} of {@code data}, value by value. */
    static long[] count(DType dtype, ByteBuffer data) {
        ByteBuffer in = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long[] counts = new long[2];
        int size = dtype.bytes();
        for (int at = 0; at + size <= in.limit(); at += size) {
            int kind = switch (dtype) {
                case F64 -> kind(in.getLong(at), 0x7FF0000000000000L, 0x000FFFFFFFFFFFFFL);
                case F32 -> kind(in.getInt(at), 0x7F800000L, 0x007FFFFFL);
                case F16 -> kind(in.getShort(at), 0x7C00L, 0x03FFL);
                case BF16 -> kind(in.getShort(at), 0x7F80L, 0x007FL);
                default -> -1;
            };
            if (kind >= 0) {
                counts[kind]++;
            }
        }
        return counts;
    }

    /** 0 for NaN, 1 for an infinity, -1 for a finite value: all exponent bits set, then the mantissa decides. */
    private static int kind(long bits, long exponent, long mantissa) {
        if ((bits & exponent) != exponent) {
            return -1;
        }
        return (bits & mantissa) != 0 ? 0 : 1;
    }

    private static boolean isZero(long[] counts) {
        return counts[0] == 0 && counts[1] == 0;
    }
}
