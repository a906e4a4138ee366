/**
 * Getting models: the {@link depeche.hub.Catalog} of models known by name ({@code models/catalog.json}),
 * {@link depeche.hub.ModelFetcher} (the HuggingFace hub protocol: resumable downloads, checked against the hub's
 * checksums (unverified only when asked), never past their listed size, installed atomically with a
 * {@link depeche.hub.FetchManifest}), {@link depeche.hub.ModelResolver} (the folder a command
 * runs on, fetched on a first run unless offline), and {@link depeche.hub.InstalledModel} /
 * {@link depeche.hub.ModelVerifier} for {@code models list} and {@code models verify}. Which tokenizers and
 * model types a folder may hold is asked of {@code tokenize} and {@code model}.
 */
package depeche.hub;
