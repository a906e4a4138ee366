package depeche.hub;

import java.util.stream.Collectors;

/**
 * One model to fetch.
 *
 * @param name         the folder name under {@code models/}
 * @param repo         the hub repository id
 * @param revision     the branch, tag or commit to fetch
 * @param files        which files of the repository to take
 * @param fetchCommand the {@code depeche models fetch} command that asks for this, as messages print it
 */
public record FetchRequest(String name, String repo, String revision, FileRequirements files, String fetchCommand) {
    /** The revision HF's tools fetch when none is given. */
    public static final String DEFAULT_REVISION = "main";
    private static final String COMMAND = "depeche models fetch ";

    /** A request for {@code repo} at {@code revision}, asked for by its repository id. */
    public FetchRequest(String name, String repo, String revision, FileRequirements files) {
        this(name, repo, revision, files, COMMAND + repo
                + (revision.equals(DEFAULT_REVISION) ? "" : " --revision " + revision));
    }

    /** A catalog model at its pinned revision. */
    public static FetchRequest of(CatalogEntry entry) {
        return new FetchRequest(entry.name(), entry.repo(), entry.revision(), entry.files(), entry.fetchCommand());
    }

    /**
     * What {@code models fetch NAME|REPO_ID [--revision R]} asks for: a catalog name, the repository
     * of a catalog model (fetched under its catalog name), or any repository id, fetched into a
     * folder named after its last part with the files any MarianMT/BART model needs.
     *
     * @param revision the revision asked for, or null for the catalog's pin (or {@code main})
     * @throws IllegalArgumentException when {@code nameOrRepo} is neither
     */
    public static FetchRequest resolve(String nameOrRepo, String revision, Catalog catalog) {
        String command = COMMAND + nameOrRepo + (revision != null ? " --revision " + revision : "");
        CatalogEntry entry = catalog.named(nameOrRepo).or(() -> catalog.forRepo(nameOrRepo)).orElse(null);
        if (entry != null) {
            return new FetchRequest(entry.name(), entry.repo(), revision != null ? revision : entry.revision(),
                    entry.files(), command);
        }
        if (!SafeNames.isRepoId(nameOrRepo)) {
            throw new IllegalArgumentException("'" + nameOrRepo + "' is neither a model of the catalog ("
                    + catalog.entries().stream().map(CatalogEntry::name).collect(Collectors.joining(", "))
                    + ") nor a hub repository id (owner/name)");
        }
        String name = nameOrRepo.substring(nameOrRepo.indexOf('/') + 1);
        return new FetchRequest(name, nameOrRepo, revision != null ? revision : DEFAULT_REVISION,
                FileRequirements.ANY_SUPPORTED_MODEL, command);
    }
}
