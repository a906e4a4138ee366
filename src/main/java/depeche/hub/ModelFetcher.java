package depeche.hub;

import depeche.folder.ModelException;
import depeche.folder.ModelFiles;
import depeche.text.OneLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Fetches a model from the hub into {@code models/<name>/}: lists the repository at one commit,
 * picks the files the model needs, downloads them (resuming what an earlier run left, never past the size the
 * list gives or a ceiling for the kind of file), checks each against the hub's sha256 or git blob id, and
 * installs the folder atomically with a manifest.
 *
 * <p>A file the list gives no checksum for cannot be checked: such a fetch is refused unless unverified files
 * are allowed ({@code --allow-unverified}), and the manifest then records them as unverified.
 */
public final class ModelFetcher {
    private final Path modelsDir;
    private final HubEnvironment env;
    private final TransferSettings settings;
    private final FetchListener listener;
    private final boolean allowUnverified;

    public ModelFetcher(Path modelsDir, HubEnvironment env, TransferSettings settings, FetchListener listener) {
        this(modelsDir, env, settings, listener, false);
    }

    private ModelFetcher(Path modelsDir, HubEnvironment env, TransferSettings settings, FetchListener listener,
                         boolean allowUnverified) {
        this.modelsDir = modelsDir;
        this.env = env;
        this.settings = settings;
        this.listener = listener;
        this.allowUnverified = allowUnverified;
    }

    /** This fetcher, installing files the hub lists no checksum for (recorded as unverified) instead of refusing. */
    public ModelFetcher allowingUnverified() {
        return new ModelFetcher(modelsDir, env, settings, listener, true);
    }

    /**
     * Installs the model unless it is already there.
     *
     * @param replace fetch again even when the folder exists, replacing it once the new one is complete
     * @return the model folder
     * @throws FetchException with a message for people when the model cannot be fetched
     */
    public Path fetch(FetchRequest request, boolean replace) {
        Path target = modelsDir.resolve(request.name());
        FailureMessages messages = new FailureMessages(request, target, env);
        if (!env.endpoint().matches("https?://[^/]+.*")) {
            throw new FetchException(target, "HF_ENDPOINT '" + env.endpoint() + "' is not an http(s) URL");
        }
        if (env.offline()) {
            throw new FetchException(target, "HF_HUB_OFFLINE is set, so nothing is downloaded: unset it, or "
                    + messages.copyAdvice());
        }
        if (Files.exists(target) && !replace) {
            List<String> missing = ModelLayout.missing(target);
            if (!missing.isEmpty()) {
                throw new FetchException(target, "the folder exists but lacks " + String.join(", ", missing)
                        + ": pass --force to fetch the model again, replacing it");
            }
            listener.alreadyInstalled(target);
            return target;
        }
        try {
            HubClient client = new HubClient(env, settings, listener::retrying);
            RepoListing listing = listing(client, request, messages);
            List<RepoFile> files = filesToFetch(request, listing, target);
            FetchManifest manifest = download(client, request, listing, files, target, messages, replace);
            listener.installed(target, manifest);
            return target;
        } catch (IOException e) {
            throw new FetchException(target, "cannot write the model under " + modelsDir + ": " + OneLine.of(e), e);
        } finally {
            listener.finished();
        }
    }

    private static RepoListing listing(HubClient client, FetchRequest request, FailureMessages messages) {
        try {
            return client.listing(request.repo(), request.revision());
        } catch (HubException e) {
            throw messages.listingFailed(e);
        }
    }

    /** The files to download, config.json first (to refuse an unsupported model early), then smallest first. */
    private List<RepoFile> filesToFetch(FetchRequest request, RepoListing listing, Path target) {
        for (String name : listing.names()) {
            if (!SafeNames.isRelativeFileName(name)) {
                throw new FetchException(target, env.endpoint() + " lists a file named '" + name + "' in "
                        + request.repo() + ", which would land outside the model folder: refusing to fetch");
            }
        }
        FileRequirements.Selection selection = request.files().select(listing.names());
        List<String> missing = new ArrayList<>(selection.unmet());
        missing.addAll(ModelLayout.missing(new HashSet<>(selection.files())));
        if (!missing.isEmpty()) {
            throw new FetchException(target, request.repo() + " at " + request.revision() + " has no "
                    + String.join(", no ", missing.stream().distinct().toList())
                    + ": depeche runs MarianMT and BART models in HuggingFace layout");
        }
        List<RepoFile> files = selection.files().stream().map(name -> listing.file(name).orElseThrow())
                .sorted(Comparator.comparing((RepoFile file) -> !file.name().equals("config.json"))
                        .thenComparingLong(RepoFile::size))
                .toList();
        for (RepoFile file : files) {
            if (file.size() > DownloadLimit.ceiling(file.name())) {
                throw new FetchException(target, env.endpoint() + " lists " + file.name() + " of " + request.repo()
                        + " as " + ByteSize.format(file.size()) + ", more than the " + ByteSize.format(
                        DownloadLimit.ceiling(file.name())) + " depeche accepts for such a file: refusing to fetch");
            }
        }
        List<String> unverified = files.stream().filter(file -> file.checksum() == ListedChecksum.NONE)
                .map(RepoFile::name).sorted().toList();
        if (!unverified.isEmpty() && !allowUnverified) {
            throw new FetchException(target, env.endpoint() + " lists no checksum (sha256 or git blob id) for "
                    + String.join(", ", unverified) + " of " + request.repo() + ", so the download could not be"
                    + " verified: use a mirror that lists them, or install it unverified with `"
                    + request.fetchCommand() + " --allow-unverified`");
        }
        return files;
    }

    private FetchManifest download(HubClient client, FetchRequest request, RepoListing listing, List<RepoFile> files,
                                   Path target, FailureMessages messages, boolean replace) throws IOException {
        Files.createDirectories(modelsDir);
        try (StagingFolder staging = StagingFolder.open(modelsDir, request.name(), listing.commit())) {
            long total = files.stream().mapToLong(file -> Math.max(0, file.size())).sum();
            long present = 0;
            for (RepoFile file : files) {
                present += Math.min(sizeOf(staging.file(file.name())), Math.max(0, file.size()));
            }
            listener.planned(request, listing.commit(), target, files, total, present);
            List<FetchManifest.Entry> entries = new ArrayList<>();
            for (RepoFile file : files) {
                Path partial = staging.file(file.name());
                String sha256 = downloadVerified(client, listing, file, partial, target, messages);
                entries.add(new FetchManifest.Entry(file.name(), Files.size(partial), sha256, file.checksum()));
                if (file.name().equals("config.json")) {
                    checkModelType(partial, request, target);
                }
                listener.fileDone(file);
            }
            FetchManifest manifest = new FetchManifest(request.repo(), request.revision(), listing.commit(),
                    env.endpoint(), Instant.now().toString(), entries);
            staging.install(target, manifest, replace);
            return manifest;
        }
    }

    /** Downloads (or resumes) one file and checks it against what the list gives; returns its sha256. */
    private String downloadVerified(HubClient client, RepoListing listing, RepoFile file, Path partial, Path target,
                                    FailureMessages messages) throws IOException {
        long have = sizeOf(partial);
        if (file.size() >= 0 && have > file.size()) {
            Files.delete(partial);
            have = 0;
        }
        listener.fileStarted(file, have);
        // A file of the full size was downloaded by an earlier run that stopped before checking it.
        if (!Files.exists(partial) || file.size() < 0 || have < file.size()) {
            try {
                client.download(listing.repo(), listing.commit(), file.name(), partial, DownloadLimit.of(file),
                        bytes -> listener.progress(file, bytes));
            } catch (HubException e) {
                throw messages.downloadFailed(file.name(), e);
            }
        }
        String sha256 = Digests.sha256(partial);
        Optional<String> problem = problem(file, partial, sha256);
        if (problem.isPresent()) {
            Files.delete(partial);
            throw new FetchException(target, file.name() + " from " + env.endpoint() + " " + problem.get()
                    + ": the download was deleted and nothing was installed");
        }
        return sha256;
    }

    /** How the downloaded file differs from what the hub's file list announced, if it does. */
    private static Optional<String> problem(RepoFile file, Path partial, String sha256) throws IOException {
        long size = Files.size(partial);
        if (file.size() >= 0 && size != file.size()) {
            return Optional.of("has " + size + " bytes where the hub lists " + file.size());
        }
        if (file.sha256().isPresent() && !file.sha256().get().equals(sha256)) {
            return Optional.of("has sha256 " + sha256 + " where the hub lists " + file.sha256().get());
        }
        if (file.checksum() == ListedChecksum.GIT_BLOB_ID) {
            String blob = Digests.gitBlobSha1(partial);
            if (!file.gitBlobId().get().equals(blob)) {
                return Optional.of("has git blob id " + blob + " where the hub lists " + file.gitBlobId().get());
            }
        }
        return Optional.empty();
    }

    /** Refuses a model depeche cannot run before its weights are downloaded. */
    private static void checkModelType(Path config, FetchRequest request, Path target) {
        String type;
        try {
            type = ModelFiles.readJsonObject(config).path("model_type").asText("");
        } catch (ModelException e) {
            throw new FetchException(target, "the config.json of " + request.repo() + " is unusable: "
                    + e.problem(), e);
        }
        if (!ModelLayout.supported(type)) {
            throw new FetchException(target, request.repo() + " is a model of type '" + type
                    + "'; depeche runs " + ModelLayout.supportedTypes() + " models");
        }
    }

    private static long sizeOf(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }
}
