package depeche.hub;

/**
 * A model depeche knows by a short name.
 *
 * @param name        the folder name under {@code models/} and the name {@code models fetch} takes
 * @param repo        the hub repository id, {@code owner/name}
 * @param revision    the pinned commit (or a branch where no commit could be pinned)
 * @param role        what the model does
 * @param isDefault   whether it is the model {@code run}, {@code translate} or {@code summarize} use for its role
 * @param description one line for people
 * @param files       which repository files to fetch
 */
public record CatalogEntry(String name, String repo, String revision, Role role, boolean isDefault,
                           String description, FileRequirements files) {

    /** The command that installs this model, as messages print it. */
    public String fetchCommand() {
        return "depeche models fetch " + name;
    }
}
