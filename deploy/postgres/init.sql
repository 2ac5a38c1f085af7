-- One database per service, each owned by that service alone (see DESIGN.md). The PostgreSQL image
-- runs this once, when docker-compose.yml starts it on an empty data volume; the services' Flyway
-- migrations create the tables. Database names must match the services' QUARKUS_DATASOURCE_JDBC_URL.
CREATE DATABASE marketing;
CREATE DATABASE sales;
CREATE DATABASE analytics;
