package io.natrium.application.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Deliberately bad: the application touching Jackson. */
public class ApplicationUsingJackson {
    public Object mapper() {
        return new ObjectMapper();
    }
}
