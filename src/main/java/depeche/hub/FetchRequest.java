package depeche.hub;

import java.util.stream.Collectors;

/**
 * One model to fetch.
 *
 * @param name     the folder name under {@code models/}
 * @param repo     the hub repository id
 * @param revision the branch, tag or commit to fetch
 * @param files    which files of the repository to take
 */
public record FetchRequest(String name, String repo, String revision, FileRequirements files) {
    /** The revision HF's tools fetch when none is given. */
    public static final String DEFAULT_REVISION = "main";

    /** A catalog model at its pinned revision. */
    public static FetchRequest of(CatalogEntry entry) {
        return new FetchRequest(entry.name(), entry.repo(), entry.revision(), entry.files());
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
        CatalogEntry entry = catalog.named(nameOrRepo).or(() -> catalog.forRepo(nameOrRepo)).orElse(null);
        if (entry != null) {
            return new FetchRequest(entry.name(), entry.repo(), revision != null ? revision : entry.revision(),
                    entry.files());
        }
        if (!SafeNames.isRepoId(nameOrRepo)) {
            throw new IllegalArgumentException("'" + nameOrRepo + "' is neither a model of the catalog ("
                    + catalog.entries().stream().map(CatalogEntry::name).collect(Collectors.joining(", "))
                    + ") nor a hub repository id (owner/name)");
        }
        String name = nameOrRepo.substring(nameOrRepo.indexOf('/') + 1);
        return new FetchRequest(name, nameOrRepo, revision != null ? revision : DEFAULT_REVISION,
                FileRequirements.ANY_SUPPORTED_MODEL);
    }
}
