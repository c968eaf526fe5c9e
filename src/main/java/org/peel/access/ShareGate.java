package org.peel.access;

/**
 * The one way personal data leaves the force: a capability offers records for a share (a partner view, a MARAC or
 * case-panel pack, an export, gang data) and is handed back only what an active agreement allows, with the share
 * logged and audited, or a refusal with its reasons, also logged and audited. Capabilities call this interface and
 * never read the agreements or the share log themselves.
 */
public interface ShareGate {

    /**
     * Decides the share by {@link ShareRule}, records it in the share log (recipient, agreement, records, purpose,
     * categories shared and withheld) and in the audit trail in one transaction, and returns the decision: the
     * records to pass on, reduced to the agreement's categories, or none.
     */
    ShareDecision share(User by, ShareRequest request);

    /**
     * A disclosure the law requires without an agreement (a subject access answer): decided by
     * {@link ShareRule#decideStatutory}, which names the statute and needs a recipient and a purpose, and logged and
     * audited in one transaction like a share. The records pass as offered: the capability has already applied the
     * statute's own exemptions.
     */
    ShareDecision disclose(User by, StatutoryBasis basis, ShareRequest request);
}
