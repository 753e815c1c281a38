package io.natrium.adapter.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.application.resolver.DirectoryResolver;
import io.natrium.testkit.jwt.TestJwt;
import io.natrium.testkit.jwt.TestNKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application's directory resolver over a real directory, as the full and cache resolvers run it. */
class DirectoryResolverTest {

    private static final TestNKey OPERATOR = TestNKey.operator();

    @TempDir
    Path dir;

    @Test
    void indexesWhatTheDirectoryHoldsAndHashesItAsNatsServer() throws Exception {
        TestNKey a = TestNKey.account();
        TestNKey b = TestNKey.account();
        String jwtA = account(a, 0);
        String jwtB = account(b, 0);
        Files.writeString(dir.resolve(a.publicKey() + ".jwt"), jwtA);
        Files.writeString(dir.resolve(b.publicKey() + ".jwt"), jwtB);

        DirectoryResolver resolver = DirectoryResolver.full(store(), false, 0);

        assertThat(resolver.jwts()).isEqualTo(Map.of(a.publicKey(), jwtA, b.publicKey(), jwtB));
        assertThat(resolver.hash()).isEqualTo(xor(sha256(jwtA), sha256(jwtB)));
        resolver.save(a.publicKey(), jwtB);
        assertThat(resolver.hash()).isEqualTo(new byte[32]);
    }

    @Test
    void savingTheSameJwtChangesNothingAndAnotherReplacesIt() throws Exception {
        TestNKey a = TestNKey.account();
        DirectoryResolver resolver = DirectoryResolver.full(store(), false, 0);
        String first = account(a, 0);

        assertThat(resolver.save(a.publicKey(), first)).isTrue();
        assertThat(resolver.save(a.publicKey(), first)).isFalse();
        String second = account(a, 0);
        assertThat(resolver.save(a.publicKey(), second)).isTrue();
        assertThat(Files.readString(dir.resolve(a.publicKey() + ".jwt"))).isEqualTo(second);
        assertThat(DirectoryResolver.full(store(), false, 0).load(a.publicKey())).isEqualTo(second);
    }

    @Test
    void theFullResolverRefusesPastItsLimitAndTheCacheEvictsTheLeastRecentlyUsed() throws Exception {
        TestNKey a = TestNKey.account();
        TestNKey b = TestNKey.account();
        TestNKey c = TestNKey.account();
        DirectoryResolver full = DirectoryResolver.full(DirectoryAccountJwtStore.open(dir.resolve("full")), false,
                1);
        full.save(a.publicKey(), account(a, 0));
        assertThatThrownBy(() -> full.save(b.publicKey(), account(b, 0))).hasMessage("jwt store is full");

        Path cached = dir.resolve("cache");
        DirectoryResolver cache = DirectoryResolver.cache(DirectoryAccountJwtStore.open(cached), 2);
        cache.save(a.publicKey(), account(a, 0));
        cache.save(b.publicKey(), account(b, 0));
        cache.load(a.publicKey());
        cache.save(c.publicKey(), account(c, 0));

        assertThat(cache.accounts()).containsExactlyInAnyOrder(a.publicKey(), c.publicKey());
        assertThat(files(cached)).containsExactlyInAnyOrder(a.publicKey() + ".jwt", c.publicKey() + ".jwt");
    }

    @Test
    void aCacheWithATtlDropsJwtsNotWrittenOrReadWithinItWhateverTheirExpiry() throws Exception {
        TestNKey read = TestNKey.account();
        TestNKey idle = TestNKey.account();
        TestNKey expired = TestNKey.account();
        AtomicLong now = new AtomicLong(1_000_000);
        DirectoryResolver cache = DirectoryResolver.cache(store(), 0, Duration.ofSeconds(10), now::get);
        cache.save(read.publicKey(), account(read, 0));
        cache.save(idle.publicKey(), account(idle, 0));
        cache.save(expired.publicKey(), account(expired, Instant.now().getEpochSecond() - 5));

        assertThat(cache.removeExpired(Instant.now().getEpochSecond())).isEmpty();
        now.addAndGet(6_000);
        cache.load(read.publicKey());
        now.addAndGet(4_000);
        assertThat(cache.removeStale()).containsExactlyInAnyOrder(idle.publicKey(), expired.publicKey());
        assertThat(files(dir)).containsExactly(read.publicKey() + ".jwt");
        now.addAndGet(6_000);
        assertThat(cache.removeStale()).containsExactly(read.publicKey());
        assertThat(cache.ttlCheckInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(DirectoryResolver.cache(store(), 0).ttlCheckInterval()).isNull();
    }

    @Test
    void deletingNeedsAllowDeleteAndKeepsTheFileAside() throws Exception {
        TestNKey a = TestNKey.account();
        DirectoryResolver locked = DirectoryResolver.full(store(), false, 0);
        locked.save(a.publicKey(), account(a, 0));
        assertThatThrownBy(() -> locked.delete(a.publicKey())).hasMessage("store is not set up to for delete");

        DirectoryResolver open = DirectoryResolver.full(store(), true, 0);
        open.delete(a.publicKey());

        assertThat(open.jwts()).isEmpty();
        assertThat(files(dir)).containsExactly(a.publicKey() + ".jwt.deleted");
    }

    @Test
    void aPreloadReplacesOnlyAnOlderJwt() throws Exception {
        TestNKey a = TestNKey.account();
        long now = Instant.now().getEpochSecond();
        String older = accountIssuedAt(a, now - 100);
        String newer = accountIssuedAt(a, now);
        DirectoryResolver resolver = DirectoryResolver.full(store(), false, 0);

        resolver.save(a.publicKey(), newer);
        assertThat(resolver.saveIfNewer(a.publicKey(), older)).isFalse();
        assertThat(resolver.load(a.publicKey())).isEqualTo(newer);
        resolver.save(a.publicKey(), older);
        assertThat(resolver.saveIfNewer(a.publicKey(), newer)).isTrue();
        assertThat(resolver.load(a.publicKey())).isEqualTo(newer);
    }

    @Test
    void expiredJwtsAreDropped() throws Exception {
        TestNKey a = TestNKey.account();
        TestNKey b = TestNKey.account();
        long now = Instant.now().getEpochSecond();
        DirectoryResolver resolver = DirectoryResolver.full(store(), false, 0);
        resolver.save(a.publicKey(), account(a, now - 5));
        resolver.save(b.publicKey(), account(b, now + 3600));

        assertThat(resolver.removeExpired(now)).containsExactly(a.publicKey());
        assertThat(resolver.accounts()).containsExactly(b.publicKey());
        assertThat(files(dir)).containsExactly(b.publicKey() + ".jwt");
    }

    @Test
    void aJwtWrittenByHandIsFoundWhenAskedForAndInForceWithoutBeingListed() throws Exception {
        TestNKey a = TestNKey.account();
        TestNKey held = TestNKey.account();
        TestNKey missing = TestNKey.account();
        DirectoryResolver resolver = DirectoryResolver.full(store(), false, 0);
        String heldJwt = account(held, 0);
        resolver.save(held.publicKey(), heldJwt);
        String jwt = account(a, 0);
        Files.writeString(dir.resolve(a.publicKey() + ".jwt"), jwt);

        assertThat(resolver.load(a.publicKey())).isNull();
        assertThat(resolver.loadFromDirectory(a.publicKey())).isEqualTo(jwt);
        assertThat(resolver.loadFromDirectory(missing.publicKey())).isNull();
        assertThat(resolver.jwts()).isEqualTo(Map.of(a.publicKey(), jwt, held.publicKey(), heldJwt));
        assertThat(resolver.accounts()).as("as nats-server's index, which the file never entered")
                .containsExactly(held.publicKey());
        assertThat(resolver.hash()).isEqualTo(sha256(heldJwt));

        String pushed = account(a, 0);
        resolver.save(a.publicKey(), pushed);
        assertThat(resolver.accounts()).containsExactlyInAnyOrder(held.publicKey(), a.publicKey());
        assertThat(resolver.jwts()).containsEntry(a.publicKey(), pushed);
    }

    private DirectoryAccountJwtStore store() throws IOException {
        return DirectoryAccountJwtStore.open(dir);
    }

    private static Stream<String> files(Path directory) throws IOException {
        try (Stream<Path> listed = Files.list(directory)) {
            return listed.map(path -> path.getFileName().toString()).toList().stream();
        }
    }

    private static String account(TestNKey account, long expires) {
        return TestJwt.sign(OPERATOR, TestJwt.claims(OPERATOR, account.publicKey(), "acc", "account",
                Map.of("limits", TestJwt.unlimitedAccount()), expires));
    }

    private static String accountIssuedAt(TestNKey account, long issuedAt) {
        Map<String, Object> claims = TestJwt.claims(OPERATOR, account.publicKey(), "acc", "account",
                Map.of("limits", TestJwt.unlimitedAccount()), 0);
        claims.put("iat", issuedAt);
        return TestJwt.sign(OPERATOR, claims);
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] xor(byte[] left, byte[] right) {
        byte[] result = new byte[left.length];
        for (int i = 0; i < left.length; i++) {
            result[i] = (byte) (left[i] ^ right[i]);
        }
        return result;
    }
}
