package depeche.cli;

import depeche.hub.Catalog;
import depeche.hub.ConsoleFetchListener;
import depeche.hub.FetchRequest;
import depeche.hub.ModelFetcher;
import depeche.hub.TransferSettings;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code depeche models fetch}: downloads models from the HuggingFace hub. */
@Command(
        name = "fetch",
        mixinStandardHelpOptions = true,
        description = {
            "Downloads a model from the HuggingFace hub into the models folder (models/<name>/).",
            "Without NAME, fetches the default models that are missing. An interrupted fetch resumes where it"
                    + " stopped; every file is checked against the hub's sha256 or git blob id before the folder is"
                    + " installed, and no download may pass the size the hub lists for it.",
            "Honours HF_ENDPOINT (default https://huggingface.co), HF_TOKEN and HF_HUB_OFFLINE."
        })
final class ModelsFetchCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "NAME|REPO_ID",
            description = "A catalog name (e.g. opus-mt-fr-en, distilbart-cnn-12-6) or any hub repository id of a"
                    + " MarianMT/BART model (e.g. Helsinki-NLP/opus-mt-de-en, fetched into models/opus-mt-de-en/).")
    String model;

    @Option(names = "--revision", paramLabel = "R",
            description = "Branch, tag or commit to fetch (default: the catalog's pinned commit, or main).")
    String revision;

    @Option(names = "--force", description = "Fetch again even when the model folder exists, replacing it.")
    boolean force;

    @Option(names = "--allow-unverified",
            description = "Install files the hub (or mirror) lists no checksum for, recorded as unverified;"
                    + " without it such a fetch is refused.")
    boolean allowUnverified;

    @Mixin
    ModelsDirOption models;

    @Override
    public Integer call() {
        Catalog catalog = Catalog.load(models.dir);
        List<FetchRequest> requests;
        if (model == null) {
            if (revision != null) {
                throw new UsageException("--revision needs a NAME or REPO_ID");
            }
            requests = catalog.defaults().stream().map(FetchRequest::of).toList();
        } else {
            try {
                requests = List.of(FetchRequest.resolve(model, revision, catalog));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        ModelFetcher fetcher = new ModelFetcher(models.dir, ModelsCommand.hubEnvironment(), TransferSettings.DEFAULT,
                ConsoleFetchListener.forStderr());
        if (allowUnverified) {
            fetcher = fetcher.allowingUnverified();
        }
        for (FetchRequest request : requests) {
            fetcher.fetch(request, force);
        }
        return Main.EXIT_OK;
    }
}
