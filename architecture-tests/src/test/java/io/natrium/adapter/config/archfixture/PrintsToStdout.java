package io.natrium.adapter.config.archfixture;

/** Deliberately bad: an adapter printing instead of logging. */
public class PrintsToStdout {
    public void report(String text) {
        System.out.println(text);
    }
}
