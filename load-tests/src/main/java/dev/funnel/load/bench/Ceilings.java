package dev.funnel.load.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The raw rates the funnel stands on, measured on the same broker and server as the run, so the lead
 * figures can be read against them: a plain Kafka producer and plain single-row PostgreSQL inserts.
 * Both write to scratch places (a topic and a database of their own) that no service reads.
 */
final class Ceilings {

    /** A rate measured for {@code seconds}; {@code problem} when it could not be measured. */
    record Rate(String what, long count, double seconds, Optional<String> problem) {
        double perSecond() {
            return seconds == 0 ? 0 : count / seconds;
        }
    }

    static final int RECORD_BYTES = 1024;
    static final int INSERT_CONNECTIONS = 64;

    private Ceilings() {
    }

    /** A plain producer (acks=all, otherwise the client's defaults) sending 1 KB records as fast as it can. */
    static Rate kafkaProducer(String bootstrap, String runId, Duration duration) {
        String what = "Kafka producer, acks=all, " + RECORD_BYTES + " B records";
        String topic = "bench.ceiling." + runId;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(3), Optional.empty()))).all().get();
            LongAdder acked = new LongAdder();
            AtomicReference<Exception> failure = new AtomicReference<>();
            byte[] value = new byte[RECORD_BYTES];
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.CLIENT_ID_CONFIG, "funnel-bench-ceiling"),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                while (System.nanoTime() < end && failure.get() == null) {
                    producer.send(new ProducerRecord<>(topic, value), (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        } else {
                            acked.increment();
                        }
                    });
                }
                producer.flush();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            admin.deleteTopics(List.of(topic)).all().get();
            return new Rate(what, acked.sum(), seconds,
                    Optional.ofNullable(failure.get()).map(Exception::toString));
        } catch (Exception e) {
            return new Rate(what, 0, 0, Optional.of(e.toString()));
        }
    }

    /**
     * {@value #INSERT_CONNECTIONS} connections, each inserting one row a statement in autocommit, into a
     * table of a scratch database {@code bench} on the funnel's server (created if missing): each insert is
     * a commit, as a lead's is.
     */
    static Rate postgresInserts(String serverUrl, String user, String password, Duration duration) {
        String what = "PostgreSQL single-row INSERTs, autocommit, " + INSERT_CONNECTIONS + " connections";
        try {
            createScratchDatabase(serverUrl + "postgres", user, password);
            try (Connection c = DriverManager.getConnection(serverUrl + "bench", user, password);
                 Statement ddl = c.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS lead_insert");
                ddl.execute("CREATE TABLE lead_insert (id bigserial PRIMARY KEY, email text NOT NULL, "
                        + "created_at timestamptz NOT NULL DEFAULT now())");
            }
            LongAdder inserted = new LongAdder();
            AtomicReference<Exception> failure = new AtomicReference<>();
            List<Connection> connections = new ArrayList<>();
            for (int i = 0; i < INSERT_CONNECTIONS; i++) {
                connections.add(DriverManager.getConnection(serverUrl + "bench", user, password));
            }
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<Thread> threads = new ArrayList<>();
            for (Connection connection : connections) {
                threads.add(Thread.ofPlatform().daemon().start(() -> {
                    try (connection; PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO lead_insert (email) VALUES (?)")) {
                        for (long n = 0; System.nanoTime() < end; n++) {
                            insert.setString(1, "ceiling-" + Thread.currentThread().threadId() + "-" + n + "@example.com");
                            insert.executeUpdate();
                            inserted.increment();
                        }
                    } catch (SQLException e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Rate(what, inserted.sum(), seconds, Optional.ofNullable(failure.get()).map(Exception::toString));
        } catch (Exception e) {
            return new Rate(what, 0, 0, Optional.of(e.toString()));
        }
    }

    private static void createScratchDatabase(String adminUrl, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = c.createStatement()) {
            boolean exists;
            try (ResultSet found = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'bench'")) {
                exists = found.next();
            }
            if (!exists) {
                statement.execute("CREATE DATABASE bench");
            }
        }
    }
}
