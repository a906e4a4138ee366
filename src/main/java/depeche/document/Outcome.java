package depeche.document;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What became of one unit of work (a model input, a sentence, an article's summary): it succeeded with a
 * value, or it failed for a reason a person can read. Failures travel as values so that one bad unit never
 * takes its neighbours down: a batch hands back one outcome per unit, in order.
 *
 * @param <T> the value of a success
 */
public sealed interface Outcome<T> {

    /** The unit succeeded with {@code result}. */
    record Success<T>(T result) implements Outcome<T> {
        public Success {
            Objects.requireNonNull(result, "result");
        }
    }

    /** The unit failed; {@code reason} is one line saying why. */
    record Failure<T>(String reason) implements Outcome<T> {
        public Failure {
            Texts.requireNonBlank(reason, "reason");
        }
    }

    static <T> Outcome<T> success(T value) {
        return new Success<>(value);
    }

    static <T> Outcome<T> failure(String error) {
        return new Failure<>(error);
    }

    /** The value of a success; empty for a failure. */
    default Optional<T> value() {
        return this instanceof Success<T> s ? Optional.of(s.result()) : Optional.empty();
    }

    /** Why the unit failed; empty for a success. */
    default Optional<String> error() {
        return this instanceof Failure<T> f ? Optional.of(f.reason()) : Optional.empty();
    }

    /** The value changed by {@code change} on success; the same error on failure. */
    default <U> Outcome<U> map(Function<? super T, ? extends U> change) {
        return this instanceof Success<T> s ? success(change.apply(s.result())) : failure(((Failure<T>) this).reason());
    }

    /** The error prefixed with where it happened ("part 2 of 3: …"); a success is unchanged. */
    default Outcome<T> within(String where) {
        return this instanceof Failure<T> f ? failure(where + f.reason()) : this;
    }
}
