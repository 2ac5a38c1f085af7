package dev.funnel.simulator.cli;

import dev.funnel.simulator.Ledger;
import dev.funnel.simulator.client.FunnelClient;
import dev.funnel.simulator.play.Progress;
import dev.funnel.simulator.play.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;

/** {@code java -jar simulator.jar [options]}: plays the business, prints progress and the ledger. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(CommandLine.USAGE);
            return;
        }
        if (Arrays.asList(args).contains("--roles")) { // for scripts that mint the token
            System.out.println(String.join(",", Simulation.ROLES));
            return;
        }
        CommandLine command;
        try {
            command = CommandLine.parse(args, System.out, System::getenv);
        } catch (IllegalArgumentException e) {
            System.err.println("simulator: " + e.getMessage() + " (--help lists the options)");
            System.exit(2);
            return;
        }
        Ledger.Summary summary;
        Simulation simulation = new Simulation(command.options());
        try {
            summary = simulation.run();
        } catch (IllegalStateException e) {
            System.err.println("simulator: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println();
        System.out.print(Progress.summary(summary));
        if (command.summaryJson() != null) {
            Files.writeString(command.summaryJson(), FunnelClient.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(summary));
            System.out.println("ledger written to " + command.summaryJson());
        }
        if (simulation.denial().isPresent()) {
            System.err.println("simulator: stopped early, " + simulation.denial().get()
                    + "; the simulator needs a token with roles " + String.join(", ", Simulation.ROLES));
            System.exit(1);
        }
    }
}
