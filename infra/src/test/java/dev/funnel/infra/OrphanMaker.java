package dev.funnel.infra;

import java.util.concurrent.CountDownLatch;

/**
 * Run by {@link OrphanReapingTest} in a JVM of its own: starts a throwaway PostgreSQL, says which
 * postmaster and port it got, then waits to be killed.
 */
public final class OrphanMaker {

    static final String PREFIX = "orphan-maker: postmaster ";

    public static void main(String[] args) throws InterruptedException {
        PostgresServer postgres = PostgresServer.throwaway();
        System.out.println(PREFIX + postgres.pid() + " port " + postgres.port());
        System.out.flush();
        new CountDownLatch(1).await(); // until SIGKILL
    }

    private OrphanMaker() {
    }
}
