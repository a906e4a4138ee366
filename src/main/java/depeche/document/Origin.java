package depeche.document;

/** Where the English of a sentence pair comes from. */
public enum Origin {
    /** The translation model's output (computed in this run or reused from the translation memory). */
    MACHINE,
    /** A reviewer's correction, which later runs keep in place of the model's output. */
    REVIEWED
}
