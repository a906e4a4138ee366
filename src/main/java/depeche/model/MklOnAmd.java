package depeche.model;

import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Lets the Intel MKL inside libtorch run its fast kernels on AMD processors.
 *
 * <p>MKL (statically linked into libtorch_cpu, which does every matrix product here) asks
 * {@code mkl_serv_intel_cpu_true()} whether the processor is an Intel one and, on any other, takes its generic
 * code path (AVX2 kernels that re-pack the weight matrix on every call, where this AMD EPYC has AVX-512).
 * libtorch_cpu exports that function and calls it through its PLT (an {@code R_X86_64_JUMP_SLOT} relocation), so
 * a definition loaded globally before libtorch takes its place: the well-known remedy ({@code LD_PRELOAD} of a
 * one-line library) done from inside the process. MKL still checks the processor's features itself, so it only
 * picks kernels the processor has. Measured with {@code MKL_VERBOSE=1} on the 2-core AMD EPYC, one sentence at a
 * time (4 rows), median per call: the vocabulary projection (4 × 512 by 512 × 59514) 6.2 ms instead of 11.4, the
 * 512 × 512 projections 0.072 ms instead of 0.121, the 2048-wide ones 0.23 instead of 0.45. The ids are
 * unchanged (the golden tests, and {@code depeche bench --expect-ids} against HF's ids).
 *
 * <p>The definition is a shared object of a few hundred bytes written here (no compiler, nothing shipped as a
 * binary): one exported function, {@code mov eax, 1; ret}. Only on Linux x86-64 with an AMD processor, before
 * libtorch loads; {@code DEPECHE_MKL_ON_AMD=generic} in the environment keeps MKL's own choice.
 */
final class MklOnAmd {
    /** The environment variable that turns this off ({@code generic}). */
    static final String SWITCH = "DEPECHE_MKL_ON_AMD";
    static final String SYMBOL = "mkl_serv_intel_cpu_true";

    private static final int RTLD_NOW = 2;
    private static final int RTLD_GLOBAL = 0x100;
    /** Kept for the life of the process: the library must stay loaded. */
    private static NativeLibrary loaded;

    private MklOnAmd() {
    }

    /**
     * Applies it when it fits this machine and libtorch has not loaded yet.
     *
     * @return whether the definition is now in place
     */
    static synchronized boolean apply() {
        if (loaded != null) {
            return true;
        }
        if ("generic".equalsIgnoreCase(System.getenv(SWITCH)) || !fitsThisMachine()) {
            return false;
        }
        try {
            int memory = memoryFile();
            Path file = memory >= 0 ? Path.of("/proc/self/fd/" + memory) : Files.createTempFile("depeche-mkl-", ".so");
            try {
                Files.write(file, sharedObject(SYMBOL));
                loaded = NativeLibrary.getInstance(file.toString(),
                        Map.of(Library.OPTION_OPEN_FLAGS, RTLD_NOW | RTLD_GLOBAL));
            } finally {
                // the mapping stays after the file is gone
                if (memory >= 0) {
                    DynamicLoaderLock.libc().getFunction("close").invokeInt(new Object[] {memory});
                } else {
                    Files.deleteIfExists(file);
                }
            }
            return true;
        } catch (IOException | RuntimeException | LinkageError e) {
            return false; // MKL keeps its generic path: slower, same results
        }
    }

    /**
     * A file in memory ({@code memfd_create}, Linux 3.17, glibc 2.27) to write the definition into, or -1. Not a
     * temporary file: {@code Files.createTempFile} draws its name from {@code SecureRandom}, whose security
     * providers take 20 ms to set up on the engine's thread, just before libtorch loads.
     */
    private static int memoryFile() {
        try {
            return DynamicLoaderLock.libc().getFunction("memfd_create").invokeInt(new Object[] {"depeche-mkl", 0});
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }

    private static boolean fitsThisMachine() {
        String arch = System.getProperty("os.arch", "");
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return false;
        }
        try {
            return Files.readString(Path.of("/proc/cpuinfo")).contains("AuthenticAMD");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A minimal ELF64 x86-64 shared object exporting one function {@code symbol} that returns 1: ELF header,
     * four program headers (text, dynamic section, its page, a non-executable stack), a SysV hash table, the dynamic symbol and
     * string tables and the code in the first page; the dynamic section alone in a writable second page (glibc
     * before 2.35 writes into it while loading).
     */
    static byte[] sharedObject(String symbol) {
        final int phdrs = 4;
        final int hash = 64 + phdrs * 56;                  // nbucket, nchain, bucket[1], chain[2]: 5 words
        final int dynsym = hash + 5 * 4 + 4;              // 8-aligned: two 24-byte entries
        final int dynstr = dynsym + 2 * 24;
        byte[] names = ("\0" + symbol + "\0").getBytes(StandardCharsets.US_ASCII);
        final int text = (dynstr + names.length + 15) & ~15;
        final byte[] code = {(byte) 0xB8, 1, 0, 0, 0, (byte) 0xC3}; // mov eax, 1; ret
        final int textEnd = text + code.length;
        final int dynamic = 0x1000;
        final int dynamicSize = 6 * 16;
        ByteBuffer b = ByteBuffer.allocate(dynamic + dynamicSize).order(ByteOrder.LITTLE_ENDIAN);
        // ELF header
        b.put(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        b.putShort((short) 3).putShort((short) 62).putInt(1);   // ET_DYN, EM_X86_64, EV_CURRENT
        b.putLong(0).putLong(64).putLong(0);                    // entry, program headers, no section headers
        b.putInt(0).putShort((short) 64).putShort((short) 56).putShort((short) phdrs);
        b.putShort((short) 64).putShort((short) 0).putShort((short) 0);
        // program headers: type, flags, offset, vaddr, paddr, filesz, memsz, align
        programHeader(b, 1, 5, 0, textEnd, 0x1000);                         // PT_LOAD r-x
        programHeader(b, 1, 6, dynamic, dynamicSize, 0x1000);               // PT_LOAD rw-
        programHeader(b, 2, 6, dynamic, dynamicSize, 8);                    // PT_DYNAMIC
        programHeader(b, 0x6474E551, 6, 0, 0, 16);                          // PT_GNU_STACK rw-: no executable stack
        b.position(hash);
        b.putInt(1).putInt(2).putInt(1).putInt(0).putInt(0);            // one bucket → symbol 1, chains end
        b.position(dynsym);
        b.put(new byte[24]);                                            // the null symbol
        b.putInt(1).put((byte) 0x12).put((byte) 0).putShort((short) 1)  // name, GLOBAL FUNC, default, section 1
                .putLong(text).putLong(code.length);
        b.position(dynstr);
        b.put(names);
        b.position(text);
        b.put(code);
        b.position(dynamic);
        b.putLong(4).putLong(hash);                                     // DT_HASH
        b.putLong(5).putLong(dynstr);                                   // DT_STRTAB
        b.putLong(6).putLong(dynsym);                                   // DT_SYMTAB
        b.putLong(10).putLong(names.length);                            // DT_STRSZ
        b.putLong(11).putLong(24);                                      // DT_SYMENT
        b.putLong(0).putLong(0);                                        // DT_NULL
        return b.array();
    }

    private static void programHeader(ByteBuffer b, int type, int flags, long offset, long size, long align) {
        b.putInt(type).putInt(flags).putLong(offset).putLong(offset).putLong(offset).putLong(size).putLong(size)
                .putLong(align);
    }
}
