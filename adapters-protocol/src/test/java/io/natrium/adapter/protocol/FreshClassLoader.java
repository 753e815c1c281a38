package io.natrium.adapter.protocol;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * Loads the test class path itself instead of delegating to the application class loader, so that a test sees what
 * the classes it uses load, not hidden by what other tests in this JVM already loaded.
 */
final class FreshClassLoader extends URLClassLoader {

    FreshClassLoader() throws MalformedURLException {
        super(classPath(), ClassLoader.getPlatformClassLoader());
    }

    boolean loaded(String name) {
        return findLoadedClass(name) != null;
    }

    private static URL[] classPath() throws MalformedURLException {
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        URL[] urls = new URL[entries.length];
        for (int i = 0; i < entries.length; i++) {
            urls[i] = new File(entries[i]).toURI().toURL();
        }
        return urls;
    }
}
