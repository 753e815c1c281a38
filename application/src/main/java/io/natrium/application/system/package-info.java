/**
 * The system account at work: the server's own client ({@code session.SystemClient}) publishing nats-server's events
 * and answering its request services, from one thread of its own with a bounded send queue. It sits above the
 * sessions and reads the monitoring in-ports, so that a reply carries the same read models the HTTP endpoints show.
 */
package io.natrium.application.system;
