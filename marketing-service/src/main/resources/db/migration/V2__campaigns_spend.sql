-- Campaigns: where leads come from, with the budget and the spend that analytics sets against them.
CREATE TABLE campaign (
    id          uuid          PRIMARY KEY,
    name        varchar(200)  NOT NULL,
    channel     varchar(20)   NOT NULL,
    budget      numeric(19, 2) NOT NULL,
    currency    varchar(3)    NOT NULL,
    starts_on   date          NOT NULL,
    ends_on     date,
    status      varchar(10)   NOT NULL,
    created_at  timestamptz   NOT NULL,
    version     bigint        NOT NULL DEFAULT 0
);
-- utm.campaign resolves a lead to a campaign by name, whatever its case
CREATE INDEX campaign_name_idx ON campaign (lower(name));

CREATE TABLE spend (
    id          uuid          PRIMARY KEY,
    campaign_id uuid          NOT NULL REFERENCES campaign (id),
    amount      numeric(19, 2) NOT NULL,
    currency    varchar(3)    NOT NULL,
    spent_on    date          NOT NULL,
    recorded_at timestamptz   NOT NULL
);
CREATE INDEX spend_campaign_idx ON spend (campaign_id, spent_on);
