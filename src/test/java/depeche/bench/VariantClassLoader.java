package depeche.bench;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Loads depeche's classes from its own folders before asking its parent, so two revisions of them can run side by
 * side in one JVM. Everything else, DJL and its native library included, is the parent's and shared.
 */
final class VariantClassLoader extends URLClassLoader {
    VariantClassLoader(Path mainClasses, Path testClasses) throws MalformedURLException {
        super(new URL[] {mainClasses.toUri().toURL(), testClasses.toUri().toURL()},
                VariantClassLoader.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith("depeche.")) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                type = findClass(name);
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }
}
