package depeche.model.weights;

import depeche.folder.ModelException;
import depeche.model.weights.TensorData.DType;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one pickle written by {@code torch.save} into plain Java values, accepting only what a tensor state dict
 * needs. A Java unpickler cannot run Python, but a pickle that names any other global (say {@code posix.system})
 * is an attack or not a state dict, so it is refused outright, at the opcode that names it, rather than half
 * loaded. Likewise REDUCE and BUILD act only on the {@link AllowedGlobal}s, and unknown opcodes are refused.
 *
 * <p>Values: Python str → {@link String}, int → {@link Long} (or {@link BigInteger} past 64 bits),
 * float → {@link Double}, bool → {@link Boolean}, None → null, list → {@link ArrayList},
 * tuple → unmodifiable {@link List}, dict → {@link LinkedHashMap}, persistent storage ids → {@link StorageRef},
 * rebuilt tensors → {@link TensorView}.
 */
final class RestrictedUnpickler {
    /** A dict made by {@code collections.OrderedDict()}: the one kind of object BUILD may update. */
    private static final class OrderedDict extends LinkedHashMap<Object, Object> {
    }

    private final Path file;
    private final ByteBuffer in;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private final Map<String, StorageRef> storages = new LinkedHashMap<>();

    /** @param in the pickle from its current position; {@link #load()} leaves the position after STOP */
    RestrictedUnpickler(Path file, ByteBuffer in) {
        this.file = file;
        this.in = in.order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The storages that the loaded pickle referred to, by key. */
    Map<String, StorageRef> storages() {
        return Collections.unmodifiableMap(storages);
    }

    Object load() {
        try {
            while (true) {
                int at = in.position();
                int opcode = in.get() & 0xff;
                if (opcode == '.') { // STOP
                    return pop();
                }
                execute(opcode, at);
            }
        } catch (BufferUnderflowException e) {
            throw corrupt("the pickle ends before its STOP opcode");
        }
    }

    private void execute(int opcode, int at) {
        switch (opcode) {
            case 0x80 -> in.get(); // PROTO: every protocol's opcodes are decoded alike
            case 0x95 -> in.getLong(); // FRAME: a length hint for buffered readers
            case '(' -> marks.add(stack.size()); // MARK
            case '0' -> pop(); // POP
            case '1' -> popMark(); // POP_MARK
            case '2' -> push(peek()); // DUP
            case 'N' -> push(null); // NONE
            case 0x88 -> push(Boolean.TRUE); // NEWTRUE
            case 0x89 -> push(Boolean.FALSE); // NEWFALSE
            case 'J' -> push((long) in.getInt()); // BININT
            case 'K' -> push((long) (in.get() & 0xff)); // BININT1
            case 'M' -> push((long) (in.getShort() & 0xffff)); // BININT2
            case 0x8a -> push(readLong(in.get() & 0xff)); // LONG1
            case 'G' -> push(Double.longBitsToDouble(Long.reverseBytes(in.getLong()))); // BINFLOAT, big-endian
            case 'X' -> push(readUtf8(in.getInt() & 0xffffffffL)); // BINUNICODE
            case 0x8c -> push(readUtf8(in.get() & 0xff)); // SHORT_BINUNICODE
            case 0x8d -> push(readUtf8(in.getLong())); // BINUNICODE8
            case '}' -> push(new LinkedHashMap<>()); // EMPTY_DICT
            case ']' -> push(new ArrayList<>()); // EMPTY_LIST
            case ')' -> push(List.of()); // EMPTY_TUPLE
            case 'd' -> push(putPairs(new LinkedHashMap<>(), popMark())); // DICT
            case 'l' -> push(new ArrayList<>(popMark())); // LIST
            case 't' -> push(tuple(popMark())); // TUPLE
            case 0x85 -> push(tuple(popN(1))); // TUPLE1
            case 0x86 -> push(tuple(popN(2))); // TUPLE2
            case 0x87 -> push(tuple(popN(3))); // TUPLE3
            // The items are popped first: the dict or list they go into lies below them.
            case 's' -> setItems(popN(2), "SETITEM");
            case 'u' -> setItems(popMark(), "SETITEMS");
            case 'a' -> append(popN(1), "APPEND");
            case 'e' -> append(popMark(), "APPENDS");
            case 'q' -> memo.put((long) (in.get() & 0xff), peek()); // BINPUT
            case 'r' -> memo.put(in.getInt() & 0xffffffffL, peek()); // LONG_BINPUT
            case 0x94 -> memo.put((long) memo.size(), peek()); // MEMOIZE
            case 'h' -> push(memoGet(in.get() & 0xff)); // BINGET
            case 'j' -> push(memoGet(in.getInt() & 0xffffffffL)); // LONG_BINGET
            case 'c' -> push(allowedGlobal(readLine(), readLine())); // GLOBAL
            case 0x93 -> { // STACK_GLOBAL
                String name = popAs(String.class, "STACK_GLOBAL");
                push(allowedGlobal(popAs(String.class, "STACK_GLOBAL"), name));
            }
            case 'R' -> { // REDUCE
                List<?> args = popAs(List.class, "REDUCE");
                push(reduce(popAs(AllowedGlobal.class, "REDUCE"), args));
            }
            case 'b' -> { // BUILD: only the `_metadata` that nn.Module.state_dict() attaches, which loading ignores
                pop();
                peekAs(OrderedDict.class, "BUILD");
            }
            case 'Q' -> push(storageRef(popAs(List.class, "BINPERSID"))); // BINPERSID
            default -> throw new ModelException(file, String.format(
                    "refuses to load: the pickle uses opcode 0x%02x at byte %d, which a tensor state dict never needs",
                    opcode, at));
        }
    }

    private AllowedGlobal allowedGlobal(String module, String name) {
        return AllowedGlobal.find(module, name).orElseThrow(() -> new ModelException(file,
                "refuses to load: the pickle names the global '" + module + "." + name
                        + "', which a tensor state dict never needs"));
    }

    private Object reduce(AllowedGlobal callable, List<?> args) {
        return switch (callable) {
            case ORDERED_DICT -> {
                if (!args.isEmpty()) {
                    throw corrupt("collections.OrderedDict is called with " + args.size() + " arguments");
                }
                yield new OrderedDict();
            }
            // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
            case REBUILD_TENSOR_V2 -> {
                if (args.size() < 6 || args.size() > 7) {
                    throw corrupt("_rebuild_tensor_v2 takes 6 or 7 arguments, not " + args.size());
                }
                yield tensorView(arg(args, 0, StorageRef.class), arg(args, 1, Long.class),
                        longs(arg(args, 2, List.class)), longs(arg(args, 3, List.class)));
            }
            // (data, requires_grad, backward_hooks): the tensor is all a state dict needs
            case REBUILD_PARAMETER -> arg(args, 0, TensorView.class);
            default -> throw corrupt(callable.qualifiedName() + " is called, but it is only ever a storage type");
        };
    }

    private TensorView tensorView(StorageRef storage, long offset, List<Long> shape, List<Long> stride) {
        if (shape.size() != stride.size() || offset < 0
                || shape.stream().anyMatch(n -> n < 0) || stride.stream().anyMatch(n -> n < 0)) {
            throw corrupt("a tensor has size " + shape + ", stride " + stride + " and storage offset " + offset);
        }
        return new TensorView(storage, offset, shape, stride);
    }

    /** {@code ('storage', storage_type, key, location, numel[, view_metadata])}: the legacy format adds the last. */
    private StorageRef storageRef(List<?> pid) {
        if (pid.size() < 5 || pid.size() > 6 || !"storage".equals(pid.get(0))) {
            throw corrupt("a persistent id is not ('storage', storage_type, key, location, numel)");
        }
        if (pid.size() == 6 && pid.get(5) != null) {
            throw new ModelException(file,
                    "uses a storage view (a layout of torch before 1.0), which is not supported");
        }
        DType dtype = arg(pid, 1, AllowedGlobal.class).storageDType()
                .orElseThrow(() -> corrupt("a persistent id names no storage type"));
        // The location (e.g. "cuda:0") is ignored: everything is read to the CPU.
        StorageRef ref = new StorageRef(arg(pid, 2, String.class), dtype, arg(pid, 4, Long.class));
        if (ref.numel() < 0) {
            throw corrupt("storage '" + ref.key() + "' has " + ref.numel() + " elements");
        }
        StorageRef known = storages.putIfAbsent(ref.key(), ref);
        if (known != null && !known.equals(ref)) {
            throw corrupt("storage '" + ref.key() + "' is referred to both as " + known + " and as " + ref);
        }
        return ref;
    }

    @SuppressWarnings("unchecked")
    private void setItems(List<Object> keysAndValues, String opcode) {
        putPairs(peekAs(Map.class, opcode), keysAndValues);
    }

    private Map<Object, Object> putPairs(Map<Object, Object> dict, List<Object> keysAndValues) {
        if (keysAndValues.size() % 2 != 0) {
            throw corrupt("a dict gets an odd number of keys and values");
        }
        for (int i = 0; i < keysAndValues.size(); i += 2) {
            // Torch's dicts have str or int keys. Refusing other keys also keeps a hostile self-containing list
            // from being hashed, which would recurse without end.
            Object key = keysAndValues.get(i);
            if (!(key instanceof String || key instanceof Long)) {
                throw corrupt("a dict key is of type " + pythonType(key));
            }
            dict.put(key, keysAndValues.get(i + 1));
        }
        return dict;
    }

    @SuppressWarnings("unchecked")
    private void append(List<Object> items, String opcode) {
        peekAs(ArrayList.class, opcode).addAll(items);
    }

    private static List<Object> tuple(List<Object> items) {
        return Collections.unmodifiableList(items);
    }

    private List<Long> longs(List<?> items) {
        List<Long> values = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            values.add(arg(items, i, Long.class));
        }
        return values;
    }

    private <T> T arg(List<?> args, int index, Class<T> type) {
        if (index >= args.size() || !type.isInstance(args.get(index))) {
            String found = index >= args.size() ? "nothing" : "type " + pythonType(args.get(index));
            throw corrupt("expected a " + type.getSimpleName() + " at position " + index + " of a tuple, found "
                    + found);
        }
        return type.cast(args.get(index));
    }

    /** The Python type of an unpickled value, for messages. */
    static String pythonType(Object value) {
        if (value == null) {
            return "None";
        } else if (value instanceof String) {
            return "str";
        } else if (value instanceof Long || value instanceof BigInteger) {
            return "int";
        } else if (value instanceof Double) {
            return "float";
        } else if (value instanceof Boolean) {
            return "bool";
        } else if (value instanceof Map) {
            return "dict";
        } else if (value instanceof ArrayList) {
            return "list";
        } else if (value instanceof List) {
            return "tuple";
        } else if (value instanceof TensorView) {
            return "tensor";
        } else if (value instanceof StorageRef) {
            return "storage";
        }
        return ((AllowedGlobal) value).qualifiedName();
    }

    private Object readLong(int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        // Pickle's LONG1 is two's complement little-endian; BigInteger wants big-endian.
        for (int i = 0; i < length / 2; i++) {
            byte b = bytes[i];
            bytes[i] = bytes[length - 1 - i];
            bytes[length - 1 - i] = b;
        }
        BigInteger value = length == 0 ? BigInteger.ZERO : new BigInteger(bytes);
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private String readUtf8(long length) {
        if (length < 0 || length > in.remaining()) {
            throw corrupt("a string claims " + Long.toUnsignedString(length) + " bytes but the pickle has only "
                    + in.remaining() + " left");
        }
        byte[] bytes = new byte[(int) length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A newline-terminated ASCII argument, as GLOBAL has. */
    private String readLine() {
        StringBuilder line = new StringBuilder();
        for (byte b = in.get(); b != '\n'; b = in.get()) {
            line.append((char) (b & 0xff));
        }
        return line.toString();
    }

    private Object memoGet(long index) {
        if (!memo.containsKey(index)) {
            throw corrupt("memo entry " + index + " is read before it is written");
        }
        return memo.get(index);
    }

    private void push(Object value) {
        stack.add(value);
    }

    private Object peek() {
        if (stack.isEmpty()) {
            throw corrupt("an opcode at byte " + (in.position() - 1) + " needs a value but the stack is empty");
        }
        return stack.get(stack.size() - 1);
    }

    private Object pop() {
        Object top = peek();
        stack.remove(stack.size() - 1);
        return top;
    }

    private List<Object> popN(int n) {
        if (stack.size() - n < (marks.isEmpty() ? 0 : marks.get(marks.size() - 1))) {
            throw corrupt("an opcode at byte " + (in.position() - 1) + " needs " + n + " values");
        }
        List<Object> top = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
        stack.subList(stack.size() - n, stack.size()).clear();
        return top;
    }

    private List<Object> popMark() {
        if (marks.isEmpty()) {
            throw corrupt("an opcode at byte " + (in.position() - 1) + " needs a MARK but there is none");
        }
        int mark = marks.remove(marks.size() - 1);
        return popN(stack.size() - mark);
    }

    private <T> T peekAs(Class<T> type, String opcode) {
        return as(peek(), type, opcode);
    }

    private <T> T popAs(Class<T> type, String opcode) {
        return as(pop(), type, opcode);
    }

    private <T> T as(Object value, Class<T> type, String opcode) {
        if (!type.isInstance(value)) {
            throw corrupt(opcode + " at byte " + (in.position() - 1) + " expects a " + type.getSimpleName()
                    + " but finds type " + pythonType(value));
        }
        return type.cast(value);
    }

    private ModelException corrupt(String problem) {
        return new ModelException(file, "corrupt pickle: " + problem);
    }
}
