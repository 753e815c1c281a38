/**
 * The state behind each {@code ClientSession} and what sessions share: the server context, accounts and their
 * sublists, the client registry and statistics. The publish path (match, fan out, flush once per read) lives here.
 */
package io.natrium.application.session;
