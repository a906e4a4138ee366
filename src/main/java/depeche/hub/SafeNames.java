package depeche.hub;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Names that come from the hub or the catalog end up as paths on disk. A hostile or broken server
 * (HF_ENDPOINT may point at any mirror) must not make us write outside the model folder.
 */
final class SafeNames {
    /** A folder name under {@code models/}: no separators, no leading dot (dot-names are our own). */
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** {@code owner/name} as the hub spells repository ids. */
    private static final Pattern REPO_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*");

    private SafeNames() {
    }

    static boolean isModelName(String name) {
        return MODEL_NAME.matcher(name).matches() && !name.contains("..");
    }

    static boolean isRepoId(String repo) {
        return REPO_ID.matcher(repo).matches() && !repo.contains("..");
    }

    /**
     * Whether a repository file name stays inside the folder it is written to: relative, forward
     * slashes only, and no empty, {@code .} or {@code ..} segment.
     */
    static boolean isRelativeFileName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0
                || name.contains(":")) {
            return false;
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** {@code dir/name}, checked again after path normalisation so no name can escape {@code dir}. */
    static Path resolveInside(Path dir, String name) {
        if (!isRelativeFileName(name)) {
            throw new IllegalArgumentException("unsafe file name '" + name + "'");
        }
        Path base = dir.toAbsolutePath().normalize();
        Path file = base.resolve(name).normalize();
        if (!file.startsWith(base) || file.equals(base)) {
            throw new IllegalArgumentException("unsafe file name '" + name + "'");
        }
        return file;
    }
}
