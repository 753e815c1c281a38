package io.natrium.adapter.monitor;

/** One monitoring path: answers a request, or refuses a malformed parameter. */
@FunctionalInterface
interface Endpoint {

    MonitorResponse respond(MonitorRequest request) throws BadParameterException;
}
