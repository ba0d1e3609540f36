-- The archive's first schema: dispatches with their revisions and sightings, archive entities with every name and
-- title seen, the decisions that joined them, events with their participants, full text, and feed state.

CREATE TABLE dispatches (
  id            INTEGER PRIMARY KEY,
  doc_id        TEXT NOT NULL,                 -- the extraction's id (input id or content hash)
  text_hash     TEXT NOT NULL UNIQUE,          -- sha256 of the normalised cleaned text: one text, one dispatch
  url           TEXT,                          -- the page's URL: one URL, one or more revisions
  revision      INTEGER NOT NULL DEFAULT 1,
  current       INTEGER NOT NULL DEFAULT 1,    -- 0 once a newer revision of the URL is stored
  superseded_by INTEGER REFERENCES dispatches(id),
  source        TEXT NOT NULL,
  feed          TEXT,
  lang          TEXT NOT NULL,
  title         TEXT,
  published     TEXT,
  agency        TEXT,
  dateline      TEXT,                          -- JSON
  text          TEXT NOT NULL,
  story_id      INTEGER,                       -- first dispatch of the story cluster
  ingested_at   TEXT NOT NULL,
  extraction    TEXT NOT NULL                  -- JSON: the extraction's entities, events and noise, as output
);
CREATE UNIQUE INDEX dispatches_url_revision ON dispatches(url, revision) WHERE url IS NOT NULL;
CREATE INDEX dispatches_url_current ON dispatches(url) WHERE current = 1;
CREATE INDEX dispatches_story ON dispatches(story_id);

-- Every input that was read as a dispatch (a rerun skips extraction when the raw input is known).
CREATE TABLE sightings (
  raw_hash    TEXT NOT NULL,
  source      TEXT NOT NULL,
  dispatch_id INTEGER NOT NULL REFERENCES dispatches(id),
  url         TEXT,
  seen_at     TEXT NOT NULL,
  PRIMARY KEY (raw_hash, source)
);
CREATE INDEX sightings_dispatch ON sightings(dispatch_id);

CREATE TABLE entities (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,
  name        TEXT NOT NULL,                   -- the name form seen most
  code        TEXT,
  country     TEXT,
  org         TEXT,
  merged_into INTEGER REFERENCES entities(id), -- set when a user merged this entity into another
  first_seen  TEXT,
  last_seen   TEXT,
  created_at  TEXT NOT NULL
);
CREATE INDEX entities_kind ON entities(kind, country);
CREATE INDEX entities_code ON entities(code);

CREATE TABLE entity_keys (
  key       TEXT NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  PRIMARY KEY (key, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_keys_entity ON entity_keys(entity_id);

CREATE TABLE entity_names (
  entity_id  INTEGER NOT NULL REFERENCES entities(id),
  name       TEXT NOT NULL,
  name_fold  TEXT NOT NULL,
  lang       TEXT,
  count      INTEGER NOT NULL DEFAULT 0,
  first_seen TEXT,
  last_seen  TEXT,
  PRIMARY KEY (entity_id, name)
) WITHOUT ROWID;
CREATE INDEX entity_names_fold ON entity_names(name_fold);

CREATE TABLE entity_titles (
  entity_id  INTEGER NOT NULL REFERENCES entities(id),
  title      TEXT NOT NULL,
  count      INTEGER NOT NULL DEFAULT 0,
  first_seen TEXT,
  last_seen  TEXT,
  PRIMARY KEY (entity_id, title)
) WITHOUT ROWID;

-- A dispatch's entity ("e9") and the archive entity it was resolved to, with the reason.
CREATE TABLE mentions (
  dispatch_id INTEGER NOT NULL REFERENCES dispatches(id),
  local_id    TEXT NOT NULL,
  entity_id   INTEGER NOT NULL REFERENCES entities(id),
  kind        TEXT NOT NULL,
  name        TEXT NOT NULL,
  title       TEXT,
  code        TEXT,
  country     TEXT,
  org         TEXT,
  reason      TEXT NOT NULL,
  seen        TEXT,                            -- the dispatch's date
  PRIMARY KEY (dispatch_id, local_id)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity_id);

-- Why names were joined into one entity (automatic decisions) or moved (user corrections).
CREATE TABLE merges (
  id          INTEGER PRIMARY KEY,
  entity_id   INTEGER NOT NULL REFERENCES entities(id),
  other_id    INTEGER REFERENCES entities(id),
  name        TEXT,
  dispatch_id INTEGER REFERENCES dispatches(id),
  reason      TEXT NOT NULL,
  by          TEXT NOT NULL CHECK (by IN ('auto', 'user')),
  at          TEXT NOT NULL
);
CREATE INDEX merges_entity ON merges(entity_id);
CREATE INDEX merges_other ON merges(other_id);

CREATE TABLE events (
  id           INTEGER PRIMARY KEY,
  dispatch_id  INTEGER NOT NULL REFERENCES dispatches(id),
  local_id     TEXT NOT NULL,
  mode         TEXT NOT NULL,
  type         TEXT NOT NULL,
  plover_mode  TEXT,
  cameo        TEXT,
  date_start   TEXT,
  date_end     TEXT,
  date_basis   TEXT NOT NULL,
  date_partial TEXT,                           -- JSON
  sort_date    TEXT NOT NULL,                  -- the start date, else the dispatch's date, else ''
  location_id  INTEGER REFERENCES entities(id),
  location_local TEXT,                         -- the dispatch's own id of the location entity
  topics       TEXT NOT NULL,                  -- JSON array
  background   INTEGER NOT NULL,
  planned      INTEGER NOT NULL,
  confidence   REAL NOT NULL,
  evidence     TEXT NOT NULL,                  -- JSON [{start, end, text}]
  signature    TEXT NOT NULL,                  -- the contact, whoever told it (see archive/resolve.ts)
  current      INTEGER NOT NULL DEFAULT 1,     -- the dispatch's revision is current
  counted      INTEGER NOT NULL DEFAULT 0,     -- the one report counted for its signature
  UNIQUE (dispatch_id, local_id)
);
CREATE INDEX events_sort ON events(sort_date, id);
CREATE INDEX events_signature ON events(signature);
CREATE INDEX events_mode ON events(mode, sort_date);

CREATE TABLE event_participants (
  event_id  INTEGER NOT NULL REFERENCES events(id),
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  local_id  TEXT NOT NULL,
  role      TEXT NOT NULL,
  side      TEXT,                              -- country ISO3 or organisation code the participant stands for
  PRIMARY KEY (event_id, local_id)
) WITHOUT ROWID;
CREATE INDEX event_participants_side ON event_participants(side, event_id);
CREATE INDEX event_participants_entity ON event_participants(entity_id, event_id);

CREATE VIRTUAL TABLE dispatch_fts USING fts5(
  title, text,
  content = 'dispatches', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE feeds (
  url           TEXT PRIMARY KEY,
  etag          TEXT,
  last_modified TEXT,
  last_checked  TEXT,
  last_status   INTEGER,
  last_error    TEXT
);

CREATE TABLE feed_items (
  feed        TEXT NOT NULL,
  item_key    TEXT NOT NULL,
  dispatch_id INTEGER NOT NULL REFERENCES dispatches(id),
  seen_at     TEXT NOT NULL,
  PRIMARY KEY (feed, item_key)
) WITHOUT ROWID;
