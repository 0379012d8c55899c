package org.relaydoctor.dns;

import java.util.List;
import org.xbill.DNS.Record;

/// The answer to one DNS question.
///
/// @param name     the name asked, without the trailing dot
/// @param type     the record type asked (dnsjava's `Type` constant)
/// @param status   how it ended
/// @param records  the answer section (CNAMEs included, in the order the server sent them)
/// @param detail   the failure's message, empty for answers
public record DnsAnswer(String name, int type, DnsStatus status, List<Record> records, String detail) {
    public DnsAnswer {
        records = List.copyOf(records);
    }

    /// The records of the asked type.
    public List<Record> ofType() {
        return records.stream().filter(r -> r.getType() == type).toList();
    }

    static DnsAnswer failed(String name, int type, DnsStatus status, String detail) {
        return new DnsAnswer(name, type, status, List.of(), detail);
    }
}
