package dev.funnel.simulator.play;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * What happens when, in business time: filled by the day's plan and by answers (a qualified lead
 * gets its first move scheduled), emptied by the simulation's loop as the clock passes each moment.
 * Equal moments keep the order they were scheduled in.
 */
final class Agenda {

    private record Happening(Instant at, long order, Runnable action) {
    }

    private final PriorityQueue<Happening> queue = new PriorityQueue<>((a, b) -> {
        int byTime = a.at().compareTo(b.at());
        return byTime != 0 ? byTime : Long.compare(a.order(), b.order());
    });
    private long scheduled;

    synchronized void at(Instant when, Runnable action) {
        queue.add(new Happening(when, scheduled++, action));
    }

    /** Takes everything due by {@code now}, earliest first. */
    synchronized List<Runnable> due(Instant now) {
        List<Runnable> due = new ArrayList<>();
        while (!queue.isEmpty() && !queue.peek().at().isAfter(now)) {
            due.add(queue.poll().action());
        }
        return due;
    }

    /** The next moment anything is scheduled for, or null. */
    synchronized Instant next() {
        return queue.isEmpty() ? null : queue.peek().at();
    }

    synchronized int size() {
        return queue.size();
    }
}
