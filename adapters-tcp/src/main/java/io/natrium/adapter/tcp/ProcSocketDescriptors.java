package io.natrium.adapter.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Finds the file descriptor of one of this process's TCP sockets from what Linux shows the process about itself: the
 * socket's inode in the kernel's socket tables ({@code /proc/self/net/tcp}, {@code tcp6}), by its ports and state,
 * then the descriptor that links to that inode ({@code /proc/self/fd}). The JDK shows a channel's descriptor only to
 * code its package is opened to, and opening it on the command line costs every start the JDK's archived module graph
 * (~100 ms of the JVM's start on a busy machine, docs/benchmarks.md).
 */
final class ProcSocketDescriptors {

    /** The kernel's TCP states, as /proc writes them. */
    static final String LISTEN = "0A";
    static final String ESTABLISHED = "01";

    private static final Path TABLES = Path.of("/proc/self/net");
    private static final Path DESCRIPTORS = Path.of("/proc/self/fd");
    private static final String SOCKET_LINK = "socket:[";

    private ProcSocketDescriptors() {
    }

    /** The listening socket bound to {@code local}'s port, or empty when not exactly one is found. */
    static OptionalInt listening(InetSocketAddress local) {
        return find(LISTEN, local.getPort(), 0);
    }

    /** The connected socket between these ports, or empty when not exactly one is found. */
    static OptionalInt connected(InetSocketAddress local, InetSocketAddress remote) {
        return find(ESTABLISHED, local.getPort(), remote.getPort());
    }

    private static OptionalInt find(String state, int localPort, int remotePort) {
        try {
            Set<String> inodes = new HashSet<>();
            for (String table : List.of("tcp", "tcp6")) {
                Path file = TABLES.resolve(table);
                if (Files.isReadable(file)) {
                    inodes.addAll(inodes(Files.readAllLines(file), state, localPort, remotePort));
                }
            }
            return inodes.size() == 1 ? descriptorOf(inodes.iterator().next()) : OptionalInt.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * The inodes of the rows in {@code state} between these ports (a remote port of 0 matches any); a row reads
     * {@code sl local_address rem_address st ... inode}, each address as {@code HEXADDRESS:HEXPORT}.
     */
    static Set<String> inodes(List<String> rows, String state, int localPort, int remotePort) {
        Set<String> inodes = new HashSet<>();
        for (String row : rows) {
            String[] columns = row.trim().split("\\s+");
            if (columns.length < 10 || !columns[3].equals(state)) {
                continue;
            }
            if (port(columns[1]) == localPort && (remotePort == 0 || port(columns[2]) == remotePort)) {
                inodes.add(columns[9]);
            }
        }
        return inodes;
    }

    private static int port(String address) {
        int colon = address.lastIndexOf(':');
        return colon < 0 ? -1 : Integer.parseInt(address.substring(colon + 1), 16);
    }

    private static OptionalInt descriptorOf(String inode) throws IOException {
        String link = SOCKET_LINK + inode + "]";
        OptionalInt found = OptionalInt.empty();
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(DESCRIPTORS)) {
            for (Path descriptor : descriptors) {
                String target;
                try {
                    target = Files.readSymbolicLink(descriptor).toString();
                } catch (IOException closedMeanwhile) {
                    continue;
                }
                if (target.equals(link)) {
                    if (found.isPresent()) {
                        // Two descriptors for one socket (a dup): which one the JDK holds is unknown.
                        return OptionalInt.empty();
                    }
                    found = OptionalInt.of(Integer.parseInt(descriptor.getFileName().toString()));
                }
            }
        }
        return found;
    }
}
