package depeche.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** The native environment defaults {@link TorchRuntime} sets before libtorch loads, and that a user's value wins. */
class TorchRuntimeTest {

    @Test
    void aDefaultReachesNativeCodeWhenTheUserSetNothing() {
        assumeTrue(System.getProperty("os.name").toLowerCase().startsWith("linux"), "glibc setenv/getenv");
        String name = "DEPECHE_TEST_DEFAULT_" + ProcessHandle.current().pid();

        TorchRuntime.setDefaultEnvironment(name, "1");

        assertThat(TorchRuntime.nativeEnvironment(name)).isEqualTo("1");
    }

    @Test
    void aValueTheUserSetIsKept() {
        assumeTrue(System.getProperty("os.name").toLowerCase().startsWith("linux"), "glibc setenv/getenv");
        String userSet = System.getenv().keySet().stream().filter(k -> k.equals("PATH") || k.equals("HOME"))
                .findFirst().orElseThrow();
        String before = System.getenv(userSet);

        TorchRuntime.setDefaultEnvironment(userSet, "/nowhere");

        assertThat(TorchRuntime.nativeEnvironment(userSet)).isEqualTo(before);
    }
}
