package org.relaydoctor.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;

/// A bare TCP connect to see whether a port answers from here; closed at once, nothing is said.
public final class PortKnock {
    private PortKnock() {}

    /// Empty when the port accepted the connection, else why not.
    public static Optional<ProbeFailure.Kind> knock(ProbeSession session, InetAddress address, int port) {
        int id = session.nextConnection();
        try (Socket s = new Socket()) {
            session.register(s);
            try {
                s.connect(new InetSocketAddress(address, port), (int) session.limits().connectTimeout().toMillis());
                session.transcript().note(id, "port " + port + " accepts connections");
                return Optional.empty();
            } finally {
                session.unregister(s);
            }
        } catch (SocketTimeoutException e) {
            session.transcript().note(id, "port " + port + ": no answer to connect");
            return Optional.of(ProbeFailure.Kind.CONNECT_TIMEOUT);
        } catch (ConnectException e) {
            session.transcript().note(id, "port " + port + ": " + e.getMessage());
            return Optional.of(String.valueOf(e.getMessage()).contains("refused")
                    ? ProbeFailure.Kind.CONNECTION_REFUSED : ProbeFailure.Kind.UNREACHABLE);
        } catch (ProbeFailure e) {
            return Optional.of(e.kind());
        } catch (IOException e) {
            return Optional.of(session.cancelled() ? ProbeFailure.Kind.CANCELLED : ProbeFailure.Kind.UNREACHABLE);
        }
    }
}
