/**
 * A model folder's files and their errors, below every package that reads them ({@code model},
 * {@code model.weights}, {@code tokenize}, {@code generate}, {@code hub}, {@code cli}):
 * {@link depeche.folder.ModelFiles} reads a file of the folder and turns every failure into a
 * {@link depeche.folder.ModelException}, whose message is one line naming the file and the problem.
 */
package depeche.folder;
