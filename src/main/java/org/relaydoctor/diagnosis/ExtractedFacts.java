package org.relaydoctor.diagnosis;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/// What a pasted error text reveals about the account, so a profile can start from it.
///
/// @param outgoingServer  the SMTP server the mail program used (Outlook's "Server:", Thunderbird's server name)
/// @param port            the port the mail program used
/// @param ssl             whether the mail program used SSL/TLS, when the text says
/// @param account         the account name the mail program showed
/// @param sender          the user's own address (the bounce's recipient, or the account's address)
/// @param recipient       the address the message was refused for
/// @param addresses       every e-mail address in the text, in order, without repeats
/// @param reportingMta    the server that wrote the bounce (RFC 3464 Reporting-MTA)
/// @param remoteMta       the server that refused (RFC 3464 Remote-MTA)
public record ExtractedFacts(
        Optional<String> outgoingServer, OptionalInt port, Optional<Boolean> ssl, Optional<String> account,
        Optional<String> sender, Optional<String> recipient, List<String> addresses, Optional<String> reportingMta,
        Optional<String> remoteMta) {
    public ExtractedFacts {
        addresses = List.copyOf(addresses);
    }

    public static ExtractedFacts none() {
        return new ExtractedFacts(Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }

    /// True when the text revealed anything a profile could use.
    public boolean isEmpty() {
        return outgoingServer.isEmpty() && port.isEmpty() && ssl.isEmpty() && account.isEmpty() && sender.isEmpty()
                && addresses.isEmpty();
    }
}
