-- Awareness: impressions, clicks and visits per campaign and UTC hour, one row per posted batch and
-- hour (each row is one published event, so rows are never merged).
CREATE TABLE awareness_hour (
    id          uuid        PRIMARY KEY,
    campaign_id uuid        NOT NULL REFERENCES campaign (id),
    hour        timestamptz NOT NULL,
    impressions bigint      NOT NULL CHECK (impressions >= 0),
    clicks      bigint      NOT NULL CHECK (clicks >= 0),
    visits      bigint      NOT NULL CHECK (visits >= 0),
    recorded_at timestamptz NOT NULL
);
CREATE INDEX awareness_hour_campaign_idx ON awareness_hour (campaign_id, hour);
