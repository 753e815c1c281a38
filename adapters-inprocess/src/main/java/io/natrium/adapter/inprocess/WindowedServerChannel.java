package io.natrium.adapter.inprocess;

import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;

/** Accepts only windowed clients, and gives each one a windowed server end. */
final class WindowedServerChannel extends LocalServerChannel {

    @Override
    protected LocalChannel newLocalChannel(LocalChannel peer) {
        if (!(peer instanceof WindowedLocalChannel windowed)) {
            // A plain local channel would write past every window; clients come through InProcessConnection.
            throw new IllegalArgumentException("in-process clients connect through InProcessConnection");
        }
        return new WindowedLocalChannel(this, windowed);
    }
}
