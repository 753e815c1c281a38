package io.natrium.application.system;

import io.natrium.application.account.Account;
import io.natrium.application.resolver.DirectoryResolver;
import io.natrium.application.resolver.ResolverException;
import io.natrium.application.security.OperatorTrust;
import io.natrium.application.server.ServerContext;
import io.natrium.application.session.Sessions;
import io.natrium.application.session.SystemClient;
import io.natrium.domain.auth.NKey;
import io.natrium.domain.auth.NKeyType;
import io.natrium.domain.jwt.AccountClaims;
import io.natrium.domain.jwt.AccountDeletion;
import io.natrium.domain.jwt.JwtDecoder;
import io.natrium.domain.jwt.JwtException;
import io.natrium.domain.jwt.OperatorClaims;
import io.natrium.domain.subject.Subject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claim services of the system account as nats-server 2.9.10 answers them: with a directory resolver
 * ({@code DirAccResolver.Start}, {@code CacheDirAccResolver.Start}) an account JWT pushed to
 * {@code $SYS.REQ.ACCOUNT.<acc>.CLAIMS.UPDATE} (or the older {@code $SYS.ACCOUNT.<acc>.CLAIMS.UPDATE}) or
 * {@code $SYS.REQ.CLAIMS.UPDATE} is stored and put in force, {@code CLAIMS.LIST} names the accounts held,
 * {@code CLAIMS.DELETE} deletes those an operator's request lists, and the full resolver answers
 * {@code CLAIMS.LOOKUP} ({@code CLAIMS.PACK} is {@link ResolverPeers}'s); with the memory resolver an update
 * replaces the JWT of an account nats-server has loaded ({@code accountClaimUpdate}). On the system thread.
 */
final class ClaimRequests {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimRequests.class);
    private static final int OK = 200;
    private static final int FAILED = 500;
    private static final int NEW_UPDATE_TOKENS = 6;
    private static final int OLD_UPDATE_TOKENS = 5;
    private static final int NEW_ACCOUNT_INDEX = 3;
    private static final int OLD_ACCOUNT_INDEX = 2;
    private static final String NOT_APPLICABLE = "n/a";

    private final ServerContext server;
    private final SystemSendQueue queue;
    /** The directory resolver; null for the memory resolver. */
    private final DirectoryResolver directory;
    private final String cacheWord;
    private final AccountExpiry expiry;

    ClaimRequests(ServerContext server, SystemSendQueue queue, DirectoryResolver directory, AccountExpiry expiry) {
        this.server = server;
        this.queue = queue;
        this.directory = directory;
        this.expiry = expiry;
        this.cacheWord = directory != null && directory.isCache() ? " cache" : "";
    }

    /** The resolver's own subscriptions, in nats-server's order; the memory resolver's come with the events. */
    void subscribeResolver(SystemClient client, SystemClient.Handler pack) {
        client.subscribe("$SYS.ACCOUNT.*.CLAIMS.UPDATE", this::updateForAccount);
        client.subscribe("$SYS.REQ.ACCOUNT.*.CLAIMS.UPDATE", this::updateForAccount);
        client.subscribe("$SYS.REQ.CLAIMS.UPDATE", this::update);
        if (!directory.isCache()) {
            client.subscribe("$SYS.REQ.ACCOUNT.*.CLAIMS.LOOKUP", this::lookup);
            client.subscribe("$SYS.REQ.CLAIMS.PACK", pack);
        }
        client.subscribe("$SYS.REQ.CLAIMS.LIST", this::list);
        client.subscribe("$SYS.REQ.CLAIMS.DELETE", this::delete);
    }

    /** {@code $SYS.REQ.ACCOUNT.<acc>.CLAIMS.UPDATE} and {@code $SYS.ACCOUNT.<acc>.CLAIMS.UPDATE}. */
    void updateForAccount(SystemClient.Received request) {
        String[] tokens = Subject.tokens(request.subject());
        String account;
        if (tokens.length == NEW_UPDATE_TOKENS) {
            account = tokens[NEW_ACCOUNT_INDEX];
        } else if (tokens.length == OLD_UPDATE_TOKENS) {
            account = tokens[OLD_ACCOUNT_INDEX];
        } else {
            LOG.debug("jwt update skipped due to bad subject {}", request.subject());
            return;
        }
        byte[] body = request.payload();
        if (directory == null) {
            memoryUpdate(request.reply(), account, body);
            return;
        }
        String jwt = new String(body, StandardCharsets.UTF_8);
        AccountClaims claims = decoded(request.reply(), directory.isCache() ? account : NOT_APPLICABLE,
                updateError(), jwt);
        if (claims == null) {
            return;
        }
        if (!directory.isCache()) {
            String invalid = invalid(claims);
            if (invalid != null) {
                respond(request.reply(), claims.data().subject(), "jwt validation failed", invalid);
                return;
            }
        }
        if (!claims.data().subject().equals(account)) {
            respond(request.reply(), account, updateError(), "subject does not match jwt content");
            return;
        }
        store(request.reply(), account, claims, jwt);
    }

    /** {@code $SYS.REQ.CLAIMS.UPDATE}: the account is the JWT's subject. */
    void update(SystemClient.Received request) {
        String jwt = new String(request.payload(), StandardCharsets.UTF_8);
        AccountClaims claims = decoded(request.reply(), NOT_APPLICABLE, updateError(), jwt);
        if (claims == null) {
            return;
        }
        store(request.reply(), claims.data().subject(), claims, jwt);
    }

    private void store(String reply, String account, AccountClaims claims, String jwt) {
        OperatorClaims operator = operator();
        if (operator != null && operator.strictSigningKeyUsage()
                && claims.data().issuer().equals(operator.data().subject())) {
            respond(reply, account, updateError(), "operator requires issuer to be a signing key");
            return;
        }
        if (directory.isCache() && directory.load(account) == null) {
            respond(reply, account, "jwt update cache skipped", null);
            return;
        }
        String invalid = invalid(claims);
        if (invalid != null) {
            respond(reply, account, "jwt" + (directory.isCache() ? " update cache" : "") + " validation failed",
                    invalid);
            return;
        }
        try {
            if (directory.save(account, jwt)) {
                applied(directory.jwts());
            }
        } catch (ResolverException e) {
            respond(reply, account, updateError(), e.getMessage());
            return;
        }
        respond(reply, account, directory.isCache() ? "jwt updated cache" : "jwt updated", null);
    }

    /** nats-server's {@code accountClaimUpdate} of the memory resolver: known accounts only. */
    private void memoryUpdate(String reply, String account, byte[] body) {
        if (body.length == 0) {
            respond(reply, account, "jwt update error", "request body is empty");
            return;
        }
        String jwt = new String(body, StandardCharsets.UTF_8);
        AccountClaims claims = decoded(reply, account, "jwt update resulted in error", jwt);
        if (claims == null) {
            return;
        }
        if (!claims.data().subject().equals(account)) {
            respond(reply, account, "jwt update resulted in error", "subject does not match jwt content");
            return;
        }
        if (!server.accountJwts().containsKey(account) || !server.registeredAccounts().contains(account)) {
            respond(reply, account, "jwt update skipped", null);
            return;
        }
        if (!OperatorTrust.trustedKeys(server.settings().operator()).contains(claims.data().issuer())
                || expiredOrInvalid(claims)) {
            respond(reply, account, "jwt update resulted in error", "account validation failed");
            return;
        }
        // The URL resolver's fetches add accounts from other threads, under the same lock.
        synchronized (server) {
            Map<String, String> jwts = server.accountJwts();
            if (!jwt.equals(jwts.get(account))) {
                Map<String, String> updated = new HashMap<>(jwts);
                updated.put(account, jwt);
                applied(updated);
                // Accounts it newly imports from are loaded with it, as nats-server's claim update looks them up.
                server.registeredAccounts().register(account, updated);
            }
        }
        respond(reply, account, "jwt updated", null);
    }

    /** {@code $SYS.REQ.ACCOUNT.<acc>.CLAIMS.LOOKUP}: the JWT held, raw; nothing when there is none. */
    void lookup(SystemClient.Received request) {
        if (request.reply().isEmpty()) {
            return;
        }
        String[] tokens = Subject.tokens(request.subject());
        if (tokens.length != NEW_UPDATE_TOKENS) {
            return;
        }
        String jwt = directory.load(tokens[NEW_ACCOUNT_INDEX]);
        if (jwt == null) {
            LOG.error("Merging resulted in error: open {}.jwt: no such file or directory", tokens[NEW_ACCOUNT_INDEX]);
            return;
        }
        sendRaw(request.reply(), jwt.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code $SYS.REQ.CLAIMS.LIST}: {@code {"data":[accounts],"server":…}}. */
    void list(SystemClient.Received request) {
        if (request.reply().isEmpty()) {
            return;
        }
        List<String> accounts = directory.accounts();
        LOG.debug("list request responded with {} account ids", accounts.size());
        queue.publish(request.reply(), null, header -> server.messages().claimList(header, accounts));
    }

    /**
     * {@code $SYS.REQ.CLAIMS.DELETE}: a generic JWT self-signed by an operator key listing {@code accounts}; the
     * system account is never deleted. Clients of a deleted account are closed as expired.
     */
    void delete(SystemClient.Received request) {
        String jwt = new String(request.payload(), StandardCharsets.UTF_8);
        String subject = "";
        String problem;
        List<String> accounts = List.of();
        try {
            AccountDeletion deletion = JwtDecoder.decodeDeletion(jwt);
            subject = deletion.data().subject();
            problem = deletionProblem(deletion);
            if (problem == null) {
                accounts = deletion.accounts();
            }
        } catch (JwtException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            respond(request.reply(), null, "delete accounts request by " + subject + " failed", problem);
            return;
        }
        List<String> errors = new ArrayList<>();
        int deleted = 0;
        for (String account : accounts) {
            try {
                directory.delete(account);
                deleted++;
            } catch (ResolverException e) {
                errors.add(e.getMessage());
            }
        }
        if (deleted > 0) {
            applied(directory.jwts());
        }
        if (errors.isEmpty()) {
            respond(request.reply(), null, "deleted " + deleted + " accounts", null);
        } else {
            respond(request.reply(), null, "deleted " + deleted + " accounts, failed for " + errors.size(),
                    String.join("\n", errors));
        }
    }

    private String deletionProblem(AccountDeletion deletion) {
        if (!directory.isCache() && !directory.allowsDelete()) {
            return "delete must be enabled in server config";
        }
        if (!deletion.data().isSelfSigned()) {
            return "not self signed";
        }
        if (!operatorKeys().contains(deletion.data().issuer())) {
            return "not trusted";
        }
        if (deletion.accounts() == null) {
            return "malformed request";
        }
        Account system = server.systemAccount();
        for (String account : deletion.accounts()) {
            if (account == null || account.isEmpty() || !isAccountKey(account)) {
                return "malformed request";
            }
            if (system != null && account.equals(system.name())) {
                return "not allowed to delete system account";
            }
        }
        return null;
    }

    /** nats-server's {@code getOperatorKeys}: the first operator's key (unless strict) and its signing keys. */
    private Set<String> operatorKeys() {
        Set<String> keys = new LinkedHashSet<>();
        OperatorClaims operator = operator();
        if (operator != null) {
            if (!operator.strictSigningKeyUsage()) {
                keys.add(operator.data().subject());
            }
            keys.addAll(operator.signingKeys());
        }
        return keys;
    }

    private OperatorClaims operator() {
        List<OperatorClaims> operators = OperatorTrust.operators(server.settings().operator());
        return operators.isEmpty() ? null : operators.get(0);
    }

    private String updateError() {
        return "jwt update" + cacheWord + " resulted in error";
    }

    /** The account claims of {@code jwt}; null when it does not decode as such, answered with {@code message}. */
    private AccountClaims decoded(String reply, String account, String message, String jwt) {
        try {
            return JwtDecoder.decodeAccount(jwt);
        } catch (JwtException e) {
            respond(reply, account, message, e.getMessage());
            return null;
        }
    }

    /** nats-server's {@code claimValidate}: the JWT library's blocking errors, times aside. */
    private static String invalid(AccountClaims claims) {
        try {
            claims.validateContent();
            return null;
        } catch (JwtException e) {
            return "validation errors: [" + e.getMessage() + "]";
        }
    }

    private static boolean isAccountKey(String key) {
        NKey parsed = NKey.parse(key);
        return parsed != null && parsed.type() == NKeyType.ACCOUNT;
    }

    private static boolean expiredOrInvalid(AccountClaims claims) {
        try {
            claims.validate(System.currentTimeMillis() / 1000);
            return false;
        } catch (JwtException e) {
            return true;
        }
    }

    /**
     * nats-server's {@code respondToUpdate}: logged (a debug line, or an error line with the error), and answered
     * when there is a reply subject; {@code error} null for success.
     */
    private void respond(String reply, String account, String message, String error) {
        String named = account == null ? message : message + " - " + account;
        if (error == null) {
            LOG.debug("{}", named);
        } else {
            LOG.error("{} - {}", named, error);
        }
        if (reply.isEmpty()) {
            return;
        }
        int code = error == null ? OK : FAILED;
        String text = error == null ? message : message + " - " + error;
        queue.publish(reply, null, header -> server.messages().claimUpdate(header, account, code, text));
    }

    /** The changed JWTs in force, for clients too, and their expiries watched. */
    private void applied(Map<String, String> jwts) {
        Sessions.applyAccountJwts(server, jwts);
        expiry.check();
    }

    private void sendRaw(String reply, byte[] payload) {
        queue.publish(reply, null, header -> payload);
    }
}
