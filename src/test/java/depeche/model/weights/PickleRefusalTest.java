package depeche.model.weights;

import static depeche.model.weights.PickleBytes.PROTO;
import static depeche.model.weights.PickleBytes.REDUCE;
import static depeche.model.weights.PickleBytes.STACK_GLOBAL;
import static depeche.model.weights.PickleBytes.STOP;
import static depeche.model.weights.PickleBytes.TUPLE1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.folder.ModelException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile pickles are refused, clearly and before anything of them is used. */
class PickleRefusalTest {
    @TempDir
    Path dir;

    /** {@code os.system("touch <marker>")}: had it run, the marker file would exist. */
    private byte[] systemCall(Path marker) {
        return new PickleBytes().op(PROTO, 2).global("posix", "system").string("touch " + marker)
                .op(TUPLE1, REDUCE, STOP).bytes();
    }

    @Test
    void zipNamingPosixSystemIsRefused() {
        Path marker = dir.resolve("pwned");
        Path file = TestFiles.torchZip(dir.resolve("pytorch_model.bin"), systemCall(marker));
        assertThatThrownBy(() -> PytorchCheckpoint.open(file)).isInstanceOf(ModelException.class)
                .hasMessage(file + ": refuses to load: the pickle names the global 'posix.system', "
                        + "which a tensor state dict never needs");
        assertThat(marker).doesNotExist();
    }

    @Test
    void legacyFileNamingPosixSystemIsRefused() {
        Path marker = dir.resolve("pwned");
        byte[] preamble = PickleBytes.legacyPreamble().bytes();
        byte[] attack = systemCall(marker);
        byte[] bytes = new byte[preamble.length + attack.length];
        System.arraycopy(preamble, 0, bytes, 0, preamble.length);
        System.arraycopy(attack, 0, bytes, preamble.length, attack.length);
        Path file = TestFiles.write(dir.resolve("pytorch_model.bin"), bytes);
        assertThatThrownBy(() -> PytorchCheckpoint.open(file)).isInstanceOf(ModelException.class)
                .hasMessage(file + ": refuses to load: the pickle names the global 'posix.system', "
                        + "which a tensor state dict never needs");
        assertThat(marker).doesNotExist();
    }

    @Test
    void stackGlobalIsCheckedAsStrictly() {
        byte[] pickle = new PickleBytes().op(PROTO, 4).string("builtins").string("eval").op(STACK_GLOBAL)
                .string("__import__('os').system('true')").op(TUPLE1, REDUCE, STOP).bytes();
        Path file = TestFiles.torchZip(dir.resolve("eval.bin"), pickle);
        assertThatThrownBy(() -> PytorchCheckpoint.open(file)).isInstanceOf(ModelException.class)
                .hasMessage(file + ": refuses to load: the pickle names the global 'builtins.eval', "
                        + "which a tensor state dict never needs");
    }

    @Test
    void loadFromBytesIsRefusedSinceItRunsTorchLoad() {
        byte[] pickle = new PickleBytes().op(PROTO, 2).global("torch.storage", "_load_from_bytes")
                .string("").op(TUPLE1, REDUCE, STOP).bytes();
        Path file = TestFiles.torchZip(dir.resolve("nested.bin"), pickle);
        assertThatThrownBy(() -> PytorchCheckpoint.open(file)).isInstanceOf(ModelException.class)
                .hasMessageContaining("names the global 'torch.storage._load_from_bytes'");
    }

    @Test
    void opcodesAStateDictNeverUsesAreRefused() {
        // INST ('i') builds an instance of any class by name, the older way to call a global.
        byte[] pickle = new PickleBytes().op(PROTO, 2, '(').op('i').bytes();
        Path file = TestFiles.torchZip(dir.resolve("inst.bin"), pickle);
        assertThatThrownBy(() -> PytorchCheckpoint.open(file)).isInstanceOf(ModelException.class)
                .hasMessage(file + ": refuses to load: the pickle uses opcode 0x69 at byte 3, "
                        + "which a tensor state dict never needs");
    }

    @Test
    void aListThatContainsItselfIsNoDictKey() {
        // l = []; l.append(l); {l: 0}: hashing l would recurse forever
        byte[] pickle = new PickleBytes()
                .op(PROTO, 2, PickleBytes.EMPTY_DICT, ']', 'q', 0, 'h', 0, 'a', 'K', 0, 's', STOP).bytes();
        Path file = TestFiles.torchZip(dir.resolve("cycle.bin"), pickle);
        assertThatThrownBy(() -> PytorchCheckpoint.open(file)).isInstanceOf(ModelException.class)
                .hasMessage(file + ": corrupt pickle: a dict key is of type list");
    }

    @Test
    void aPickleWithoutStop() {
        byte[] pickle = new PickleBytes().op(PROTO, 2, PickleBytes.EMPTY_DICT).bytes();
        Path file = TestFiles.torchZip(dir.resolve("cut.bin"), pickle);
        assertThatThrownBy(() -> PytorchCheckpoint.open(file)).isInstanceOf(ModelException.class)
                .hasMessage(file + ": corrupt pickle: the pickle ends before its STOP opcode");
    }

    @Test
    void allowedGlobalsAreOnlyCalledAsTheyShouldBe() {
        byte[] pickle = new PickleBytes().op(PROTO, 2).global("torch", "FloatStorage").op(')', REDUCE, STOP).bytes();
        Path file = TestFiles.torchZip(dir.resolve("storage-call.bin"), pickle);
        assertThatThrownBy(() -> PytorchCheckpoint.open(file)).isInstanceOf(ModelException.class)
                .hasMessage(file + ": corrupt pickle: torch.FloatStorage is called, "
                        + "but it is only ever a storage type");
    }
}
