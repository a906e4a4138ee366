package depeche.model.weights;

import depeche.model.weights.TensorData.DType;
import java.util.Optional;

/**
 * The only Python globals a {@code torch.save}d state dict names, and so the only ones {@link RestrictedUnpickler}
 * accepts. {@code _rebuild_parameter_with_state} is left out: it is only written for a Parameter carrying extra
 * Python attributes, which {@code state_dict()} never returns. {@code torch.storage._load_from_bytes} is left out
 * because it runs {@code torch.load} on embedded bytes.
 */
enum AllowedGlobal {
    ORDERED_DICT("collections", "OrderedDict", null),
    REBUILD_TENSOR_V2("torch._utils", "_rebuild_tensor_v2", null),
    REBUILD_PARAMETER("torch._utils", "_rebuild_parameter", null),
    FLOAT_STORAGE("torch", "FloatStorage", DType.F32),
    HALF_STORAGE("torch", "HalfStorage", DType.F16),
    BFLOAT16_STORAGE("torch", "BFloat16Storage", DType.BF16),
    DOUBLE_STORAGE("torch", "DoubleStorage", DType.F64),
    LONG_STORAGE("torch", "LongStorage", DType.I64),
    INT_STORAGE("torch", "IntStorage", DType.I32),
    SHORT_STORAGE("torch", "ShortStorage", DType.I16),
    CHAR_STORAGE("torch", "CharStorage", DType.I8),
    BYTE_STORAGE("torch", "ByteStorage", DType.U8),
    BOOL_STORAGE("torch", "BoolStorage", DType.BOOL);

    private final String module;
    private final String name;
    private final DType storageDType;

    AllowedGlobal(String module, String name, DType storageDType) {
        this.module = module;
        this.name = name;
        this.storageDType = storageDType;
    }

    static Optional<AllowedGlobal> find(String module, String name) {
        for (AllowedGlobal global : values()) {
            if (global.module.equals(module) && global.name.equals(name)) {
                return Optional.of(global);
            }
        }
        return Optional.empty();
    }

    /** The element type of a storage class; empty for the callables. */
    Optional<DType> storageDType() {
        return Optional.ofNullable(storageDType);
    }

    /** The dotted name, as Python would print it. */
    String qualifiedName() {
        return module + "." + name;
    }
}
