package io.natrium.application.account;

import io.natrium.domain.account.ResolvedStreamImport;

/** A stream import of an account, with the account it comes from: where its clients' subscriptions cast shadows. */
public record StreamImportSource(ResolvedStreamImport resolved, Account exporter) {
}
