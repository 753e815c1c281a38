package io.natrium.adapter.config.archfixture;

import io.natrium.application.service.archfixture.RouterImpl;

/** Deliberately bad: an adapter reaching past the ports into an application service. */
public class ConfigUsingService {
    public Object router() {
        return new RouterImpl();
    }
}
