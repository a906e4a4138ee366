package depeche.hub;

import depeche.folder.ModelException;
import java.nio.file.Path;

/**
 * A model that could not be fetched. The message says what happened and what to do instead; the
 * command line prints it as one line and exits with code 2.
 */
public final class FetchException extends ModelException {
    public FetchException(Path modelDir, String problem) {
        super(modelDir, problem);
    }

    public FetchException(Path modelDir, String problem, Throwable cause) {
        super(modelDir, problem, cause);
    }
}
