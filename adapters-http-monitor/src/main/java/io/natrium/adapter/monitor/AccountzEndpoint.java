package io.natrium.adapter.monitor;

import io.natrium.application.port.in.AccountQueryUseCase;
import io.natrium.application.port.in.monitoring.AccountImport;
import io.natrium.application.port.in.monitoring.AccountInfo;
import io.natrium.application.port.in.monitoring.Accounts;
import io.natrium.application.port.in.monitoring.MappedDestination;
import io.natrium.application.port.in.monitoring.QueryResult;
import io.natrium.domain.jwt.ValidationIssue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** /accountz: the account names, or with {@code acc} one account in detail. */
final class AccountzEndpoint implements Endpoint {

    private final AccountQueryUseCase accounts;
    private final HttpRequestStats requests;
    private final ZoneId local;

    AccountzEndpoint(AccountQueryUseCase accounts, HttpRequestStats requests) {
        this(accounts, requests, ZoneId.systemDefault());
    }

    AccountzEndpoint(AccountQueryUseCase accounts, HttpRequestStats requests, ZoneId local) {
        this.accounts = accounts;
        this.requests = requests;
        this.local = local;
    }

    @Override
    public MonitorResponse respond(MonitorRequest request) {
        requests.count(MonitorPaths.ACCOUNTZ);
        QueryResult<Accounts> result = accounts.accounts(request.parameter("acc"));
        if (result instanceof QueryResult.Rejected<Accounts> rejected) {
            return MonitorResponse.badRequest(rejected.reason());
        }
        Accounts answer = ((QueryResult.Answer<Accounts>) result).value();
        return MonitorResponse.json(GoJson.indented(new AccountzJson(answer.serverId(), answer.now(),
                answer.systemAccount(), answer.names(), answer.detail() == null ? null : detail(answer.detail(), local))));
    }

    static AccountzJson.AccountDetail detail(AccountInfo account) {
        return detail(account, ZoneId.systemDefault());
    }

    /** {@code local} is Go's {@code time.Local}, the zone nats-server's revocation times are written in. */
    static AccountzJson.AccountDetail detail(AccountInfo account, ZoneId local) {
        return new AccountzJson.AccountDetail(account.name(), account.updated(), account.system(), account.expired(),
                account.complete(), account.jetStream(), account.leafConnections(), account.clientConnections(),
                account.subscriptions(), mappings(account.mappings()),
                account.exports().stream().map(AccountzExports::export).toList(),
                account.imports().stream().map(AccountzExports::imported).toList(), account.jwt().jwt(),
                account.jwt().issuerKey(), account.jwt().nameTag(), account.jwt().tags(),
                GoClaimsNodes.of(account.jwt().decoded()), issues(account.jwt().issues()),
                revocations(account.jwt().revokedUsers(), local), SublistStatsJson.of(account.sublist()), responses(account.responses()));
    }

    private static List<AccountzJson.VrIssue> issues(List<ValidationIssue> issues) {
        return issues.stream().map(issue -> new AccountzJson.VrIssue(issue.description(), issue.blocking(),
                issue.timeCheck())).toList();
    }

    /** nats-server turns each revocation's Unix seconds into a {@code time.Unix}, a local time. */
    private static Map<String, OffsetDateTime> revocations(Map<String, Instant> revoked, ZoneId local) {
        Map<String, OffsetDateTime> shown = new TreeMap<>();
        revoked.forEach((user, until) -> shown.put(user, OffsetDateTime.ofInstant(until, local)));
        return shown;
    }

    /** Go writes a map's keys sorted. */
    private static Map<String, AccountzExports.ExtImport> responses(Map<String, AccountImport> responses) {
        Map<String, AccountzExports.ExtImport> shown = new TreeMap<>();
        responses.forEach((mapped, response) -> shown.put(mapped, AccountzExports.response(response)));
        return shown;
    }

    private static Map<String, List<AccountzJson.MapDest>> mappings(
            Map<String, List<MappedDestination>> mappings) {
        Map<String, List<AccountzJson.MapDest>> shown = new TreeMap<>();
        mappings.forEach((source, destinations) -> shown.put(source, destinations.stream()
                .map(destination -> new AccountzJson.MapDest(destination.subject(), destination.weight(),
                        destination.cluster()))
                .toList()));
        return shown;
    }
}
