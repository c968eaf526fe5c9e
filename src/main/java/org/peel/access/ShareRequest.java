package org.peel.access;

import java.util.List;

/**
 * An outbound share a capability asks for: to which partner organisation, under which agreement, for what purpose,
 * by what channel ("partner view", "MARAC pack", "export"), and the records offered.
 */
public record ShareRequest(String recipientId, String agreementId, String purpose, String channel,
                           List<SharedRecord> records) {

    public ShareRequest {
        records = List.copyOf(records);
    }
}
