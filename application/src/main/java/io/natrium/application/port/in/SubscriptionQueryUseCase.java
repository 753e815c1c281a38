package io.natrium.application.port.in;

import io.natrium.application.port.in.monitoring.QueryResult;
import io.natrium.application.port.in.monitoring.SubscriptionPage;
import io.natrium.application.port.in.monitoring.SubscriptionQuery;

/** Monitoring: sublist statistics and the subscriptions themselves (/subsz). */
public interface SubscriptionQueryUseCase {

    QueryResult<SubscriptionPage> subscriptions(SubscriptionQuery query);
}
