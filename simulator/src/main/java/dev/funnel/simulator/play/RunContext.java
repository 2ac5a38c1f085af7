package dev.funnel.simulator.play;

import dev.funnel.simulator.Ledger;
import dev.funnel.simulator.client.FunnelClient;

/** What the teams of one run share: its options, clock and agenda, the requests under way and the ledger. */
record RunContext(Simulation.Options options, BusinessClock clock, Agenda agenda, InFlight inFlight,
                  FunnelClient client, Ledger ledger) {

    /** A key unique to this run and the request it names, the same for every retry of that request. */
    String key(String request) {
        return "sim-" + options.runTag() + "-" + request;
    }
}
