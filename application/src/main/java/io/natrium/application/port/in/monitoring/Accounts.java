package io.natrium.application.port.in.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * /accountz: the names of the accounts, or one account in detail.
 *
 * @param systemAccount the system account's name, null when there is none
 * @param names         every account's name, null when one account was asked for
 * @param detail        the account asked for, null when none was
 */
public record Accounts(String serverId, Instant now, String systemAccount, List<String> names, AccountInfo detail) {
}
