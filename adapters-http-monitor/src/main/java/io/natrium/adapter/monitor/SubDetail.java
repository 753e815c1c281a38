package io.natrium.adapter.monitor;

import io.natrium.application.port.in.monitoring.SubscriptionInfo;

/** nats-server's {@code SubDetail}: one subscription in /connz and /subsz. */
record SubDetail(
        @OmitEmpty String account,
        @OmitEmpty String accountTag,
        String subject,
        @OmitEmpty String qgroup,
        String sid,
        long msgs,
        @OmitEmpty long max,
        long cid) {

    static SubDetail of(SubscriptionInfo subscription) {
        return new SubDetail(subscription.account(), null, subscription.subject(), subscription.queue(),
                subscription.sid(), subscription.messages(), subscription.max(), subscription.clientId());
    }
}
