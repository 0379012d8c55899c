package org.relaydoctor.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/// A server on 127.0.0.1 that misbehaves on purpose, byte by byte: silent, endless, slow, rude or garbled.
/// It counts the connections it accepted and the bytes it wrote, and notices when the client closes a
/// connection (end of stream on this side), so a test can prove that cancelling closed the sockets.
public final class RawServer implements AutoCloseable {
    /// What the server does with one connection.
    @FunctionalInterface
    public interface Behaviour {
        void serve(Conversation c) throws IOException;
    }

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong written = new AtomicLong();
    private final Semaphore clientClosed = new Semaphore(0);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private RawServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        Thread.ofVirtual().name("raw-server-" + server.getLocalPort()).start(this::acceptLoop);
    }

    public static RawServer start(Behaviour behaviour) throws IOException {
        return new RawServer(behaviour);
    }

    public int port() {
        return server.getLocalPort();
    }

    /// Connections accepted so far.
    public int accepted() {
        return accepted.get();
    }

    /// Bytes written to all clients so far.
    public long written() {
        return written.get();
    }

    /// Waits up to `max` until the client has closed `count` connections; false if it has not.
    public boolean awaitClientClosed(int count, Duration max) throws InterruptedException {
        return clientClosed.tryAcquire(count, max.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                accepted.incrementAndGet();
                open.add(s);
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            Conversation c = new Conversation(s);
            try {
                behaviour.serve(c);
            } catch (IOException e) {
                // the client went away while the behaviour wrote or read: noticed below
            }
            if (c.hungUp) {
                return;
            }
            // whatever the behaviour did, stay until the client closes (or the test ends)
            s.setSoTimeout(0);
            InputStream in = s.getInputStream();
            while (in.read() >= 0) {
                // swallow
            }
            clientClosed.release();
        } catch (IOException e) {
            clientClosed.release(); // reset by the client: closed too
        } finally {
            open.remove(s);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // best effort
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    /// One connection as the behaviour sees it.
    public final class Conversation {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean hungUp;

        Conversation(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /// Sends text as it is (add CRLF yourself).
        public void write(String text) throws IOException {
            write(text.getBytes(StandardCharsets.UTF_8));
        }

        public void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
            written.addAndGet(bytes.length);
        }

        /// Sends one reply line with CRLF.
        public void line(String text) throws IOException {
            write(text + "\r\n");
        }

        /// Sends `text` one byte at a time, `pause` apart.
        public void dribble(byte[] bytes, Duration pause) throws IOException {
            for (byte b : bytes) {
                write(new byte[] {b});
                LockSupport.parkNanos(pause.toNanos());
                if (closed) {
                    return;
                }
            }
        }

        /// The next line from the client without CRLF; null at end of stream (the client closed).
        public String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    clientClosed.release();
                    hungUp = true;
                    return null;
                }
                if (b == '\n') {
                    String s = line.toString(StandardCharsets.UTF_8);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                line.write(b);
            }
        }

        /// Reads client lines until one starts with `verb` (case-insensitive); answers the others with 250.
        public String until(String verb) throws IOException {
            String l;
            while ((l = readLine()) != null) {
                if (l.regionMatches(true, 0, verb, 0, verb.length())) {
                    return l;
                }
                line("250 2.0.0 Ok");
            }
            return null;
        }

        /// A plain, well-behaved greeting and EHLO answer (no AUTH, no STARTTLS).
        public void greetAndEhlo() throws IOException {
            line("220 mail.demo.test ESMTP");
            if (readLine() == null) {
                return;
            }
            for (String l : List.of("250-mail.demo.test", "250-PIPELINING", "250 8BITMIME")) {
                line(l);
            }
        }

        /// Closes the connection from the server's side at once.
        public void hangUp() throws IOException {
            hungUp = true;
            socket.close();
        }

        /// Says nothing; returns when the client closes.
        public void silence() throws IOException {
            while (in.read() >= 0) {
                // swallow
            }
        }

        public Socket socket() {
            return socket;
        }
    }

    /// A port that accepts no new connection and answers no SYN: a listener whose accept queue is kept full,
    /// so the kernel drops new connection attempts, as a firewall that filters the port does. On loopback.
    public static final class FilteredPort implements AutoCloseable {
        private final ServerSocket listener;
        private final List<Socket> fillers = new ArrayList<>();

        public FilteredPort() throws IOException {
            listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            for (int i = 0; i < 16; i++) {
                Socket f = new Socket();
                try {
                    f.connect(listener.getLocalSocketAddress(), 300);
                    fillers.add(f);
                } catch (SocketTimeoutException e) {
                    f.close();
                    return; // the queue is full: from now on, connects time out
                }
            }
            close();
            throw new IOException("the accept queue never filled: cannot simulate a filtered port here");
        }

        public int port() {
            return listener.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            for (Socket f : fillers) {
                f.close();
            }
            listener.close();
        }
    }
}
