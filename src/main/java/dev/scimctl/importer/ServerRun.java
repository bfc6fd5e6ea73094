package dev.scimctl.importer;

import dev.scimctl.scim.ClientListener;
import dev.scimctl.scim.ScimClient;

import java.time.Clock;

/**
 * What any run of the importer that writes to the server (an import, an undo) works with: the client, the clock its
 * journal is stamped with, and the limit on requests in flight that the server's pushbacks lower.
 */
abstract sealed class ServerRun permits ImportRun, UndoRun {
    final ScimClient client;
    final Clock clock;
    final AdaptiveLimit limit;

    ServerRun(ScimClient client, int parallel, Clock clock) {
        this.client = client;
        this.clock = clock;
        this.limit = new AdaptiveLimit(parallel);
    }

    /** The core's notices, passed to the listener, and its pushbacks, which slow the run down. */
    public ClientListener clientListener(RunListener listener) {
        return limit.clientListener(listener::notice);
    }
}
