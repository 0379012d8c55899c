package org.relaydoctor.dns;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.xbill.DNS.Type;

/// A real dnsmasq on 127.0.0.1 with the test zones of `src/test/dns/test-zones.conf`, on a free port (the same
/// number free for UDP and TCP). Started by the tests themselves; `close()` stops it.
public final class Dnsmasq implements AutoCloseable {
    public static final Path ZONES = Path.of("src/test/dns/test-zones.conf");
    private final Process process;
    private final int port;
    private final Path log;

    private Dnsmasq(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static Dnsmasq start(Path workDir) throws IOException, InterruptedException {
        Path binary = Path.of("/usr/sbin/dnsmasq");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("dnsmasq is not installed: apt-get install dnsmasq-base (see .ci/run)");
        }
        int port = freePort();
        Path log = workDir.resolve("dnsmasq.log");
        Process p = new ProcessBuilder(binary.toString(), "--keep-in-foreground", "--conf-file=" + ZONES.toAbsolutePath(),
                "--port=" + port, "--pid-file=", "--user=" + System.getProperty("user.name"), "--log-facility=-",
                "--log-queries")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Dnsmasq d = new Dnsmasq(p, port, log);
        d.awaitReady();
        return d;
    }

    private void awaitReady() throws IOException, InterruptedException {
        DnsLookup lookup = lookup(Duration.ofMillis(300));
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dnsmasq exited: " + Files.readString(log));
            }
            if (lookup.query("smtp.good.test", Type.A).status() == DnsStatus.FOUND) {
                return;
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("dnsmasq did not answer: " + Files.readString(log));
    }

    /// A port free for both UDP and TCP on 127.0.0.1, away from the usual ones.
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no free port for dnsmasq");
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /// `127.0.0.1:PORT`, as `--dns-server` takes it.
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    public DnsLookup lookup(Duration timeout) throws IOException {
        return DnsLookup.using(address(), timeout);
    }

    public List<String> log() throws IOException {
        return Files.readAllLines(log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
