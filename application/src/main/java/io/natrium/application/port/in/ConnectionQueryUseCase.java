package io.natrium.application.port.in;

import io.natrium.application.port.in.monitoring.ConnectionPage;
import io.natrium.application.port.in.monitoring.ConnectionQuery;
import io.natrium.application.port.in.monitoring.QueryResult;

/**
 * Monitoring: open and recently closed client connections (/connz), filtered, sorted and paged. Reads what the
 * connections publish for other threads; never waits for a connection's thread.
 */
public interface ConnectionQueryUseCase {

    QueryResult<ConnectionPage> connections(ConnectionQuery query);
}
