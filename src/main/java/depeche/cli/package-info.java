/**
 * The {@code depeche} command line (picocli): one class per command ({@code run}, {@code translate},
 * {@code summarize}, {@code models list|fetch|verify}, {@code memory import|export|stats}); options shared by
 * several commands are mixins ({@code GenerationOptions}, {@code SentenceLimitOption}, {@code OfflineOption},
 * {@code ModelOption}, {@code ModelsDirOption}, {@code MemoryOptions}, {@code MemoryFileOption}) and are checked
 * while parsing, before any model is fetched. Exit codes: 0 success, 1 some articles failed, 2 usage error or
 * unusable model folder, 3 internal error.
 */
package depeche.cli;
