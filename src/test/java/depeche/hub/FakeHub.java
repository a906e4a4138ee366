package depeche.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The HuggingFace hub's download endpoints on loopback, serving repositories made of test files:
 * {@code GET /api/models/{repo}/revision/{rev}[?blobs=true]} and {@code GET /{repo}/resolve/{rev}/{file}},
 * LFS files redirected to a second server (another origin, like the hub's CDN), Range requests,
 * and misbehaviour on demand. Every request is recorded.
 */
public final class FakeHub implements AutoCloseable {
    /** The commit every repository is at. */
    public static final String COMMIT = "3f1c0a9d2b7e4c58a6d1e0f9b8c7a6d5e4f3a2b1";
    private static final Pattern INFO = Pattern.compile("/api/models/([^/]+/[^/]+)/revision/([^/]+)");
    private static final Pattern RESOLVE = Pattern.compile("/([^/]+/[^/]+)/resolve/([^/]+)/(.+)");
    private static final Pattern BLOB = Pattern.compile("/blobs/([0-9a-f]{64})");
    /** Stored in LFS, as the hub's default .gitattributes says. */
    private static final Duration TRICKLE_PAUSE = Duration.ofMillis(100);
    private static final Set<String> LFS_SUFFIXES = Set.of(".safetensors", ".bin", ".h5", ".msgpack", ".ot", ".spm");

    /** A request as the server saw it. */
    public record Request(String server, String path, Map<String, String> headers) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase()));
        }
    }

    /** Something a download does wrong once, then behaves. */
    private sealed interface Trouble {
    }

    /** Announces the whole length, sends this many bytes, and closes the connection. */
    private record Cut(int afterBytes) implements Trouble {
    }

    /** Sends this many bytes, then nothing until the hub is closed. */
    private record Stall(int afterBytes) implements Trouble {
    }

    /** Sends the file in pieces 100 ms apart, spread over at least this long: slow, but never idle for long. */
    private record Trickle(Duration atLeast) implements Trouble {
    }

    /** Sends the file, then {@code extraBytes} more; announces the true length or none (chunked). */
    private record Longer(int extraBytes, boolean announced) implements Trouble {
    }

    /** Sends the file over and over without end (chunked), until the client goes away. */
    private record Endless() implements Trouble {
    }

    private record Failure(int status, String errorCode) {
    }

    /** What a repository's file list tells about each file. */
    public enum Listing {
        /** As the hub with {@code ?blobs=true}: size, blob id, and lfs {sha256, size} for LFS files. */
        FULL,
        /** Sizes only, as a mirror that keeps no checksums. */
        SIZES_ONLY,
        /** File names only. */
        NAMES_ONLY,
        /** LFS files have an {@code lfs} object with their size but no sha256; every file has its blob id. */
        LFS_WITHOUT_SHA256
    }

    private final HttpServer hub;
    private final HttpServer cdn;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Repo> repos = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Trouble>> troubles = new ConcurrentHashMap<>();
    private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();
    private final Map<String, Long> bytesServed = new ConcurrentHashMap<>();
    private volatile String requiredToken;
    /** Released when the hub closes: what stalls "for ever" waits for it, so no test depends on how long it sleeps. */
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean holdAnswers;
    private volatile boolean endlessListings;

    private FakeHub() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        hub = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        cdn = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        hub.createContext("/", exchange -> handle("hub", exchange));
        cdn.createContext("/", exchange -> handle("cdn", exchange));
        hub.setExecutor(threads);
        cdn.setExecutor(threads);
        hub.start();
        cdn.start();
    }

    public static FakeHub start() {
        try {
            return new FakeHub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value for HF_ENDPOINT. */
    public String endpoint() {
        return "http://" + hub.getAddress().getHostString() + ":" + hub.getAddress().getPort();
    }

    /** Serves every file of {@code folder} as repository {@code id}. */
    public Repo addRepo(String id, Path folder) {
        Repo repo = new Repo(id);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                repo.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        repos.put(id, repo);
        return repo;
    }

    /** Every request seen so far. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Requests whose path ends with {@code suffix}. */
    public List<Request> requestsEndingWith(String suffix) {
        return requests().stream().filter(request -> request.path().endsWith(suffix)).toList();
    }

    /** The requests that fetched the bytes of {@code file} (from the hub or the CDN). */
    public List<Request> downloadsOf(String repo, String file) {
        String sha = repos.get(repo).sha256(file);
        boolean lfs = repos.get(repo).isLfs(file);
        return requests().stream().filter(request -> lfs ? request.path().equals("/blobs/" + sha)
                : request.path().endsWith("/resolve/" + COMMIT + "/" + file)).toList();
    }

    /** Body bytes sent for {@code file} of {@code repo} (or for its file lists: "listing"), over all requests. */
    public long bytesServed(String repo, String file) {
        return bytesServed.getOrDefault(id(repo, file), 0L);
    }

    private static String id(String repo, String file) {
        return repo + "/" + file;
    }

    /** The next download of {@code file} is cut after {@code afterBytes}. */
    public void cutOnce(String file, int afterBytes) {
        trouble(file, new Cut(afterBytes));
    }

    /** The next download of {@code file} stops sending after {@code afterBytes}, until the hub is closed. */
    public void stallOnce(String file, int afterBytes) {
        trouble(file, new Stall(afterBytes));
    }

    /** The next download of {@code file} sends {@code extraBytes} past its end, saying so or (chunked) not. */
    public void longerOnce(String file, int extraBytes, boolean announced) {
        trouble(file, new Longer(extraBytes, announced));
    }

    /** The next download of {@code file} never ends. */
    public void endlessOnce(String file) {
        trouble(file, new Endless());
    }

    /** Every file list this hub sends never ends: a JSON object that is never closed. */
    public void endlessListings() {
        endlessListings = true;
    }

    /** The next download of {@code file} comes in pieces 100 ms apart, taking at least {@code atLeast}. */
    public void trickleOnce(String file, Duration atLeast) {
        trouble(file, new Trickle(atLeast));
    }

    /** The next {@code times} requests whose path contains {@code pathPart} get {@code status}. */
    public void fail(String pathPart, int status, String errorCode, int times) {
        Deque<Failure> queue = failures.computeIfAbsent(pathPart, key -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(new Failure(status, errorCode));
        }
    }

    /** Every hub request needs {@code Authorization: Bearer token} (a private repository). */
    public void requireToken(String token) {
        requiredToken = token;
    }

    /** From now on no answer comes until the hub is closed: requests are taken and held. */
    public void holdAnswers() {
        holdAnswers = true;
    }

    private void trouble(String file, Trouble trouble) {
        troubles.computeIfAbsent(file, key -> new ArrayDeque<>()).add(trouble);
    }

    @Override
    public void close() {
        closing.countDown();
        hub.stop(0);
        cdn.stop(0);
        threads.shutdownNow();
    }

    /** A repository: its files in listing order and what its listing says about them. */
    public final class Repo {
        private final String id;
        private final Map<String, byte[]> files = new LinkedHashMap<>();
        private final Map<String, String> listedSha256 = new HashMap<>();
        private final List<String> listedOnly = new ArrayList<>();
        private final Map<String, byte[]> servedInstead = new HashMap<>();
        private final Map<String, Long> listedSize = new HashMap<>();
        private volatile Listing listing = Listing.FULL;
        private volatile byte[] listingBody;

        private Repo(String id) {
            this.id = id;
        }

        /** Adds or replaces a file. */
        public Repo put(String name, byte[] content) {
            files.put(name, content);
            listedSha256.put(name, hex("SHA-256", content));
            return this;
        }

        public Repo remove(String name) {
            files.remove(name);
            listedSha256.remove(name);
            return this;
        }

        /** The listing announces a wrong sha256 for {@code name}. */
        public Repo lieAboutSha256(String name) {
            listedSha256.put(name, "0".repeat(64));
            return this;
        }

        /** {@code name} is listed as it is, but served with its first byte changed (same size). */
        public Repo tamperWith(String name) {
            byte[] changed = files.get(name).clone();
            changed[0] ^= 1;
            servedInstead.put(name, changed);
            return this;
        }

        /** What the file list tells about each file. */
        public Repo listing(Listing listing) {
            this.listing = listing;
            return this;
        }

        /** The file list is {@code body}, whatever the repository holds. */
        public Repo listingBody(String body) {
            listingBody = body.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** The listing announces {@code size} for {@code name}, whatever it holds. */
        public Repo lieAboutSize(String name, long size) {
            listedSize.put(name, size);
            return this;
        }

        /** The listing names a file that is not served (e.g. {@code ../evil}). */
        public Repo listAlso(String name) {
            listedOnly.add(name);
            return this;
        }

        String sha256(String name) {
            return hex("SHA-256", files.get(name));
        }

        boolean isLfs(String name) {
            return LFS_SUFFIXES.stream().anyMatch(name::endsWith);
        }

        private String blobId(byte[] content) {
            byte[] header = ("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII);
            byte[] all = new byte[header.length + content.length];
            System.arraycopy(header, 0, all, 0, header.length);
            System.arraycopy(content, 0, all, header.length, content.length);
            return hex("SHA-1", all);
        }

        private byte[] listing(boolean blobs) throws IOException {
            if (listingBody != null) {
                return listingBody;
            }
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = json.createObjectNode().put("id", id).put("modelId", id).put("sha", COMMIT)
                    .put("private", requiredToken != null);
            ArrayNode siblings = root.putArray("siblings");
            files.forEach((name, content) -> {
                ObjectNode sibling = siblings.addObject().put("rfilename", name);
                long size = listedSize.getOrDefault(name, (long) content.length);
                if (blobs && listing != Listing.NAMES_ONLY) {
                    sibling.put("size", size);
                }
                if (blobs && (listing == Listing.FULL || listing == Listing.LFS_WITHOUT_SHA256)) {
                    if (isLfs(name)) {
                        String pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:" + listedSha256.get(name)
                                + "\nsize " + content.length + "\n";
                        sibling.put("blobId", blobId(pointer.getBytes(StandardCharsets.US_ASCII)));
                        ObjectNode lfs = sibling.putObject("lfs").put("size", size).put("pointerSize", pointer.length());
                        if (listing == Listing.FULL) {
                            lfs.put("sha256", listedSha256.get(name));
                        }
                    } else {
                        sibling.put("blobId", blobId(content));
                    }
                }
            });
            listedOnly.forEach(name -> siblings.addObject().put("rfilename", name).put("size", 1));
            return json.writeValueAsBytes(root);
        }
    }

    private void handle(String server, HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            String path = exchange.getRequestURI().getRawPath();
            requests.add(new Request(server, path, headers));
            if (holdAnswers) {
                awaitClosing();
            }
            Failure failure = nextFailure(path);
            if (failure != null) {
                error(exchange, failure.status(), failure.errorCode(), "injected failure");
            } else if (server.equals("cdn")) {
                serveBlob(exchange, path);
            } else if (requiredToken != null && !("Bearer " + requiredToken).equals(headers.get("authorization"))) {
                error(exchange, 401, null, headers.containsKey("authorization")
                        ? "Invalid credentials in Authorization header" : "Invalid username or password.");
            } else {
                serveHub(exchange, path);
            }
        } catch (IOException e) {
            // The client went away (we may have cut it ourselves).
        }
    }

    private Failure nextFailure(String path) {
        for (Map.Entry<String, Deque<Failure>> entry : failures.entrySet()) {
            if (path.contains(entry.getKey())) {
                Failure failure = entry.getValue().poll();
                if (failure != null) {
                    return failure;
                }
            }
        }
        return null;
    }

    private void serveHub(HttpExchange exchange, String path) throws IOException {
        Matcher info = INFO.matcher(path);
        Matcher resolve = RESOLVE.matcher(path);
        if (info.matches()) {
            Repo repo = repoAt(exchange, info.group(1), decode(info.group(2)));
            if (repo != null && endlessListings) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, 0);
                OutputStream body = exchange.getResponseBody();
                body.write("{\"siblings\": [".getBytes(StandardCharsets.US_ASCII));
                byte[] spaces = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                while (true) {
                    body.write(spaces); // until the client goes away
                    bytesServed.merge(id(info.group(1), "listing"), (long) spaces.length, Long::sum);
                }
            } else if (repo != null) {
                String query = Optional.ofNullable(exchange.getRequestURI().getQuery()).orElse("");
                send(exchange, 200, "application/json", repo.listing(query.contains("blobs=true")));
            }
        } else if (resolve.matches()) {
            Repo repo = repoAt(exchange, resolve.group(1), decode(resolve.group(2)));
            String file = decode(resolve.group(3));
            if (repo == null) {
                return;
            }
            byte[] content = repo.files.get(file);
            if (content == null) {
                error(exchange, 404, "EntryNotFound", "Entry not found");
                return;
            }
            Headers out = exchange.getResponseHeaders();
            out.set("X-Repo-Commit", COMMIT);
            if (repo.isLfs(file)) {
                // The hub redirects LFS files to its CDN, naming the object by its sha256.
                out.set("X-Linked-Etag", "\"" + repo.sha256(file) + "\"");
                out.set("X-Linked-Size", Integer.toString(content.length));
                out.set("Location", "http://" + cdn.getAddress().getHostString() + ":" + cdn.getAddress().getPort()
                        + "/blobs/" + repo.sha256(file));
                exchange.sendResponseHeaders(302, -1);
            } else {
                out.set("ETag", "\"" + repo.blobId(content) + "\"");
                serveBytes(exchange, repo, file);
            }
        } else {
            error(exchange, 404, null, "Not found");
        }
    }

    private void serveBlob(HttpExchange exchange, String path) throws IOException {
        Matcher blob = BLOB.matcher(path);
        if (blob.matches()) {
            for (Repo repo : repos.values()) {
                for (String file : repo.files.keySet()) {
                    if (repo.sha256(file).equals(blob.group(1))) {
                        serveBytes(exchange, repo, file);
                        return;
                    }
                }
            }
        }
        error(exchange, 404, null, "no such object");
    }

    /** Serves a file, honouring {@code Range: bytes=N-} and any trouble queued for it. */
    private void serveBytes(HttpExchange exchange, Repo repo, String file) throws IOException {
        byte[] content = repo.servedInstead.getOrDefault(file, repo.files.get(file));
        int start = 0;
        String range = exchange.getRequestHeaders().getFirst("Range");
        if (range != null) {
            Matcher matcher = Pattern.compile("bytes=(\\d+)-").matcher(range);
            if (!matcher.matches()) {
                error(exchange, 400, null, "unsupported range " + range);
                return;
            }
            start = Integer.parseInt(matcher.group(1));
            if (start >= content.length) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
                exchange.sendResponseHeaders(416, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Range",
                    "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
        }
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        int length = content.length - start;
        Trouble trouble = Optional.ofNullable(troubles.get(file)).map(Deque::poll).orElse(null);
        long announced = trouble instanceof Longer longer ? (longer.announced() ? length + longer.extraBytes() : 0)
                : trouble instanceof Endless ? 0 : length;
        exchange.sendResponseHeaders(range != null ? 206 : 200, announced);
        OutputStream body = exchange.getResponseBody();
        String key = id(repo.id, file);
        if (trouble instanceof Longer longer) {
            write(body, content, start, length, key);
            byte[] piece = new byte[64 * 1024];
            for (int sent = 0; sent < longer.extraBytes(); sent += piece.length) {
                write(body, piece, 0, Math.min(piece.length, longer.extraBytes() - sent), key);
            }
        } else if (trouble instanceof Endless) {
            while (true) {
                write(body, content, 0, content.length, key); // until the client goes away
            }
        } else if (trouble instanceof Cut cut) {
            write(body, content, start, Math.min(cut.afterBytes(), length), key);
            body.flush();
            sleep(Duration.ofMillis(50)); // let the client take the bytes before the connection drops
            throw new IOException("cut on purpose"); // closes the connection short of Content-Length
        } else if (trouble instanceof Stall stall) {
            write(body, content, start, Math.min(stall.afterBytes(), length), key);
            body.flush();
            awaitClosing();
            throw new IOException("stalled on purpose");
        } else if (trouble instanceof Trickle trickle) {
            // Pauses only ever last longer than asked: the whole takes at least as long as asked.
            int pieces = (int) Math.max(1, trickle.atLeast().toMillis() / TRICKLE_PAUSE.toMillis());
            int piece = Math.max(1, (length + pieces - 1) / pieces);
            for (int sent = 0; sent < length; sent += piece) {
                sleep(TRICKLE_PAUSE);
                write(body, content, start + sent, Math.min(piece, length - sent), key);
                body.flush();
            }
        } else {
            write(body, content, start, length, key);
        }
    }

    private void write(OutputStream body, byte[] content, int offset, int length, String key) throws IOException {
        body.write(content, offset, length);
        bytesServed.merge(key, (long) length, Long::sum);
    }

    /** The repository if it exists at that revision; otherwise answers the error as the hub does. */
    private Repo repoAt(HttpExchange exchange, String id, String revision) throws IOException {
        Repo repo = repos.get(id);
        if (repo == null) {
            error(exchange, 404, "RepoNotFound", "Repository not found");
            return null;
        }
        if (!revision.equals("main") && !revision.equals(COMMIT)) {
            error(exchange, 404, "RevisionNotFound", "Invalid rev id: " + revision);
            return null;
        }
        return repo;
    }

    private static void error(HttpExchange exchange, int status, String errorCode, String message) throws IOException {
        if (errorCode != null) {
            exchange.getResponseHeaders().set("X-Error-Code", errorCode);
        }
        exchange.getResponseHeaders().set("X-Error-Message", message);
        send(exchange, status, "application/json",
                ("{\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private void awaitClosing() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String hex(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
