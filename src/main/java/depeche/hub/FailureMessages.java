package depeche.hub;

import java.nio.file.Path;

/** Turns a failed hub request into one line that says what happened and what to do. */
final class FailureMessages {
    private final FetchRequest request;
    private final Path target;
    private final HubEnvironment env;

    FailureMessages(FetchRequest request, Path target, HubEnvironment env) {
        this.request = request;
        this.target = target;
        this.env = env;
    }

    /** The advice for a machine that cannot download: fetch elsewhere, copy the folder here. */
    String copyAdvice() {
        return "download " + request.repo() + " on a machine with internet (" + request.fetchCommand()
                + ") and copy the folder to " + target + "/";
    }

    /** Asking for the file list failed. */
    FetchException listingFailed(HubException failure) {
        return new FetchException(target, switch (failure.kind) {
            case UNREACHABLE -> unreachable(failure);
            case GAVE_UP -> "asking " + env.endpoint() + " for the files of " + request.repo() + " "
                    + failure.getMessage() + ": try again later, or " + copyAdvice();
            case BAD_RESPONSE -> env.endpoint() + " sent an unusable file list for " + request.repo() + ": "
                    + failure.getMessage();
            case STATUS -> refused(failure, null);
        }, failure);
    }

    /** Downloading one file failed. */
    FetchException downloadFailed(String file, HubException failure) {
        return new FetchException(target, switch (failure.kind) {
            case UNREACHABLE -> unreachable(failure) + " (run the fetch again to resume where it stopped)";
            case GAVE_UP -> "downloading " + file + " from " + failure.uri.getHost() + " " + failure.getMessage()
                    + ": run the same command again to resume where it stopped";
            case BAD_RESPONSE -> "unusable answer for " + file + " from " + failure.uri.getHost() + ": "
                    + failure.getMessage();
            case STATUS -> refused(failure, file);
        }, failure);
    }

    private String unreachable(HubException failure) {
        return "cannot reach " + env.endpoint() + " (" + failure.getMessage() + "): " + copyAdvice();
    }

    /** An error status; {@code file} is null for the file list. */
    private String refused(HubException failure, String file) {
        String status = "HTTP " + failure.status + failure.errorMessage.map(text -> ": " + text).orElse("");
        String code = failure.errorCode.orElse("");
        String repo = request.repo();
        return switch (failure.status) {
            case 401 -> env.token().isPresent()
                    ? "the hub refused HF_TOKEN for " + repo + " (" + status + "): check that the token is valid"
                      + " and may read this repository"
                    : repo + " was not found on " + env.endpoint() + ", or it is private or gated (" + status
                      + "): check the name, or set HF_TOKEN to a token that may read it";
            case 403 -> code.equals("GatedRepo")
                    ? repo + " is gated (" + status + "): accept its conditions at " + env.endpoint() + "/" + repo
                      + " and set HF_TOKEN to a token of that account"
                    : "access to " + repo + " is forbidden (" + status + ")"
                      + (env.token().isPresent() ? ": check what HF_TOKEN may read" : ": set HF_TOKEN");
            case 404 -> code.equals("RevisionNotFound")
                    ? "revision " + request.revision() + " does not exist in " + repo + " (" + status + ")"
                    : file != null
                    ? file + " is listed but missing from " + repo + " (" + status + ")"
                    : repo + " was not found on " + env.endpoint() + " (" + status + "): check the name";
            default -> failure.uri.getHost() + " answered " + status + " for "
                    + (file != null ? file : "the file list of " + repo);
        };
    }
}
